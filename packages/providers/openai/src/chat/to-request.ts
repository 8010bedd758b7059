/**
 * Blueprint → Chat Completions request (`client.chat.completions.create`).
 */

import {
  type ChatTemplate,
  isKnownTool,
  keepNativeParameters,
  type PortableParameters,
  type PromptBlueprint,
  type ResponseFormat,
  splitParameters,
  type ToRequestOptions,
} from "@pl/blueprint"
import type {
  ChatCompletionCreateParams,
  ChatCompletionTool,
  ChatCompletionToolChoiceOption,
} from "openai/resources/chat/completions"
import {
  type Conversion,
  definedOnly,
  drop,
  isRecord,
  messagesOf,
  modelOf,
  notRendered,
  toolChoiceOf,
} from "../conversion.js"
import { toChatMessage } from "./to-messages.js"

/**
 * Chat Completions fields the blueprint has no portable name for, sent as written; any other native
 * parameter is dropped with a warning rather than sent to fail.
 *
 * @example
 * CHAT_PARAMETERS.has("reasoning_effort") // true: sent as written
 * CHAT_PARAMETERS.has("top_k") // false: dropped with a warning
 */
export const CHAT_PARAMETERS: ReadonlySet<string> = new Set([
  "audio",
  "logit_bias",
  "logprobs",
  "metadata",
  "modalities",
  "n",
  "prediction",
  "prompt_cache_key",
  "prompt_cache_retention",
  "reasoning_effort",
  "safety_identifier",
  "service_tier",
  "store",
  "stream_options",
  "top_logprobs",
  "user",
  "verbosity",
  "web_search_options",
])

/** Portable parameter → Chat field. `max_tokens` is deprecated in Chat and refused by reasoning models. */
const PORTABLE_FIELDS = {
  temperature: "temperature",
  top_p: "top_p",
  max_tokens: "max_completion_tokens",
  stop: "stop",
  seed: "seed",
  frequency_penalty: "frequency_penalty",
  presence_penalty: "presence_penalty",
} as const satisfies Partial<Record<keyof PortableParameters, keyof ChatCompletionCreateParams>>

const PROVIDER = "openai"

export function toChatRequest(
  blueprint: PromptBlueprint,
  options: ToRequestOptions = {},
): ChatCompletionCreateParams {
  const c: Conversion = { provider: PROVIDER, onWarning: options.onWarning }
  const { portable, native } = splitParameters(blueprint.metadata?.model?.parameters, options.parameters)
  // Typed as the union: a streaming request is the same object with `stream: true`.
  const request = {
    ...keepNativeParameters(native, CHAT_PARAMETERS, PROVIDER, options.onWarning),
    model: modelOf(c, blueprint, options),
    messages: messagesOf(blueprint).map(({ message, path }) => toChatMessage(c, message, path)),
  } as ChatCompletionCreateParams
  const fields = request as unknown as Record<string, unknown>
  for (const [name, field] of Object.entries(PORTABLE_FIELDS)) {
    const value = portable[name as keyof typeof PORTABLE_FIELDS]
    if (value !== undefined) fields[field] = value
  }
  if (portable.top_k !== undefined)
    drop(c, "parameters.top_k", "metadata.model.parameters", "Chat has no top_k")
  if (portable.response_format) request.response_format = toChatResponseFormat(portable.response_format)
  const template = blueprint.prompt_template.type === "chat" ? blueprint.prompt_template : undefined
  writeTools(c, request, template, portable)
  writeFunctions(request, template)
  if (options.stream) {
    request.stream = true
    // Without it a Chat stream reports no usage.
    request.stream_options ??= { include_usage: true }
  }
  return request
}

/** The blueprint's `response_format` has Chat's own shape; only its empty fields are left out. */
export function toChatResponseFormat(
  format: ResponseFormat,
): NonNullable<ChatCompletionCreateParams["response_format"]> {
  if (format.type !== "json_schema") return { type: format.type }
  return { type: "json_schema", json_schema: definedOnly(format.json_schema) }
}

function writeTools(
  c: Conversion,
  request: ChatCompletionCreateParams,
  template: ChatTemplate | undefined,
  portable: PortableParameters,
): void {
  const tools: ChatCompletionTool[] = []
  template?.tools?.forEach((tool, i) => {
    const path = `prompt_template.tools[${i}]`
    if (!isKnownTool(tool)) drop(c, `tools.${tool.type}`, path, "an unknown tool type")
    else if (tool.type === "function") tools.push({ type: "function", function: definedOnly(tool.function) })
    else if (tool.type === "tool_variable") throw notRendered(c, "tool_variable", path)
    else drop(c, `tools.${tool.type}`, path, "Chat has no built-in tools")
  })
  // OpenAI refuses an empty `tools` list, and `tool_choice` or `parallel_tool_calls` without tools.
  const choice = template?.tool_choice ?? portable.tool_choice
  if (tools.length > 0) request.tools = tools
  if (choice != null) {
    const chat = toChatToolChoice(choice)
    if (chat === undefined || tools.length === 0)
      drop(c, "tool_choice", "prompt_template.tool_choice", "no tools, or a choice Chat cannot take")
    else request.tool_choice = chat
  }
  if (portable.parallel_tool_calls !== undefined) {
    if (tools.length > 0) request.parallel_tool_calls = portable.parallel_tool_calls
    else drop(c, "parameters.parallel_tool_calls", "metadata.model.parameters", "no tools to call")
  }
}

function toChatToolChoice(choice: unknown): ChatCompletionToolChoiceOption | undefined {
  const blueprint = toolChoiceOf(choice)
  if (blueprint === "auto" || blueprint === "none" || blueprint === "required") return blueprint
  // Named function, custom tool and allowed-tools choices have the same shape in the blueprint and in Chat.
  if (isRecord(blueprint) && ["function", "custom", "allowed_tools"].includes(String(blueprint.type)))
    return blueprint as unknown as ChatCompletionToolChoiceOption
  return undefined
}

/** The legacy `functions` and `function_call` settings, as written. */
function writeFunctions(request: ChatCompletionCreateParams, template: ChatTemplate | undefined): void {
  if (!template?.functions?.length) return
  request.functions = template.functions.map((fn) => definedOnly(fn))
  if (template.function_call != null) request.function_call = template.function_call
}
