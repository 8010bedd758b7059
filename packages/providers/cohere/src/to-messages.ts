import {
  type Annotation,
  type AssistantMessage,
  type Content,
  type ConversionWarning,
  isKnownContent,
  type KnownContent,
  type Message,
  mediaKind,
  parseMediaSource,
  type TextContent,
  type ToolCall,
  toDataUrl,
  UnsupportedFeatureError,
} from "@pl/blueprint"
import type { Cohere } from "cohere-ai"
import { annotationsToCitations } from "./citations.js"
import type { CohereCitation, CohereMessage, CohereToolCall } from "./types.js"
import { isObject, PROVIDER } from "./wire.js"

type Warn = ((warning: ConversionWarning) => void) | undefined

function warn(onWarning: Warn, feature: string, path: string, message: string) {
  onWarning?.({ provider: PROVIDER, feature, path, message })
}

/** Parts every role rejects before conversion: unknown types are dropped, variables must be rendered. */
function known(part: Content, path: string, onWarning: Warn): part is KnownContent {
  if (!isKnownContent(part)) {
    warn(onWarning, `content.${part.type}`, path, `unknown content type ${part.type}; it was not sent`)
    return false
  }
  if (part.type === "media_variable")
    throw new UnsupportedFeatureError({
      provider: PROVIDER,
      feature: "content.media_variable",
      path,
      message:
        "media variables are filled in when the template is rendered (@pl/templating); render it first",
    })
  return true
}

function dropped(part: KnownContent, path: string, where: string, onWarning: Warn) {
  warn(
    onWarning,
    `content.${part.type}`,
    path,
    `Cohere ${where} cannot hold ${part.type} parts; it was not sent`,
  )
}

/** Fields of a text part Cohere has no place for, reported once each. */
function checkText(part: TextContent, path: string, onWarning: Warn, citable: boolean) {
  if (part.thought_signature != null)
    warn(onWarning, "thought_signature", path, "Cohere has no thought signatures; the signature was not sent")
  if (!citable && part.annotations?.length)
    warn(
      onWarning,
      "annotations",
      path,
      "Cohere takes citations on assistant messages only; they were not sent",
    )
}

/** One plain text part is sent as a string, as Cohere's examples write it; anything else as a list. */
function compact<T extends { type: string }>(items: T[]): string | T[] {
  const [only] = items
  return items.length === 1 && only?.type === "text" ? (only as T & { text: string }).text : items
}

function systemMessage(content: readonly Content[], path: string, onWarning: Warn): CohereMessage {
  const items: Cohere.SystemMessageV2ContentOneItem[] = []
  for (const [j, part] of content.entries()) {
    const at = `${path}.content[${j}]`
    if (!known(part, at, onWarning)) continue
    if (part.type !== "text") {
      dropped(part, at, "system messages", onWarning)
      continue
    }
    checkText(part, at, onWarning, false)
    items.push({ type: "text", text: part.text })
  }
  return { role: "system", content: compact(items) }
}

function userMessage(content: readonly Content[], path: string, onWarning: Warn): CohereMessage {
  const items: Cohere.Content[] = []
  for (const [j, part] of content.entries()) {
    const at = `${path}.content[${j}]`
    if (!known(part, at, onWarning)) continue
    if (part.type === "text") {
      checkText(part, at, onWarning, false)
      items.push({ type: "text", text: part.text })
    } else if (part.type === "image_url") {
      const imageUrl: Cohere.ImageUrl = { url: part.image_url.url }
      if (part.image_url.detail != null) imageUrl.detail = part.image_url.detail
      items.push({ type: "image_url", imageUrl })
    } else if (part.type === "media") {
      if (mediaKind(part.media.type) !== "image")
        throw new UnsupportedFeatureError({
          provider: PROVIDER,
          feature: "content.media",
          path: at,
          message: `Cohere chat reads text and images only, not ${part.media.type}; the prompt would lose the file`,
        })
      const source = parseMediaSource(part.media.url, part.media.type)
      const url =
        source.kind === "url" ? source.url : toDataUrl(source.data, source.mimeType ?? part.media.type)
      items.push({ type: "image_url", imageUrl: { url } })
    } else dropped(part, at, "user messages", onWarning)
  }
  return { role: "user", content: compact(items) }
}

/**
 * Tool results are text; a text part with an `id` whose text is a JSON object is a Cohere document
 * (`{ type: "document", document: { id, data } }`), which Cohere can cite by that id.
 */
function toolContentItem(part: TextContent): Cohere.ToolContent {
  if (typeof part.id === "string" && part.text.startsWith("{")) {
    try {
      const data: unknown = JSON.parse(part.text)
      if (isObject(data)) return { type: "document", document: { id: part.id, data } }
    } catch {
      // Not JSON: plain text.
    }
  }
  return { type: "text", text: part.text }
}

function toolMessage(
  message: Extract<Message, { role: "tool" }>,
  path: string,
  onWarning: Warn,
): CohereMessage {
  const items: Cohere.ToolContent[] = []
  for (const [j, part] of message.content.entries()) {
    const at = `${path}.content[${j}]`
    if (!known(part, at, onWarning)) continue
    if (part.type !== "text") {
      dropped(part, at, "tool results", onWarning)
      continue
    }
    checkText(part, at, onWarning, false)
    items.push(toolContentItem(part))
  }
  return { role: "tool", toolCallId: message.tool_call_id, content: compact(items) }
}

function toolCall(call: ToolCall, path: string, onWarning: Warn): CohereToolCall {
  if (call.provider_metadata?.thought_signature != null)
    warn(onWarning, "thought_signature", path, "Cohere has no thought signatures; the signature was not sent")
  return {
    id: call.id,
    type: "function",
    function: { name: call.function.name, arguments: call.function.arguments },
  }
}

/** Annotations moved by `offset` characters: text parts joined into one tool plan. */
function shift(annotations: readonly Annotation[], offset: number): Annotation[] {
  if (offset === 0) return [...annotations]
  return annotations.map((a) => {
    const moved: Record<string, unknown> = { ...a }
    if (typeof a.start_index === "number") moved.start_index = a.start_index + offset
    if (typeof a.end_index === "number") moved.end_index = a.end_index + offset
    return moved as Annotation
  })
}

/**
 * An assistant turn. With tool calls, its text is Cohere's `tool_plan` (the text the model wrote before
 * calling, joined into one string) and its thinking stays in `content`; without, text and thinking are
 * `content` in order. Text annotations become `citations`.
 */
function assistantMessage(message: AssistantMessage, path: string, onWarning: Warn): CohereMessage {
  if (message.function_call != null)
    throw new UnsupportedFeatureError({
      provider: PROVIDER,
      feature: "function_call",
      path: `${path}.function_call`,
      message: "Cohere tool calls need an id; convert the legacy function call to a tool call",
    })
  const calls = message.tool_calls ?? []
  const items: Cohere.AssistantMessageV2ContentOneItem[] = []
  const cited: { index: number; annotations: readonly Annotation[]; path: string }[] = []
  const planCitations: CohereCitation[] = []
  let plan = ""
  for (const [j, part] of (message.content ?? []).entries()) {
    const at = `${path}.content[${j}]`
    if (!known(part, at, onWarning)) continue
    if (part.type === "text") {
      checkText(part, at, onWarning, true)
      if (calls.length > 0) {
        if (part.annotations?.length) {
          const moved = shift(part.annotations, plan.length)
          planCitations.push(...annotationsToCitations(moved, { type: "PLAN" }, at, onWarning))
        }
        plan += part.text
      } else {
        if (part.annotations?.length)
          cited.push({ index: items.length, annotations: part.annotations, path: at })
        items.push({ type: "text", text: part.text })
      }
    } else if (part.type === "thinking") {
      if (part.signature != null)
        warn(
          onWarning,
          "thinking.signature",
          at,
          "Cohere has no thinking signatures; the signature was not sent",
        )
      items.push({ type: "thinking", thinking: part.thinking })
    } else dropped(part, at, "assistant messages", onWarning)
  }

  const result: Cohere.ChatMessageV2.Assistant = { role: "assistant" }
  if (plan !== "") result.toolPlan = plan
  if (calls.length > 0)
    result.toolCalls = calls.map((call, k) => toolCall(call, `${path}.tool_calls[${k}]`, onWarning))
  if (items.length > 0) result.content = compact(items)

  const citations = plan !== "" ? planCitations : []
  // A citation without `content_index` belongs to the last text block, so the index is written only for others.
  let lastText = -1
  for (const [k, item] of items.entries()) if (item.type === "text") lastText = k
  for (const { index, annotations, path: at } of cited) {
    const contentIndex = index === lastText ? undefined : index
    citations.push(
      ...annotationsToCitations(annotations, { type: "TEXT_CONTENT", contentIndex }, at, onWarning),
    )
  }
  if (citations.length > 0) result.citations = citations
  return result
}

/**
 * Blueprint messages → Cohere v2 messages. `developer` messages are `system` messages; `placeholder`
 * messages must be rendered first; legacy `function` messages have no call id to answer and are refused.
 */
export function toCohereMessages(messages: readonly Message[], onWarning: Warn): CohereMessage[] {
  const out: CohereMessage[] = []
  for (const [i, message] of messages.entries()) {
    const path = `prompt_template.messages[${i}]`
    if (message.role === "placeholder")
      throw new UnsupportedFeatureError({
        provider: PROVIDER,
        feature: "placeholder",
        path,
        message:
          "placeholder messages are filled in when the template is rendered (@pl/templating); render it first",
      })
    if (message.role === "function")
      throw new UnsupportedFeatureError({
        provider: PROVIDER,
        feature: "function_message",
        path,
        message:
          "Cohere tool results answer a tool call id; convert the legacy function result to a tool message",
      })
    if (message.name != null)
      warn(onWarning, "message.name", `${path}.name`, "Cohere messages have no name; it was not sent")
    if (message.role === "system" || message.role === "developer")
      out.push(systemMessage(message.content, path, onWarning))
    else if (message.role === "user") out.push(userMessage(message.content, path, onWarning))
    else if (message.role === "tool") out.push(toolMessage(message, path, onWarning))
    else out.push(assistantMessage(message, path, onWarning))
  }
  return out
}

/** A completion template's content → the one user message Cohere receives. */
export function completionToCohereMessages(content: readonly Content[], onWarning: Warn): CohereMessage[] {
  return [userMessage(content, "prompt_template", onWarning)]
}
