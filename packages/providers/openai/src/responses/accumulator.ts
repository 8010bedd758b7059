/**
 * Responses API event stream → {@link Completion}, updated in place event by event. Parts are kept per
 * output item id (message parts by `content_index`, reasoning parts by `summary_index`), so events of
 * several responses spliced into one stream (an agent loop recorded as one) never collide, and a repeated
 * `response.created` or `output_item.added` loses nothing. `output_item.done` replaces the item's parts
 * with the final item (its `encrypted_content` is only complete there), so the result equals
 * `fromResponse` of the final response.
 */
import {
  type Accumulator,
  type Completion,
  type Content,
  ProviderResponseError,
  type TextContent,
  type ThinkingContent,
  ToolCallJoiner,
} from "@pl/blueprint"
import type { Response, ResponseOutputItem, ResponseStreamEvent } from "openai/resources/responses/responses"
import { isRecord } from "../conversion.js"
import { responsesUsage } from "../usage.js"
import { responsesFinishReason } from "./finish-reason.js"
import { fromAnnotation, fromItem } from "./from-item.js"

export function responsesAccumulator(): Accumulator<ResponseStreamEvent> {
  const content: Content[] = []
  const completion: Completion = { message: { role: "assistant", content } }
  const joiner = new ToolCallJoiner()
  const itemParts = new Map<string, Content[]>()
  let refused = false

  /** The part at `index` of an item, created (after the item's other parts) when first seen. */
  function partAt<P extends Content>(itemId: string, index: number, create: () => P): P {
    let parts = itemParts.get(itemId)
    if (!parts) {
      parts = []
      itemParts.set(itemId, parts)
    }
    let part = parts[index]
    if (!part) {
      part = create()
      const last = parts.findLast(Boolean)
      content.splice(last ? content.indexOf(last) + 1 : content.length, 0, part)
      parts[index] = part
    }
    return part as P
  }
  // The part text deltas went to last: most events continue it, and finding it again costs a lookup.
  let last: { itemId: string; index: number; part: TextContent } | undefined
  const textAt = (itemId: string, index: number): TextContent => {
    if (last?.itemId === itemId && last.index === index) return last.part
    const part = partAt<TextContent>(itemId, index, () => ({ type: "text", text: "", id: itemId }))
    last = { itemId, index, part }
    return part
  }
  const thinkingAt = (itemId: string, index: number) =>
    partAt<ThinkingContent>(itemId, index, () => ({ type: "thinking", thinking: "", id: itemId }))
  /** Appends a delta to a string field of a built-in tool item's part (MCP arguments, code, custom input). */
  const appendTo = (itemId: string, field: string, delta: string) => {
    const part = itemParts.get(itemId)?.[0] as Record<string, unknown> | undefined
    if (part && typeof part[field] === "string") part[field] += delta
  }

  function added(item: ResponseOutputItem, outputIndex: number): void {
    const key = item.id ?? `#${outputIndex}`
    if (itemParts.has(key)) return
    if (item.type === "function_call") {
      itemParts.set(key, [])
      joiner.start(key, { id: item.call_id, name: item.name, arguments: item.arguments })
      completion.message.tool_calls = joiner.calls
      return
    }
    const parts = fromItem(item)
    itemParts.set(key, parts)
    content.push(...parts)
  }

  function done(item: ResponseOutputItem, outputIndex: number): void {
    const key = item.id ?? `#${outputIndex}`
    if (item.type === "function_call") {
      joiner.start(key, { id: item.call_id, name: item.name }).function.arguments = item.arguments
      completion.message.tool_calls = joiner.calls
      return
    }
    const parts = fromItem(item)
    last = undefined
    const old = itemParts.get(key)?.filter(Boolean) ?? []
    const at = old.length > 0 ? content.indexOf(old[0]!) : -1
    if (at >= 0) content.splice(at, old.length, ...parts)
    else content.push(...parts)
    itemParts.set(key, parts)
  }

  function setResponse(response: Response, final: boolean): void {
    if (!isRecord(response)) return
    if (response.id) completion.id = response.id
    if (response.model) completion.model = response.model
    if (!final) return
    if (response.usage) completion.usage = responsesUsage(response.usage)
    Object.assign(completion, responsesFinishReason(response))
    if (refused) completion.finish_reason = "refusal"
  }

  const push = (event: ResponseStreamEvent): Completion => {
    if (!isRecord(event) || typeof event.type !== "string")
      throw new ProviderResponseError("openai.responses", "a stream event needs a `type`")
    switch (event.type) {
      case "response.created":
      case "response.queued":
      case "response.in_progress":
        setResponse(event.response, false)
        break
      case "response.completed":
      case "response.incomplete":
      case "response.failed":
        setResponse(event.response, true)
        break
      case "response.output_item.added":
        added(event.item, event.output_index)
        break
      case "response.output_item.done":
        done(event.item, event.output_index)
        break
      case "response.content_part.added":
        textAt(event.item_id, event.content_index)
        break
      case "response.output_text.delta":
        textAt(event.item_id, event.content_index).text += event.delta
        break
      case "response.refusal.delta":
        refused = true
        textAt(event.item_id, event.content_index).text += event.delta
        break
      case "response.output_text.annotation.added": {
        const part = textAt(event.item_id, event.content_index)
        part.annotations ??= []
        part.annotations.push(fromAnnotation(event.annotation))
        break
      }
      case "response.reasoning_summary_part.added":
        thinkingAt(event.item_id, event.summary_index)
        break
      case "response.reasoning_summary_text.delta":
        thinkingAt(event.item_id, event.summary_index).thinking += event.delta
        break
      case "response.function_call_arguments.delta":
        joiner.append(event.item_id, event.delta)
        completion.message.tool_calls = joiner.calls
        break
      case "response.custom_tool_call_input.delta":
        appendTo(event.item_id, "input", event.delta)
        break
      case "response.mcp_call_arguments.delta":
        appendTo(event.item_id, "arguments", event.delta)
        break
      case "response.code_interpreter_call_code.delta":
        appendTo(event.item_id, "code", event.delta)
        break
      case "error":
        // The SDK throws on this event; callers feeding wire events still see how the stream ended.
        completion.finish_reason = "error"
        completion.raw_finish_reason = event.code ?? "error"
        break
    }
    return completion
  }
  return { push, result: () => completion }
}
