import {
  type Accumulator,
  type Completion,
  type Content,
  ProviderResponseError,
  type TextContent,
  type ThinkingContent,
  ToolCallJoiner,
} from "@pl/blueprint"
import { citationTarget, citationToAnnotations } from "./citations.js"
import { finishReason } from "./finish-reason.js"
import type { CohereChunk } from "./types.js"
import { toUsage } from "./usage.js"
import { field, isObject, type JsonObject, optionalString, PROVIDER } from "./wire.js"

type Part = TextContent | ThinkingContent

const malformed = (message: string) => new ProviderResponseError(PROVIDER, message)

function indexOf(chunk: JsonObject): number {
  const index = chunk.index
  if (typeof index !== "number") throw malformed(`a ${String(chunk.type)} event needs a numeric index`)
  return index
}

/** `delta.message` of an event, or an empty object. */
function deltaMessage(chunk: JsonObject): JsonObject {
  const delta = chunk.delta
  return isObject(delta) && isObject(delta.message) ? delta.message : {}
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
    if (!isObject(event) || typeof event.type !== "string")
      throw malformed("a stream event must be an object with a string type")
    switch (event.type) {
      case "message-start":
      case "message-end":
        this.#message(event)
        break
      case "content-start":
      case "content-delta":
        this.#contentEvent(event)
        break
      case "tool-plan-delta":
        this.#planDelta(deltaText(field(deltaMessage(event), "toolPlan", "tool_plan"), "tool_plan"))
        break
      case "tool-call-start":
      case "tool-call-delta":
        this.#toolCallEvent(event)
        break
      case "tool-call-end": {
        const call = this.#calls.get(indexOf(event))
        if (call && call.function.arguments === "") call.function.arguments = "{}"
        break
      }
      case "citation-start":
        this.#citation(deltaMessage(event).citations)
        break
      default:
        // content-end, citation-end, debug, and events added after this version: nothing to keep.
        break
    }
    return this.#completion
  }

  result(): Completion {
    return this.#completion
  }

  #message(event: JsonObject) {
    const id = optionalString(event.id)
    if (id !== undefined && this.#completion.id === undefined) this.#completion.id = id
    if (event.type !== "message-end" || !isObject(event.delta)) return
    const delta = event.delta
    const usage = toUsage(delta.usage)
    if (usage) this.#completion.usage = usage
    const reason = finishReason(field(delta, "finishReason", "finish_reason"))
    if (reason.raw_finish_reason !== undefined) Object.assign(this.#completion, reason)
    for (const call of this.#calls.calls) if (call.function.arguments === "") call.function.arguments = "{}"
  }

  #contentEvent(event: JsonObject) {
    const index = indexOf(event)
    const content = deltaMessage(event).content
    const delta = isObject(content) ? content : {}
    let part = this.#parts.get(index)
    if (event.type === "content-start" && part) return
    if (!part) {
      const thinking = delta.type === "thinking" || (delta.type === undefined && delta.thinking != null)
      part = thinking ? { type: "thinking", thinking: "" } : { type: "text", text: "" }
      this.#parts.set(index, part)
      this.#content.push(part)
      if (part.type === "text") this.#lastText = part
    }
    if (part.type === "text") {
      if (delta.text == null && delta.thinking != null)
        throw malformed(`thinking delta for text block ${index}`)
      part.text += deltaText(delta.text, "content.text")
    } else {
      if (delta.thinking == null && delta.text != null)
        throw malformed(`text delta for thinking block ${index}`)
      part.thinking += deltaText(delta.thinking, "content.thinking")
    }
  }

  #planDelta(text: string) {
    if (text === "") return
    if (this.#plan) this.#plan.text += text
    else {
      this.#plan = { type: "text", text }
      this.#content.push(this.#plan)
    }
  }

  #toolCallEvent(event: JsonObject) {
    const index = indexOf(event)
    const calls = field(deltaMessage(event), "toolCalls", "tool_calls")
    const list = Array.isArray(calls) ? calls : [calls]
    for (const [k, call] of list.entries()) {
      if (!isObject(call)) continue
      const fn = isObject(call.function) ? call.function : {}
      const args = deltaText(fn.arguments, "tool_calls.function.arguments")
      if (event.type === "tool-call-start")
        this.#calls.start(index + k, {
          id: optionalString(call.id),
          name: optionalString(fn.name),
          arguments: args,
        })
      else this.#calls.append(index + k, args)
    }
    if (this.#calls.calls.length > 0) this.#completion.message.tool_calls = this.#calls.calls
  }

  #citation(citations: unknown) {
    for (const citation of Array.isArray(citations) ? citations : [citations]) {
      if (!isObject(citation)) continue
      const target = citationTarget(citation)
      const part =
        target.kind === "plan"
          ? this.#plan
          : target.kind === "text"
            ? target.contentIndex === undefined
              ? this.#lastText
              : this.#parts.get(target.contentIndex)
            : undefined
      if (part?.type !== "text") continue
      const annotations = citationToAnnotations(citation)
      if (part.annotations) part.annotations.push(...annotations)
      else if (annotations.length > 0) part.annotations = annotations
    }
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
