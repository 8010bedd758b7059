import type { CompletionChunk, CompletionEvent } from "@mistralai/mistralai/models/components"
import { type Accumulator, type Completion, ToolCallJoiner } from "@pl/blueprint"
import { ContentBuilder } from "./content-builder.js"
import { expectList, expectObject } from "./conversion.js"
import { field, isRecord, type JsonRecord, toolCallIdOf } from "./fields.js"
import { mistralFinishReason } from "./finish-reason.js"
import { readUsage } from "./usage.js"

/**
 * What the accumulator takes: the SDK's stream events (`{ data: chunk }`, camelCase), the SDK's chunk itself,
 * or a wire chunk as parsed from an SSE `data:` line (snake_case).
 */
export type MistralStreamChunk = CompletionEvent | CompletionChunk | Record<string, unknown>

/**
 * Joins a Mistral chat-completion stream into a {@link Completion}. `push` returns the live completion (updated
 * in place by the next push) in O(1) amortized time per chunk.
 *
 * Only choice 0 is accumulated (requests with `n > 1` stream several choices side by side). Tool calls are
 * joined by `index`; Mistral's own models send each call whole, often without an `index` (the SDK then says
 * 0 for every call), so a delta that carries a new id at an index already holding another call starts a new
 * call instead of appending to it.
 *
 * @example
 * const acc = mistral.accumulator()
 * for await (const event of await mistral.send(request)) render(acc.push(event).message)
 */
export class MistralAccumulator implements Accumulator<MistralStreamChunk> {
  readonly #completion: Completion = { message: { role: "assistant", content: [] } }
  readonly #content = new ContentBuilder(this.#completion.message.content ?? [])
  readonly #calls = new ToolCallJoiner()
  // TODO(shared): ToolCallJoiner could start a new call itself when `start` brings an id other than the one
  // already at that index; OpenAI-compatible servers that send whole calls without an index need it too.
  /** The call each stream index currently feeds: its key in the joiner, and its id once known. */
  readonly #slots = new Map<number, { key: number; id: string | undefined }>()

  push(chunk: MistralStreamChunk): Completion {
    const raw: unknown = chunk
    const data = expectObject(isRecord(raw) && isRecord(raw.data) ? raw.data : raw, "chunk")
    const completion = this.#completion
    if (!completion.id && typeof data.id === "string" && data.id) completion.id = data.id
    if (!completion.model && typeof data.model === "string" && data.model) completion.model = data.model
    if (data.usage != null) completion.usage = readUsage(expectObject(data.usage, "usage"))
    if (data.choices == null) return completion
    for (const item of expectList(data.choices, "choices")) {
      const choice = expectObject(item, "choice")
      if ((choice.index ?? 0) !== 0) continue
      this.#delta(choice.delta)
      const finish = field(choice, "finishReason", "finish_reason")
      if (finish != null) Object.assign(completion, mistralFinishReason(finish))
    }
    return completion
  }

  result(): Completion {
    return this.#completion
  }

  #delta(delta: unknown): void {
    if (delta == null) return
    const fields = expectObject(delta, "delta")
    const content = fields.content
    if (typeof content === "string") this.#content.text(content)
    else if (content != null) this.#content.add(expectList(content, "content"))
    const calls = field(fields, "toolCalls", "tool_calls")
    if (calls != null)
      for (const call of expectList(calls, "tool calls")) this.#toolCall(expectObject(call, "tool call"))
  }

  #toolCall(call: JsonRecord): void {
    const index = typeof call.index === "number" ? call.index : 0
    const id = toolCallIdOf(call.id)
    let slot = this.#slots.get(index)
    if (!slot || (id && slot.id && id !== slot.id)) {
      slot = { key: this.#calls.calls.length, id }
      this.#slots.set(index, slot)
    } else if (id) slot.id = id
    const fn = expectObject(call.function, "tool call function")
    const args = fn.arguments
    this.#calls.start(slot.key, {
      id,
      name: typeof fn.name === "string" ? fn.name : undefined,
      // The SDK types arguments as a string or an object (a call sent whole); an object is its JSON.
      arguments: typeof args === "string" ? args : isRecord(args) ? JSON.stringify(args) : undefined,
    })
    this.#completion.message.tool_calls ??= this.#calls.calls
  }
}
