import type { Content as GeminiContent, GenerateContentParameters, Part } from "@google/genai"
import {
  type Message,
  markStreaming,
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
  const system: Part[] = []
  // A completion template is sent as one user message.
  const contents =
    template.type === "chat"
      ? toContents(template.messages, system, warn)
      : toContents([{ role: "user", content: template.content }], system, warn, "prompt_template")
  if (contents.length === 0)
    throw unsupported("messages", "prompt_template", "no user or assistant message to answer")

  const { config, toolChoice, toolConfig } = toConfig(
    blueprint.metadata?.model?.parameters,
    options.parameters,
    warn,
  )
  if (system.length > 0) config.systemInstruction = { parts: system }
  const tools = toTools(chat?.tools, chat?.functions, warn)
  if (tools) config.tools = tools
  const calling = toToolConfig(chat?.tool_choice ?? toolChoice, chat?.function_call, toolConfig, warn)
  if (calling) config.toolConfig = calling
  const request: GenerateContentParameters =
    Object.keys(config).length > 0 ? { model, contents, config } : { model, contents }
  return options.stream ? markStreaming(request) : request
}

/**
 * Messages → `contents`, collecting the system instruction's parts in `system`. System and developer
 * messages, wherever they are, form the system instruction (Gemini has one, text only). Assistant turns
 * are `model` contents with their function calls after their parts; tool results are `functionResponse`
 * parts, named after the call they answer, and consecutive results share one `user` content, as Gemini
 * expects for parallel calls. A message left with no part is not sent: Gemini rejects empty contents.
 */
function toContents(
  messages: readonly Message[],
  system: Part[],
  warn: Warn,
  fixedPath?: string,
): GeminiContent[] {
  const contents: GeminiContent[] = []
  // Every call seen so far by id; a later call with the same id shadows an earlier one.
  const calls = new Map<string, string>()
  // The content of function responses that further results join, while it is the last content.
  let results: GeminiContent | undefined
  for (const [i, message] of messages.entries()) {
    const path = fixedPath ?? `prompt_template.messages[${i}]`
    const { role } = message
    if (role === "placeholder") throw notRendered("placeholder", path)
    if (message.name != null && role !== "tool" && role !== "function") warn("message.name", `${path}.name`)
    if (role === "tool" || role === "function") {
      const id = role === "tool" ? message.tool_call_id : undefined
      const name = calls.get(id!) ?? message.name
      if (!name)
        throw unsupported(
          "tool_result_without_call",
          path,
          `no tool call has the id ${id}, and Gemini needs the function's name`,
        )
      const part: Part = { functionResponse: { name, ...toFunctionResponse(message.content, path, warn) } }
      if (id && !isGeneratedCallId(id)) part.functionResponse!.id = id
      if (results && results === contents.at(-1)) results.parts!.push(part)
      else {
        results = { role: "user", parts: [part] }
        contents.push(results)
      }
      continue
    }
    const parts: Part[] = []
    for (const [j, item] of (message.content ?? []).entries()) {
      const itemPath = `${path}.content[${j}]`
      const part = toPart(item, itemPath, warn)
      if (!part) continue
      if (role !== "system" && role !== "developer") parts.push(part)
      else if (part.text !== undefined && !part.thought) {
        if (part.text) system.push({ text: part.text })
      } else warn(`content.${item.type}`, itemPath, "system instructions take text only")
    }
    if (role === "assistant") {
      const calling = [...(message.tool_calls ?? [])]
      if (message.function_call) calling.push({ id: "", type: "function", function: message.function_call })
      for (const [j, call] of calling.entries()) {
        const argumentsPath = call.id
          ? `${path}.tool_calls[${j}].function.arguments`
          : `${path}.function_call.arguments`
        const part: Part = {
          functionCall: {
            name: call.function.name,
            args: argumentsOf(call.function.arguments, argumentsPath),
          },
        }
        if (call.id && !isGeneratedCallId(call.id)) part.functionCall!.id = call.id
        if (call.provider_metadata?.thought_signature)
          part.thoughtSignature = call.provider_metadata.thought_signature
        calls.set(call.id, call.function.name)
        parts.push(part)
      }
    }
    if (parts.length > 0 && role !== "system" && role !== "developer")
      contents.push({ role: role === "assistant" ? "model" : "user", parts })
  }
  return contents
}

function argumentsOf(text: string, path: string): Record<string, unknown> {
  try {
    return parseToolArguments(text)
  } catch (error) {
    throw error instanceof ToolArgumentsError
      ? unsupported("tool_call.arguments", path, error.message)
      : error
  }
}
