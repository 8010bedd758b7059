import {
  type Annotation,
  type AssistantMessage,
  type Content,
  type KnownContent,
  type MediaSource,
  MediaSourceError,
  type Message,
  mediaKind,
  parseMediaSource,
  type TextContent,
  type ToolCall,
  toDataUrl,
} from "@pl/blueprint"
import type { Cohere } from "cohere-ai"
import { annotationsToCitations } from "./citations.js"
import { RENDER_FIRST, unsupported, type Warn, warn } from "./context.js"
import type { CohereCitation, CohereMessage, CohereToolCall } from "./types.js"
import { isObject } from "./wire.js"

/**
 * Converts a message's parts with `convert`, which returns the Cohere item, `null` for a part it used
 * otherwise, or `undefined` for a part the role cannot hold: dropped with a warning, as are parts of types
 * this version does not know. Media variables must be rendered first.
 */
function convertParts<T>(
  content: readonly Content[],
  path: string,
  onWarning: Warn,
  where: string,
  convert: (part: KnownContent, at: string) => T | null | undefined,
): T[] {
  const items: T[] = []
  for (const [j, part] of content.entries()) {
    const at = `${path}.content[${j}]`
    if (part.type === "media_variable") throw unsupported("content.media_variable", at, RENDER_FIRST)
    // `convert` picks the types it takes by name, so a part of an unknown type (which parsing keeps with any
    // type string but a known one) reaches the warning like any part the role cannot hold, with no need
    // for `isKnownContent`'s list of every type in the bundle.
    const item = convert(part as KnownContent, at)
    if (item === undefined)
      warn(onWarning, `content.${part.type}`, at, `Cohere ${where} messages hold no ${part.type}`)
    else if (item !== null) items.push(item)
  }
  return items
}

const NO_SIGNATURES = "Cohere has no signatures"

/** Fields of a text part Cohere has no place for. */
function checkText(part: TextContent, at: string, onWarning: Warn, citable: boolean) {
  if (part.thought_signature != null) warn(onWarning, "thought_signature", at, NO_SIGNATURES)
  if (!citable && part.annotations?.length)
    warn(onWarning, "annotations", at, "Cohere cites in assistant messages only")
}

const text = (part: TextContent) => ({ type: "text" as const, text: part.text })

/** One plain text part is sent as a string, as Cohere's examples write it; anything else as a list. */
function compact<T extends { type: string }>(items: T[]): string | T[] {
  const [only] = items
  return items.length === 1 && only?.type === "text" ? (only as T & { text: string }).text : items
}

function systemMessage(content: readonly Content[], path: string, onWarning: Warn): CohereMessage {
  const items = convertParts(content, path, onWarning, "system", (part, at) => {
    if (part.type !== "text") return undefined
    checkText(part, at, onWarning, false)
    return text(part)
  })
  return { role: "system", content: compact(items) }
}

function userItem(part: KnownContent, at: string, onWarning: Warn): Cohere.Content | undefined {
  if (part.type === "text") {
    checkText(part, at, onWarning, false)
    return text(part)
  }
  if (part.type === "image_url") {
    const imageUrl: Cohere.ImageUrl = { url: part.image_url.url }
    if (part.image_url.detail != null) imageUrl.detail = part.image_url.detail
    return { type: "image_url", imageUrl }
  }
  if (part.type !== "media") return undefined
  if (mediaKind(part.media.type) !== "image")
    throw unsupported("content.media", at, `Cohere reads no ${part.media.type}`)
  // Cohere takes a web URL or a data URL as is; bare base64 is wrapped in a data URL of the declared type.
  let source: MediaSource
  try {
    source = parseMediaSource(part.media.url, part.media.type)
  } catch (error) {
    throw error instanceof MediaSourceError ? unsupported("content.media", at, error.message) : error
  }
  const url = source.kind === "url" ? source.url : toDataUrl(source.data, source.mimeType ?? part.media.type)
  return { type: "image_url", imageUrl: { url } }
}

function userMessage(content: readonly Content[], path: string, onWarning: Warn): CohereMessage {
  const items = convertParts(content, path, onWarning, "user", (part, at) => userItem(part, at, onWarning))
  return { role: "user", content: compact(items) }
}

/**
 * Tool results are text; a text part with an `id` whose text is a JSON object is a Cohere document
 * (`{ type: "document", document: { id, data } }`), which Cohere can cite by that id.
 */
function toolItem(part: TextContent): Cohere.ToolContent {
  if (typeof part.id === "string" && part.text.startsWith("{")) {
    try {
      const data: unknown = JSON.parse(part.text)
      if (isObject(data)) return { type: "document", document: { id: part.id, data } }
    } catch {
      // Not JSON: plain text.
    }
  }
  return text(part)
}

function toolMessage(
  message: Extract<Message, { role: "tool" }>,
  path: string,
  onWarning: Warn,
): CohereMessage {
  const items = convertParts(message.content, path, onWarning, "tool", (part, at) => {
    if (part.type !== "text") return undefined
    checkText(part, at, onWarning, false)
    return toolItem(part)
  })
  return { role: "tool", toolCallId: message.tool_call_id, content: compact(items) }
}

function toolCall(call: ToolCall, at: string, onWarning: Warn): CohereToolCall {
  if (call.provider_metadata?.thought_signature != null)
    warn(onWarning, "thought_signature", at, NO_SIGNATURES)
  return {
    id: call.id,
    type: "function",
    function: { name: call.function.name, arguments: call.function.arguments },
  }
}

/**
 * An assistant turn. With tool calls, its text is Cohere's `tool_plan` (the text the model wrote before
 * calling, joined into one string) and its thinking stays in `content`; without, text and thinking are
 * `content` in order. Text annotations become `citations`.
 */
function assistantMessage(message: AssistantMessage, path: string, onWarning: Warn): CohereMessage {
  if (message.function_call != null)
    throw unsupported("function_call", `${path}.function_call`, "Cohere calls need an id: use tool_calls")
  const calls = message.tool_calls ?? []
  // Annotated text parts, by their position among the text parts.
  const cited: { nth: number; annotations: readonly Annotation[]; at: string }[] = []
  let texts = 0
  const planCitations: CohereCitation[] = []
  let plan = ""
  const items = convertParts(
    message.content ?? [],
    path,
    onWarning,
    "assistant",
    (part, at): Cohere.AssistantMessageV2ContentOneItem | null | undefined => {
      if (part.type === "thinking") {
        if (part.signature != null) warn(onWarning, "thinking.signature", at, NO_SIGNATURES)
        return { type: "thinking", thinking: part.thinking }
      }
      if (part.type !== "text") return undefined
      checkText(part, at, onWarning, true)
      if (calls.length === 0) {
        if (part.annotations?.length) cited.push({ nth: texts, annotations: part.annotations, at })
        texts++
        return text(part)
      }
      if (part.annotations?.length)
        planCitations.push(
          ...annotationsToCitations(part.annotations, { type: "PLAN", offset: plan.length }, at, onWarning),
        )
      plan += part.text
      return null
    },
  )

  const result: Cohere.ChatMessageV2.Assistant = { role: "assistant" }
  if (plan !== "") result.toolPlan = plan
  if (calls.length > 0)
    result.toolCalls = calls.map((call, k) => toolCall(call, `${path}.tool_calls[${k}]`, onWarning))
  if (items.length > 0) result.content = compact(items)

  const citations = plan !== "" ? planCitations : []
  if (cited.length > 0) {
    // Content indexes of the text items, in order; a citation without `content_index` belongs to the last one,
    // so the index is written only for the others.
    const textIndexes = items.flatMap((item, k) => (item.type === "text" ? [k] : []))
    for (const { nth, annotations, at } of cited) {
      const contentIndex = nth === textIndexes.length - 1 ? undefined : textIndexes[nth]
      citations.push(
        ...annotationsToCitations(annotations, { type: "TEXT_CONTENT", contentIndex }, at, onWarning),
      )
    }
  }
  if (citations.length > 0) result.citations = citations
  return result
}

/**
 * Blueprint messages → Cohere v2 messages. `developer` messages are `system` messages; `placeholder`
 * messages must be rendered first; legacy `function` messages have no call id to answer and are refused.
 */
export function toCohereMessages(messages: readonly Message[], onWarning: Warn): CohereMessage[] {
  return messages.map((message, i) => {
    const path = `prompt_template.messages[${i}]`
    if (message.role === "placeholder") throw unsupported("placeholder", path, RENDER_FIRST)
    if (message.role === "function")
      throw unsupported("function_message", path, "Cohere results need a call id: use tool")
    if (message.name != null) warn(onWarning, "message.name", `${path}.name`, "Cohere messages have no name")
    if (message.role === "system" || message.role === "developer")
      return systemMessage(message.content, path, onWarning)
    if (message.role === "user") return userMessage(message.content, path, onWarning)
    if (message.role === "tool") return toolMessage(message, path, onWarning)
    return assistantMessage(message, path, onWarning)
  })
}

/** A completion template's content → the one user message Cohere receives. */
export function completionToCohereMessages(content: readonly Content[], onWarning: Warn): CohereMessage[] {
  return [userMessage(content, "prompt_template", onWarning)]
}
