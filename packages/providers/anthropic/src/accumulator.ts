import type {
  ContentBlock,
  RawContentBlockDelta,
  RawMessageStreamEvent,
} from "@anthropic-ai/sdk/resources/messages"
import {
  type Accumulator,
  type Completion,
  type Content,
  mapFinishReason,
  type ServerToolUseContent,
  type TextContent,
  type ThinkingContent,
  ToolCallJoiner,
} from "@pl/blueprint"
import { fromCitation } from "./citations.js"
import { isObject, malformed } from "./context.js"
import { fromBlock } from "./convert-content.js"
import { FINISH_REASONS } from "./finish-reason.js"
import { toUsage, type UsageCounters } from "./usage.js"

/** What the stream has built at one content block index: a content part, or (`part` unset) a tool call. */
interface BlockState {
  part: Content | undefined
  /** The block's key in the tool-call joiner: its arrival order, as a spliced stream may reuse an index. */
  key: number
  /** A server tool's input JSON so far. */
  json: string
}

const COUNTERS = [
  "input_tokens",
  "output_tokens",
  "cache_read_input_tokens",
  "cache_creation_input_tokens",
  "output_tokens_details",
] as const

/**
 * Accumulates Anthropic stream events (the SDK's `RawMessageStreamEvent`s, or the wire JSON) into a
 * {@link Completion}. Each `push` costs O(1) amortized: text and JSON deltas are appended in place.
 * A repeated `message_start` updates id, model and usage and never clears content; a block started
 * again at a used index (a spliced stream) is added after the first, which keeps its text.
 *
 * @example
 * const acc = anthropic.accumulator()
 * for await (const event of stream) render(acc.push(event).message)
 * const completion = acc.result()
 */
export function accumulator(): Accumulator<RawMessageStreamEvent> {
  const content: Content[] = []
  const completion: Completion = { message: { role: "assistant", content } }
  const joiner = new ToolCallJoiner()
  const blocks = new Map<number, BlockState>()
  const counters: UsageCounters = {}
  let arrivals = 0

  function updateUsage(usage: Record<string, unknown>) {
    for (const name of COUNTERS) if (usage[name] != null) Object.assign(counters, { [name]: usage[name] })
    completion.usage = toUsage(counters)
  }

  function start(index: number, block: ContentBlock) {
    const key = arrivals++
    let part: Content | undefined
    if (block.type === "tool_use") {
      const input =
        isObject(block.input) && Object.keys(block.input).length > 0 ? JSON.stringify(block.input) : ""
      joiner.start(key, { id: block.id, name: block.name, arguments: input })
      completion.message.tool_calls = joiner.calls
    } else {
      part = fromBlock(block)
      content.push(part)
    }
    blocks.set(index, { part, key, json: "" })
  }

  function delta(index: number, delta: RawContentBlockDelta) {
    const state = blocks.get(index)
    if (!state) throw malformed(`${delta.type} before its block start`)
    const part = state.part
    switch (delta.type) {
      case "text_delta":
        partOf<TextContent>(part, "text", delta).text += delta.text
        break
      case "citations_delta": {
        const text = partOf<TextContent>(part, "text", delta)
        if (!text.annotations) text.annotations = []
        text.annotations.push(fromCitation(delta.citation))
        break
      }
      case "thinking_delta":
        partOf<ThinkingContent>(part, "thinking", delta).thinking += delta.thinking
        break
      case "signature_delta": {
        const thinking = partOf<ThinkingContent>(part, "thinking", delta)
        thinking.signature = (thinking.signature ?? "") + delta.signature
        break
      }
      case "input_json_delta":
        if (!part) joiner.append(state.key, delta.partial_json)
        else if (part.type === "server_tool_use") state.json += delta.partial_json
        else throw mismatch(delta, part)
        break
    }
  }

  function stop(index: number) {
    const state = blocks.get(index)
    const call = state && !state.part ? joiner.get(state.key) : undefined
    // Arguments end as fromResponse writes them (compact JSON, `{}` for none), so a streamed and a
    // non-streamed answer compare equal.
    if (call) call.function.arguments = compactJson(call.function.arguments)
    else if (state?.json.trim()) (state.part as ServerToolUseContent).input = parseInput(state.json)
  }

  return {
    push(event) {
      if (!isObject(event) || typeof event.type !== "string") throw malformed("an event needs a type")
      if ((event.type as string) === "error") {
        // An error event ends the stream; what arrived before it is kept.
        const error = (event as { error?: { type?: unknown } }).error
        completion.finish_reason = "error"
        completion.raw_finish_reason = typeof error?.type === "string" ? error.type : "error"
        return completion
      }
      switch (event.type) {
        case "message_start": {
          const { message } = event
          if (!isObject(message)) throw malformed("message_start needs a message")
          if (message.id) completion.id = message.id
          if (message.model) completion.model = message.model
          if (isObject(message.usage)) updateUsage(message.usage)
          break
        }
        case "content_block_start":
          start(index(event, event.content_block), event.content_block)
          break
        case "content_block_delta":
          delta(index(event, event.delta), event.delta)
          break
        case "content_block_stop":
          stop(index(event, event))
          break
        case "message_delta":
          if (isObject(event.delta) && event.delta.stop_reason)
            Object.assign(completion, mapFinishReason(event.delta.stop_reason, FINISH_REASONS))
          if (isObject(event.usage)) updateUsage(event.usage)
          break
        // ping, message_stop and event types added later carry nothing for the completion.
      }
      return completion
    },
    result: () => completion,
  }
}

// Module functions, not closures per delta: pushes allocate nothing they do not keep.
function mismatch(delta: RawContentBlockDelta, part: Content | undefined) {
  return malformed(`${delta.type} for a ${part?.type ?? "tool_use"} block`)
}

/** The block's part, which must be of `type` for this delta. */
function partOf<P extends Content>(
  part: Content | undefined,
  type: P["type"],
  delta: RawContentBlockDelta,
): P {
  if (part?.type !== type) throw mismatch(delta, part)
  return part as P
}

/** A content block event's index, checked with the object it carries (a block or a delta). */
function index(event: { type: string; index: unknown }, payload: unknown): number {
  if (typeof event.index !== "number" || !isObject(payload)) throw malformed(`${event.type} is incomplete`)
  return event.index
}

function compactJson(json: string): string {
  if (json.trim() === "") return "{}"
  try {
    return JSON.stringify(JSON.parse(json))
  } catch {
    return json // kept as received: the caller sees what the model wrote
  }
}

function parseInput(json: string): Record<string, unknown> {
  try {
    return JSON.parse(json)
  } catch {
    throw malformed("server tool input is not JSON")
  }
}
