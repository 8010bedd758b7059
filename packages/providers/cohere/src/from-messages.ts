import type { Content, Message, TextContent, ToolCall } from "@pl/blueprint"
import { citationTarget, citationToAnnotations } from "./citations.js"
import type { CohereMessage } from "./types.js"
import { field, isObject, type JsonObject, optionalString } from "./wire.js"

const text = (value: string): TextContent => ({ type: "text", text: value })

/** A content item this version does not know is kept as it is (the blueprint keeps unknown parts). */
const unknownPart = (item: JsonObject): Content => ({ ...item, type: String(item.type) })

function textParts(content: unknown): Content[] {
  if (typeof content === "string") return [text(content)]
  if (!Array.isArray(content)) return []
  return content
    .filter(isObject)
    .map((item) => (item.type === "text" ? text(String(item.text ?? "")) : unknownPart(item)))
}

function userContent(content: unknown): Content[] {
  if (!Array.isArray(content)) return textParts(content)
  return content.filter(isObject).map((item): Content => {
    const imageUrl = field(item, "imageUrl", "image_url")
    if (item.type === "image_url" && isObject(imageUrl)) {
      const image: { url: string; detail?: "auto" | "low" | "high" } = { url: String(imageUrl.url ?? "") }
      if (imageUrl.detail === "auto" || imageUrl.detail === "low" || imageUrl.detail === "high")
        image.detail = imageUrl.detail
      return { type: "image_url", image_url: image }
    }
    return item.type === "text" ? text(String(item.text ?? "")) : unknownPart(item)
  })
}

/** Tool results: text stays text; a document becomes a text part holding its data as JSON, with its id. */
function toolContent(content: unknown): Content[] {
  if (!Array.isArray(content)) return textParts(content)
  return content.filter(isObject).map((item): Content => {
    if (item.type === "document" && isObject(item.document)) {
      const part = text(JSON.stringify(item.document.data ?? {}))
      const id = optionalString(item.document.id)
      if (id !== undefined) part.id = id
      return part
    }
    return item.type === "text" ? text(String(item.text ?? "")) : unknownPart(item)
  })
}

function toolCalls(calls: unknown): ToolCall[] {
  if (!Array.isArray(calls)) return []
  return calls.filter(isObject).map((call) => {
    const fn = isObject(call.function) ? call.function : {}
    const args = optionalString(fn.arguments)
    return {
      id: optionalString(call.id) ?? "",
      type: "function",
      // A call without arguments is sent as "{}" by Cohere's non-streaming API; "" is not JSON.
      function: { name: optionalString(fn.name) ?? "", arguments: args ? args : "{}" },
    }
  })
}

/**
 * A Cohere assistant message (a request's, or a response's in SDK or wire shape) → blueprint content and
 * tool calls: `content` in order (text and thinking), then the `tool_plan` as a text part (it is the text
 * the model wrote before its calls), and `citations` as annotations on the text parts they cite.
 */
export function fromCohereAssistant(message: JsonObject): { content: Content[]; tool_calls: ToolCall[] } {
  const content: Content[] = []
  const raw = message.content
  if (typeof raw === "string") content.push(text(raw))
  else if (Array.isArray(raw))
    for (const item of raw) {
      if (!isObject(item)) continue
      if (item.type === "text") content.push(text(String(item.text ?? "")))
      else if (item.type === "thinking")
        content.push({ type: "thinking", thinking: String(item.thinking ?? "") })
      else content.push(unknownPart(item))
    }
  let lastText: TextContent | undefined
  for (const part of content) if (part.type === "text") lastText = part as TextContent
  const plan = optionalString(field(message, "toolPlan", "tool_plan"))
  const planPart = plan ? text(plan) : undefined
  if (planPart) content.push(planPart)

  const citations = message.citations
  if (Array.isArray(citations))
    for (const citation of citations) {
      if (!isObject(citation)) continue
      const target = citationTarget(citation)
      // Thinking parts carry no annotations in the blueprint: citations of the reasoning are not kept.
      const part =
        target.kind === "plan"
          ? planPart
          : target.kind === "text"
            ? target.contentIndex === undefined
              ? lastText
              : content[target.contentIndex]
            : undefined
      if (part?.type !== "text") continue
      const annotations = citationToAnnotations(citation)
      if (annotations.length === 0) continue
      const cited = part as TextContent
      if (cited.annotations) cited.annotations.push(...annotations)
      else cited.annotations = annotations
    }
  return { content, tool_calls: toolCalls(field(message, "toolCalls", "tool_calls")) }
}

/** Cohere request messages → blueprint messages. */
export function fromCohereMessages(messages: readonly CohereMessage[]): Message[] {
  return messages.map((message): Message => {
    switch (message.role) {
      case "system":
        return { role: "system", content: textParts(message.content) }
      case "user":
        return { role: "user", content: userContent(message.content) }
      case "tool":
        return { role: "tool", tool_call_id: message.toolCallId, content: toolContent(message.content) }
      default: {
        const { content, tool_calls } = fromCohereAssistant(message as unknown as JsonObject)
        return tool_calls.length > 0
          ? { role: "assistant", content, tool_calls }
          : { role: "assistant", content }
      }
    }
  })
}
