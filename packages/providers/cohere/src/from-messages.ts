import type { Content, Message, TextContent, ToolCall } from "@pl/blueprint"
import { addCitation } from "./citations.js"
import type { CohereMessage } from "./types.js"
import { field, isObject, type JsonObject, optionalString } from "./wire.js"

const text = (value: string): TextContent => ({ type: "text", text: value })

/**
 * One content item (a request's, or a response's in SDK or wire shape) → a blueprint part. A tool result's
 * document becomes a text part holding its data as JSON, with its id. An item of a type this version does
 * not know is kept as it is (the blueprint keeps unknown parts).
 */
function fromItem(item: JsonObject): Content {
  switch (item.type) {
    case "text":
      return text(String(item.text ?? ""))
    case "thinking":
      return { type: "thinking", thinking: String(item.thinking ?? "") }
    case "image_url": {
      const imageUrl = field(item, "imageUrl", "image_url")
      if (!isObject(imageUrl)) break
      const { url, detail } = imageUrl as { url: string; detail?: "auto" | "low" | "high" }
      return { type: "image_url", image_url: detail == null ? { url } : { url, detail } }
    }
    case "document": {
      if (!isObject(item.document)) break
      const part = text(JSON.stringify(item.document.data ?? {}))
      const id = optionalString(item.document.id)
      if (id !== undefined) part.id = id
      return part
    }
  }
  return { ...item, type: String(item.type) }
}

/** Message content: a string is one text part. */
function fromContent(content: unknown): Content[] {
  if (typeof content === "string") return [text(content)]
  return Array.isArray(content) ? content.filter(isObject).map(fromItem) : []
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
  const content = fromContent(message.content)
  let lastText: TextContent | undefined
  for (const part of content) if (part.type === "text") lastText = part as TextContent
  const plan = optionalString(field(message, "toolPlan", "tool_plan"))
  const planPart = plan ? text(plan) : undefined
  if (planPart) content.push(planPart)

  const citations = message.citations
  if (Array.isArray(citations)) {
    const parts = { plan: planPart, last: lastText, at: (index: number) => content[index] }
    for (const citation of citations) addCitation(citation, parts)
  }
  return { content, tool_calls: toolCalls(field(message, "toolCalls", "tool_calls")) }
}

/** Cohere request messages → blueprint messages. */
export function fromCohereMessages(messages: readonly CohereMessage[]): Message[] {
  return messages.map((message): Message => {
    switch (message.role) {
      case "system":
      case "user":
        return { role: message.role, content: fromContent(message.content) }
      case "tool":
        return { role: "tool", tool_call_id: message.toolCallId, content: fromContent(message.content) }
      default: {
        const { content, tool_calls } = fromCohereAssistant(message as unknown as JsonObject)
        return tool_calls.length > 0
          ? { role: "assistant", content, tool_calls }
          : { role: "assistant", content }
      }
    }
  })
}
