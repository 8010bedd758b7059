import {
  type AssistantMessage,
  type Completion,
  type Content,
  guessMimeType,
  isKnownContent,
  isKnownTool,
  type Message,
  mediaKind,
  type PromptTemplate,
  parseMediaSource,
} from "@pl/blueprint"

/**
 * A message part in the shape of the GenAI semantic conventions' message JSON schemas
 * (`gen-ai-input-messages.json`, `gen-ai-output-messages.json`): `text`, `reasoning`, `tool_call`,
 * `tool_call_response`, `uri`, `blob`, or any other `type` (their `GenericPart`).
 */
export type GenAiPart = { type: string; [key: string]: unknown }

/** A message in the conventions' shape: a role and its parts. */
export interface GenAiMessage {
  role: string
  parts: GenAiPart[]
  name?: string
  finish_reason?: string
}

/** A tool the model may call, in the shape of `gen-ai-tool-definitions.json`. */
export interface GenAiToolDefinition {
  type: string
  name?: string
  description?: string
  parameters?: unknown
}

/**
 * What a rendered template sends, split the way the conventions record it: system and developer
 * messages are the system instructions (`gen_ai.system_instructions`, their parts in order), every
 * other message is input (`gen_ai.input.messages`); a completion template is one user message.
 *
 * @example
 * const { instructions, messages } = inputContent(rendered)
 */
export function inputContent(template: PromptTemplate): {
  instructions: GenAiPart[]
  messages: GenAiMessage[]
} {
  if (template.type === "completion") return { instructions: [], messages: [userMessage(template.content)] }
  const instructions: GenAiPart[] = []
  const messages: GenAiMessage[] = []
  for (const message of template.messages) {
    if (message.role === "system" || message.role === "developer")
      instructions.push(...message.content.map(toPart))
    else if (message.role !== "placeholder") messages.push(toMessage(message))
  }
  return { instructions, messages }
}

/**
 * The tools a template offers (`gen_ai.tool.definitions`): functions with their JSON Schema
 * parameters, built-in tools by type and name.
 *
 * @example
 * toolDefinitions({ type: "chat", messages: [], tools: [{ type: "function", function: { name: "f" } }] })
 * // [{ type: "function", name: "f" }]
 */
export function toolDefinitions(template: PromptTemplate): GenAiToolDefinition[] {
  if (template.type !== "chat") return []
  const definitions: GenAiToolDefinition[] = []
  for (const tool of template.tools ?? []) {
    if (isKnownTool(tool) && tool.type === "function") {
      definitions.push(functionDefinition(tool.function))
    } else if (tool.type !== "tool_variable") {
      const name = "name" in tool && typeof tool.name === "string" ? tool.name : undefined
      definitions.push(name ? { type: tool.type, name } : { type: tool.type })
    }
  }
  for (const fn of template.functions ?? []) definitions.push(functionDefinition(fn))
  return definitions
}

/**
 * The model's reply as one output message (`gen_ai.output.messages`). `finish_reason` is the
 * conventions' value (`tool_calls` is their `tool_call`), or `fallback` when the provider gave none.
 *
 * @example
 * outputMessage({ message: { role: "assistant", content: [{ type: "text", text: "Hi" }] }, finish_reason: "stop" }, "stop")
 */
export function outputMessage(completion: Completion, fallback: string): GenAiMessage {
  const reason = completion.finish_reason
  return {
    ...toMessage(completion.message),
    finish_reason:
      reason === "tool_calls" ? "tool_call" : (reason ?? completion.raw_finish_reason ?? fallback),
  }
}

function functionDefinition(fn: {
  name: string
  description?: string | null | undefined
  parameters?: unknown
}): GenAiToolDefinition {
  return {
    type: "function",
    name: fn.name,
    ...(fn.description ? { description: fn.description } : {}),
    ...(fn.parameters ? { parameters: fn.parameters } : {}),
  }
}

function userMessage(content: readonly Content[]): GenAiMessage {
  return { role: "user", parts: content.map(toPart) }
}

function toMessage(message: Message | AssistantMessage): GenAiMessage {
  switch (message.role) {
    case "assistant": {
      const parts = (message.content ?? []).map(toPart)
      for (const call of message.tool_calls ?? [])
        parts.push({
          type: "tool_call",
          id: call.id,
          name: call.function.name,
          arguments: parseArguments(call.function.arguments),
        })
      if (message.function_call)
        parts.push({
          type: "tool_call",
          name: message.function_call.name,
          arguments: parseArguments(message.function_call.arguments),
        })
      return { role: "assistant", parts }
    }
    case "tool":
      return {
        role: "tool",
        parts: [{ type: "tool_call_response", id: message.tool_call_id, response: textOf(message.content) }],
      }
    case "function":
      return {
        role: "tool",
        name: message.name,
        parts: [{ type: "tool_call_response", response: textOf(message.content) }],
      }
    default:
      return { role: message.role, parts: (message.content ?? []).map(toPart) }
  }
}

/**
 * One content part. Inline media (data URLs, base64) is recorded without its bytes: a `blob` part with
 * its modality and mime type only, so a span never carries a whole image.
 */
function toPart(part: Content): GenAiPart {
  if (!isKnownContent(part)) return { type: part.type }
  switch (part.type) {
    case "text":
      return { type: "text", content: part.text }
    case "thinking":
      return { type: "reasoning", content: part.thinking }
    case "redacted_thinking":
      return { type: "redacted_reasoning" }
    case "image_url":
      return mediaPart(part.image_url.url, undefined)
    case "media":
      return mediaPart(part.media.url, part.media.type)
    case "output_media":
      return mediaPart(part.url, part.mime_type)
    case "code":
      return { type: "code", content: part.code, ...(part.language ? { language: part.language } : {}) }
    default:
      return { type: part.type }
  }
}

function mediaPart(value: string, mimeType: string | undefined): GenAiPart {
  try {
    const source = parseMediaSource(value, mimeType)
    // The conventions ask for the modality: a type the prompt does not give is guessed (extension, bytes).
    const type = source.mimeType ?? guessMimeType(source)
    const modality = mediaKind(type)
    const mime = type ? { mime_type: type } : {}
    return source.kind === "url"
      ? { type: "uri", modality, ...mime, uri: source.url }
      : { type: "blob", modality, ...mime }
  } catch {
    return { type: "blob", modality: mediaKind(mimeType) }
  }
}

function textOf(content: readonly Content[]): string {
  return content.map((part) => (isKnownContent(part) && part.type === "text" ? part.text : "")).join("")
}

function parseArguments(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}
