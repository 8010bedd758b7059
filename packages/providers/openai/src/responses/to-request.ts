/**
 * Blueprint → Responses API request (`client.responses.create`).
 */

import {
  type ChatTemplate,
  type FunctionDefinition,
  isKnownTool,
  keepNativeParameters,
  type PortableParameters,
  type PromptBlueprint,
  type ResponseFormat,
  splitParameters,
  type ToRequestOptions,
} from "@pl/blueprint"
import type {
  ResponseCreateParams,
  ResponseFormatTextConfig,
  ResponseInputItem,
  Tool,
} from "openai/resources/responses/responses"
import { responsesToolType } from "../built-in-tools.js"
import {
  type Conversion,
  definedOnly,
  drop,
  isRecord,
  messagesOf,
  modelOf,
  notRendered,
  toolChoiceOf,
  unsupported,
  warn,
} from "../conversion.js"
import { toInputItems } from "./to-input.js"

/**
 * Responses API fields the blueprint has no portable name for, sent as written; any other native
 * parameter is dropped with a warning rather than sent to fail. `reasoning_effort` and `verbosity` (the
 * Chat names) are moved to `reasoning.effort` and `text.verbosity`.
 *
 * @example
 * RESPONSES_PARAMETERS.has("store") // true: sent as written
 * RESPONSES_PARAMETERS.has("logit_bias") // false: dropped with a warning
 */
export const RESPONSES_PARAMETERS: ReadonlySet<string> = new Set([
  "background",
  "context_management",
  "conversation",
  "include",
  "instructions",
  "max_tool_calls",
  "metadata",
  "previous_response_id",
  "prompt",
  "prompt_cache_key",
  "prompt_cache_retention",
  "reasoning",
  "safety_identifier",
  "service_tier",
  "store",
  "stream_options",
  "text",
  "top_logprobs",
  "truncation",
  "user",
])

/** The include entry that makes OpenAI return reasoning's encrypted content, needed to replay it. */
export const ENCRYPTED_REASONING = "reasoning.encrypted_content"

const PROVIDER = "openai.responses"

/** `max_output_tokens` below 16 is refused (the spec's `minimum: 16`). */
const MIN_OUTPUT_TOKENS = 16

export function toResponsesRequest(
  blueprint: PromptBlueprint,
  options: ToRequestOptions = {},
): ResponseCreateParams {
  const c: Conversion = { provider: PROVIDER, onWarning: options.onWarning }
  const { portable, native } = splitParameters(blueprint.metadata?.model?.parameters, options.parameters)
  const { reasoning_effort, verbosity, ...rest } = native
  // Typed as the union: a streaming request is the same object with `stream: true`.
  const request = {
    ...keepNativeParameters(rest, RESPONSES_PARAMETERS, PROVIDER, options.onWarning),
    model: modelOf(c, blueprint, options),
  } as ResponseCreateParams
  const input: ResponseInputItem[] = []
  let signed = false
  for (const { message, path } of messagesOf(blueprint))
    signed = toInputItems(c, input, message, path) || signed
  request.input = input
  if (reasoning_effort != null)
    request.reasoning = { ...request.reasoning, effort: reasoning_effort as never }
  if (verbosity != null) request.text = { ...request.text, verbosity: verbosity as never }
  writePortable(c, request, portable)
  writeTools(
    c,
    request,
    blueprint.prompt_template.type === "chat" ? blueprint.prompt_template : undefined,
    portable,
  )
  // Replaying encrypted reasoning statelessly: ask for this turn's reasoning encrypted too.
  if (signed && !request.include?.includes(ENCRYPTED_REASONING))
    request.include = [...(request.include ?? []), ENCRYPTED_REASONING]
  if (options.stream) request.stream = true
  return request
}

function writePortable(c: Conversion, request: ResponseCreateParams, portable: PortableParameters): void {
  if (portable.temperature !== undefined) request.temperature = portable.temperature
  if (portable.top_p !== undefined) request.top_p = portable.top_p
  if (portable.max_tokens !== undefined)
    request.max_output_tokens = Math.max(portable.max_tokens, MIN_OUTPUT_TOKENS)
  if (portable.max_tokens !== undefined && portable.max_tokens < MIN_OUTPUT_TOKENS)
    warn(
      c,
      "parameters.max_tokens",
      "metadata.model.parameters",
      `raised to ${MIN_OUTPUT_TOKENS}, the Responses API minimum`,
    )
  if (portable.response_format)
    request.text = { ...request.text, format: toTextFormat(portable.response_format) }
  for (const name of ["stop", "seed", "top_k", "frequency_penalty", "presence_penalty"] as const) {
    if (portable[name] !== undefined)
      drop(c, `parameters.${name}`, "metadata.model.parameters", `the Responses API has no ${name}`)
  }
}

/** Structured output: Chat's `response_format` becomes `text.format`, the schema's fields one level up. */
export function toTextFormat(format: ResponseFormat): ResponseFormatTextConfig {
  if (format.type !== "json_schema") return { type: format.type }
  return { type: "json_schema", ...definedOnly(format.json_schema) }
}

function writeTools(
  c: Conversion,
  request: ResponseCreateParams,
  template: ChatTemplate | undefined,
  portable: PortableParameters,
): void {
  if (template?.functions?.length)
    throw unsupported(
      c,
      "functions",
      "prompt_template.functions",
      "legacy functions are Chat only; use tools",
    )
  const tools: Tool[] = []
  for (const [i, tool] of (template?.tools ?? []).entries()) {
    const path = `prompt_template.tools[${i}]`
    const type = responsesToolType(tool.type)
    if (!isKnownTool(tool)) drop(c, `tools.${tool.type}`, path, "an unknown tool type")
    else if (tool.type === "tool_variable") throw notRendered(c, "tool_variable", path)
    else if (tool.type === "function") tools.push(toFunctionTool(tool.function))
    else if (type === undefined) drop(c, `tools.${tool.type}`, path, `OpenAI has no ${tool.type} tool`)
    // The code interpreter needs a container; `auto` (OpenAI creates one) is its documented default.
    else
      tools.push({
        ...(type === "code_interpreter" && { container: { type: "auto" } }),
        ...tool.config,
        type,
      } as Tool)
  }
  if (tools.length > 0) request.tools = tools
  const choice = template?.tool_choice ?? portable.tool_choice
  if (choice != null) {
    const out = toResponsesToolChoice(choice)
    if (out === undefined || tools.length === 0)
      drop(c, "tool_choice", "prompt_template.tool_choice", "no tools, or a choice OpenAI cannot take")
    else request.tool_choice = out
  }
  if (portable.parallel_tool_calls !== undefined) request.parallel_tool_calls = portable.parallel_tool_calls
}

/** The Responses API makes function tools strict by default; the blueprint's default is not strict. */
function toFunctionTool({ name, description, parameters, strict }: FunctionDefinition): Tool {
  return {
    type: "function",
    name,
    ...(description != null && { description }),
    parameters: parameters ?? null,
    strict: strict ?? false,
  }
}

/** Tool choice types the Responses API takes (its `ToolChoice*` schemas). */
const CHOICE_TYPES: ReadonlySet<string> = new Set([
  "function",
  "custom",
  "allowed_tools",
  "mcp",
  "shell",
  "apply_patch",
  "file_search",
  "web_search_preview",
  "computer_use_preview",
  "computer_use",
  "computer",
  "code_interpreter",
  "image_generation",
])

function toResponsesToolChoice(choice: unknown): ResponseCreateParams["tool_choice"] {
  const blueprint = toolChoiceOf(choice)
  if (blueprint === "auto" || blueprint === "none" || blueprint === "required") return blueprint
  if (!isRecord(blueprint)) return undefined
  // The blueprint names a function Chat's way, `{ type: "function", function: { name } }`.
  if (blueprint.type === "function" && isRecord(blueprint.function))
    return { type: "function", name: String(blueprint.function.name) }
  const type = responsesToolType(String(blueprint.type)) ?? String(blueprint.type)
  return CHOICE_TYPES.has(type) ? ({ ...blueprint, type } as ResponseCreateParams["tool_choice"]) : undefined
}
