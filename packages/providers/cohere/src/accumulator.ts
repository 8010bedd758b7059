import {
  type Accumulator,
  type Completion,
  type Content,
  type TextContent,
  type ThinkingContent,
  type ToolCall,
  ToolCallJoiner,
} from "@pl/blueprint"
import { addCitation } from "./citations.js"
import { malformed } from "./context.js"
import { finishReason } from "./finish-reason.js"
import type { CohereChunk } from "./types.js"
import { toUsage } from "./usage.js"
import { field, isObject, type JsonObject, optionalString } from "./wire.js"

type Part = TextContent | ThinkingContent

function indexOf(chunk: JsonObject): number {
  const index = chunk.index
  if (typeof index !== "number") throw malformed(`${String(chunk.type)} needs a numeric index`)
  return index
}

/** `delta.message` of an event, or an empty object. */
function deltaMessage(chunk: JsonObject): JsonObject {
  const delta = chunk.delta
  return isObject(delta) && isObject(delta.message) ? delta.message : {}
}

/** A call that ends with no arguments gets "{}", as Cohere's non-streaming API reports it ("" is not JSON). */
function noArguments(call: ToolCall) {
  if (call.function.arguments === "") call.function.arguments = "{}"
}

/** A string delta field: absent is "", anything but a string is a malformed event. */
function deltaText(value: unknown, what: string): string {
  if (value === undefined || value === null) return ""
  if (typeof value !== "string") throw malformed(`${what} is not a string`)
  return value
}

/**
 * Joins a v2 chat stream into a {@link Completion}, updating one live object in place (O(1) per event).
 *
 * - `content-start/delta` (text and thinking) build parts by their `index`; a delta whose start was not seen
 *   opens the part, and a repeated start keeps the text gathered so far.
 * - `tool-plan-delta` builds the tool plan as a text part (where `fromResponse` puts it: before the calls).
 * - `tool-call-start/delta/end` join calls by `index`; a call that ends with no arguments gets "{}", as
 *   Cohere's non-streaming API reports it.
 * - `citation-start` adds `file_citation` annotations to the cited text part.
 * - `message-end` sets the finish reason and usage.
 * Events are read in the SDK's camelCase shape or the wire's snake_case; `debug` and unknown events are ignored.
 */
class CohereAccumulator implements Accumulator<CohereChunk> {
  readonly #completion: Completion = { message: { role: "assistant", content: [] } }
  readonly #content = this.#completion.message.content as Content[]
  readonly #parts = new Map<number, Part>()
  readonly #calls = new ToolCallJoiner()
  #lastText: TextContent | undefined
  #plan: TextContent | undefined

  push(chunk: CohereChunk): Completion {
    const event: unknown = chunk
    if (!isObject(event) || typeof event.type !== "string") throw malformed("an event needs a type")
    const { type } = event
    const message = deltaMessage(event)
    if (type === "message-start" || type === "message-end") this.#message(event)
    else if (type === "content-start" || type === "content-delta") this.#contentEvent(event, message)
    else if (type === "tool-plan-delta")
      this.#planDelta(deltaText(field(message, "toolPlan", "tool_plan"), type))
    else if (type === "tool-call-start" || type === "tool-call-delta" || type === "tool-call-end")
      this.#toolCallEvent(event, message)
    else if (type === "citation-start") this.#citation(message.citations)
    // content-end, citation-end, debug, and events added after this version: nothing to keep.
    return this.#completion
  }

  result(): Completion {
    return this.#completion
  }

  #message(event: JsonObject) {
    const id = optionalString(event.id)
    if (id !== undefined) this.#completion.id ??= id
    const delta = event.delta
    if (event.type !== "message-end" || !isObject(delta)) return
    const usage = toUsage(delta.usage)
    if (usage) this.#completion.usage = usage
    Object.assign(this.#completion, finishReason(field(delta, "finishReason", "finish_reason")))
    for (const call of this.#calls.calls) noArguments(call)
  }

  #contentEvent(event: JsonObject, message: JsonObject) {
    const index = indexOf(event)
    const delta = isObject(message.content) ? message.content : {}
    let part = this.#parts.get(index)
    // A repeated start keeps what was gathered.
    if (part && event.type === "content-start") return
    if (!part) {
      part =
        delta.type === "thinking" || (delta.type === undefined && delta.thinking != null)
          ? { type: "thinking", thinking: "" }
          : { type: "text", text: "" }
      this.#parts.set(index, part)
      this.#content.push(part)
      if (part.type === "text") this.#lastText = part
    }
    const value = part.type === "text" ? delta.text : delta.thinking
    if (value == null && (delta.text ?? delta.thinking) != null)
      throw malformed(`block ${index} is ${part.type}, the delta is not`)
    if (part.type === "text") part.text += deltaText(value, "content.text")
    else part.thinking += deltaText(value, "content.thinking")
  }

  #planDelta(text: string) {
    if (this.#plan) this.#plan.text += text
    else if (text !== "") {
      this.#plan = { type: "text", text }
      this.#content.push(this.#plan)
    }
  }

  #toolCallEvent(event: JsonObject, message: JsonObject) {
    const index = indexOf(event)
    if (event.type === "tool-call-end") {
      const call = this.#calls.get(index)
      if (call) noArguments(call)
      return
    }
    const calls = field(message, "toolCalls", "tool_calls")
    for (const [k, call] of (Array.isArray(calls) ? calls : [calls]).entries()) {
      if (!isObject(call)) continue
      const fn = isObject(call.function) ? call.function : {}
      const args = deltaText(fn.arguments, "arguments")
      if (event.type === "tool-call-start")
        this.#calls.start(index + k, {
          id: optionalString(call.id),
          name: optionalString(fn.name),
          arguments: args,
        })
      else this.#calls.append(index + k, args)
      this.#completion.message.tool_calls = this.#calls.calls
    }
  }

  #citation(citations: unknown) {
    const parts = { plan: this.#plan, last: this.#lastText, at: (index: number) => this.#parts.get(index) }
    for (const citation of Array.isArray(citations) ? citations : [citations]) addCitation(citation, parts)
  }
}

/**
 * A fresh accumulator for one v2 chat stream.
 *
 * @example
 * const acc = accumulator()
 * for await (const event of await client.chatStream(request)) render(acc.push(event).message)
 */
export function accumulator(): Accumulator<CohereChunk> {
  return new CohereAccumulator()
}
