import type {
  Content as GeminiContent,
  GenerateContentConfig,
  GenerateContentParameters,
  Part,
} from "@google/genai"
import {
  type Content,
  type Message,
  type PromptBlueprint,
  parseToolArguments,
  ToolArgumentsError,
  type ToRequestOptions,
} from "@pl/blueprint"
import { isGeneratedCallId } from "./call-ids.js"
import { notRendered, unsupported, type Warn, warner } from "./conversion.js"
import { toFunctionResponse, toPart } from "./convert-content.js"
import { toToolConfig, toTools } from "./convert-tools.js"
import { toConfig } from "./parameters.js"

// `generateContent` and `generateContentStream` take the same parameters, so the request itself cannot say
// which one to call. `toRequest` marks a streaming request with this non-enumerable symbol: the SDK reads
// only `model`, `contents` and `config`, JSON ignores symbols, and `send` reads it.
// TODO(shared): @pl/provider-bedrock marks its requests the same way; one helper in @pl/blueprint.
const STREAM = Symbol.for("@pl/provider-google.stream")

/**
 * Whether `send` streams `request`: true for a request from `toRequest(bp, { stream: true })`. A copy
 * (`{ ...request }`, `structuredClone`) loses the mark; pass `{ stream: true }` to `send` then.
 *
 * @example
 * isStreamingRequest(google.toRequest(bp, { stream: true })) // true
 */
export function isStreamingRequest(request: GenerateContentParameters): boolean {
  return (request as { [STREAM]?: unknown })[STREAM] === true
}

/**
 * A blueprint → `GenerateContentParameters`, what `ai.models.generateContent(request)` takes. What Gemini
 * cannot express is dropped with a warning through `options.onWarning`, or throws `UnsupportedFeatureError`
 * where dropping would change the prompt's meaning. See the README for the mapping.
 *
 * @example
 * const request = google.toRequest(blueprint, { model: "gemini-2.5-flash", stream: true })
 */
export function toRequest(
  blueprint: PromptBlueprint,
  options: ToRequestOptions = {},
): GenerateContentParameters {
  const model = options.model ?? blueprint.metadata?.model?.name
  if (!model)
    throw unsupported("model", "metadata.model.name", "no model: set metadata.model.name or options.model")
  const warn = warner(options.onWarning)
  const template = blueprint.prompt_template
  const chat = template.type === "chat" ? template : undefined
  // A completion template is sent as one user message.
  const { system, contents } = chat
    ? toContents(chat.messages, warn)
    : toContents(
        [{ role: "user", content: template.type === "completion" ? template.content : [] }],
        warn,
        "prompt_template",
      )
  if (contents.length === 0)
    throw unsupported(
      "messages",
      "prompt_template",
      "Gemini needs at least one user or assistant message to answer",
    )

  const fields = toConfig([blueprint.metadata?.model?.parameters, options.parameters], warn)
  const config: GenerateContentConfig = fields.config
  if (system.length > 0) config.systemInstruction = { parts: system }
  const tools = toTools(chat?.tools, chat?.functions, warn)
  if (tools) config.tools = tools
  const toolConfig = toToolConfig(
    chat?.tool_choice ?? fields.toolChoice,
    chat?.function_call,
    fields.toolConfig,
    warn,
  )
  if (toolConfig) config.toolConfig = toolConfig

  const request: GenerateContentParameters = { model, contents }
  if (Object.keys(config).length > 0) request.config = config
  if (options.stream) Object.defineProperty(request, STREAM, { value: true })
  return request
}

/**
 * Messages → `systemInstruction` parts and `contents`. System and developer messages, wherever they are,
 * form the system instruction (Gemini has one, text only). Assistant turns are `model` contents with their
 * function calls after their parts; tool results are `functionResponse` parts, named after the call they
 * answer, and consecutive results share one `user` content, as Gemini expects for parallel calls.
 */
function toContents(
  messages: readonly Message[],
  warn: Warn,
  fixedPath?: string,
): { system: Part[]; contents: GeminiContent[] } {
  const system: Part[] = []
  const contents: GeminiContent[] = []
  // Every call seen so far by id; a later call with the same id shadows an earlier one.
  const calls = new Map<string, string>()
  // The content of function responses that further results join, while it is the last content.
  let results: GeminiContent | undefined
  for (const [i, message] of messages.entries()) {
    const path = fixedPath ?? `prompt_template.messages[${i}]`
    if (
      message.name != null &&
      message.role !== "tool" &&
      message.role !== "function" &&
      message.role !== "placeholder"
    )
      warn("message.name", `${path}.name`, "Gemini messages have no participant name")
    switch (message.role) {
      case "system":
      case "developer":
        system.push(...systemParts(message.content, path, warn))
        break
      case "user":
        pushContent(contents, "user", toParts(message.content, path, warn))
        break
      case "assistant": {
        const parts = toParts(message.content ?? [], path, warn)
        for (const [j, call] of (message.tool_calls ?? []).entries()) {
          const callPath = `${path}.tool_calls[${j}]`
          const part: Part = {
            functionCall: { name: call.function.name, args: argumentsOf(call.function.arguments, callPath) },
          }
          if (call.id && !isGeneratedCallId(call.id)) part.functionCall!.id = call.id
          const signature = call.provider_metadata?.thought_signature
          if (signature) part.thoughtSignature = signature
          calls.set(call.id, call.function.name)
          parts.push(part)
        }
        if (message.function_call) {
          const { name, arguments: args } = message.function_call
          parts.push({ functionCall: { name, args: argumentsOf(args, `${path}.function_call`) } })
        }
        pushContent(contents, "model", parts)
        break
      }
      case "tool":
      case "function": {
        const id = message.role === "tool" ? message.tool_call_id : undefined
        const name = (id === undefined ? undefined : calls.get(id)) ?? message.name
        if (!name)
          throw unsupported(
            "tool_result_without_call",
            path,
            `no assistant tool call has the id ${JSON.stringify(id)}, and Gemini needs the function's name`,
          )
        const part: Part = { functionResponse: { name, ...toFunctionResponse(message.content, path, warn) } }
        if (id && !isGeneratedCallId(id)) part.functionResponse!.id = id
        if (results && results === contents.at(-1)) results.parts!.push(part)
        else {
          results = { role: "user", parts: [part] }
          contents.push(results)
        }
        break
      }
      case "placeholder":
        throw notRendered("placeholder", path)
      default:
        warn(`message.${(message as { role: string }).role}`, path, "unknown message role; it was not sent")
    }
  }
  return { system, contents }
}

function toParts(content: readonly Content[], path: string, warn: Warn): Part[] {
  const parts: Part[] = []
  for (const [j, item] of content.entries()) {
    const part = toPart(item, `${path}.content[${j}]`, warn)
    if (part) parts.push(part)
  }
  return parts
}

function systemParts(content: readonly Content[], path: string, warn: Warn): Part[] {
  const parts: Part[] = []
  for (const [j, item] of content.entries()) {
    if (item.type !== "text") {
      warn(`content.${item.type}`, `${path}.content[${j}]`, "Gemini's system instruction takes text only")
      continue
    }
    const text = (item as { text: string }).text
    if (text !== "") parts.push({ text })
  }
  return parts
}

// A message whose parts were all dropped (or that had none) is left out: Gemini rejects empty contents.
function pushContent(contents: GeminiContent[], role: "user" | "model", parts: Part[]) {
  if (parts.length > 0) contents.push({ role, parts })
}

function argumentsOf(text: string, path: string): Record<string, unknown> {
  try {
    return parseToolArguments(text)
  } catch (error) {
    if (error instanceof ToolArgumentsError)
      throw unsupported("tool_call.arguments", `${path}.function.arguments`, error.message)
    throw error
  }
}
