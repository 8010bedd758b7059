import { CompletionEvent$inboundSchema } from "@mistralai/mistralai/models/components"
import { ProviderResponseError } from "@pl/blueprint"
import { readChunks } from "@pl/devtools/fixtures"
import { describe, expect, it } from "vitest"
import { MistralAccumulator, type MistralStreamChunk } from "./accumulator.js"

/** A wire chunk with one choice. */
function chunk(
  delta: Record<string, unknown>,
  extra: Record<string, unknown> = {},
  finish_reason: string | null = null,
) {
  return {
    id: "c1",
    object: "chat.completion.chunk",
    model: "m",
    choices: [{ index: 0, delta, finish_reason }],
    ...extra,
  }
}

/** What the SDK yields for an SSE line: `{ data }`, parsed by its own schema (camelCase). */
const sdkEvent = (wire: unknown) => CompletionEvent$inboundSchema.parse({ data: JSON.stringify(wire) })

function accumulate(chunks: readonly MistralStreamChunk[]) {
  const acc = new MistralAccumulator()
  for (const c of chunks) acc.push(c)
  return acc.result()
}

describe("MistralAccumulator", () => {
  it("joins text deltas into one part and returns the same live completion every push", () => {
    const acc = new MistralAccumulator()
    const first = acc.push(chunk({ role: "assistant", content: "" }))
    acc.push(chunk({ content: "Hel" }))
    const last = acc.push(chunk({ content: "lo" }, {}, "stop"))
    expect(last).toBe(first)
    expect(last.message.content).toEqual([{ type: "text", text: "Hello" }])
    expect(last).toMatchObject({ id: "c1", model: "m", finish_reason: "stop", raw_finish_reason: "stop" })
  })

  it("joins reasoning deltas (thinking chunks in delta.content) and keeps the signature", () => {
    const thinking = (text: string, signature?: string) => ({
      content: [
        { type: "thinking", thinking: [{ type: "text", text }], ...(signature ? { signature } : {}) },
      ],
    })
    const completion = accumulate([
      chunk(thinking("Let me ")),
      chunk(thinking("think.", "sig-1")),
      chunk({ content: [{ type: "text", text: "Done" }] }),
    ])
    expect(completion.message.content).toEqual([
      { type: "thinking", thinking: "Let me think.", signature: "sig-1" },
      { type: "text", text: "Done" },
    ])
  })

  it("joins incremental tool-call argument deltas by index", () => {
    const completion = accumulate(
      readChunks("mistral", "mistral-incremental-tool-call") as MistralStreamChunk[],
    )
    expect(completion.message.tool_calls).toEqual([
      {
        id: "chatcmpl-tool-9f149c74c42f265b",
        type: "function",
        function: { name: "webSearchTool", arguments: '{"query": "current Berlin weather"}' },
      },
    ])
  })

  it("joins parallel tool-call argument deltas by index, interleaved", () => {
    const call = (index: number, fields: Record<string, unknown>) => ({ index, ...fields })
    const completion = accumulate([
      chunk({
        tool_calls: [
          call(0, { id: "a", function: { name: "f", arguments: "" } }),
          call(1, { id: "b", function: { name: "g", arguments: '{"y"' } }),
        ],
      }),
      chunk({
        tool_calls: [
          call(1, { function: { arguments: ":2}" } }),
          call(0, { function: { arguments: '{"x":1}' } }),
        ],
      }),
    ])
    expect(completion.message.tool_calls?.map((c) => [c.id, c.function.name, c.function.arguments])).toEqual([
      ["a", "f", '{"x":1}'],
      ["b", "g", '{"y":2}'],
    ])
  })

  it("keeps parallel calls sent whole in one chunk without index apart (Mistral's own models)", () => {
    const wire = chunk(
      {
        tool_calls: [
          { id: "call00001", function: { name: "weather", arguments: '{"city":"Paris"}' } },
          { id: "call00002", function: { name: "weather", arguments: '{"city":"Rome"}' } },
        ],
      },
      {},
      "tool_calls",
    )
    for (const completion of [accumulate([wire]), accumulate([sdkEvent(wire)])]) {
      expect(completion.message.tool_calls).toEqual([
        { id: "call00001", type: "function", function: { name: "weather", arguments: '{"city":"Paris"}' } },
        { id: "call00002", type: "function", function: { name: "weather", arguments: '{"city":"Rome"}' } },
      ])
    }
  })

  it("keeps a call with no arguments", () => {
    const completion = accumulate([
      chunk({ tool_calls: [{ id: "n1", index: 0, function: { name: "now", arguments: "" } }] }),
      chunk(
        { tool_calls: [{ id: "n2", index: 1, function: { name: "today", arguments: "{}" } }] },
        {},
        "tool_calls",
      ),
    ])
    expect(completion.message.tool_calls?.map((c) => c.function)).toEqual([
      { name: "now", arguments: "" },
      { name: "today", arguments: "{}" },
    ])
  })

  it("does not duplicate a call whose start is sent twice", () => {
    const start = { tool_calls: [{ id: "a", index: 0, function: { name: "f", arguments: "" } }] }
    const completion = accumulate([
      chunk(start),
      chunk(start),
      chunk({ tool_calls: [{ index: 0, function: { name: "", arguments: "{}" } }] }),
    ])
    expect(completion.message.tool_calls).toEqual([
      { id: "a", type: "function", function: { name: "f", arguments: "{}" } },
    ])
  })

  it("reads usage from a usage-only chunk, whenever it arrives", () => {
    const acc = new MistralAccumulator()
    acc.push(chunk({ content: "Hi" }, {}, "stop"))
    expect(acc.result().usage).toBeUndefined()
    acc.push({
      id: "c1",
      model: "m",
      choices: [],
      usage: { prompt_tokens: 5, completion_tokens: 1, total_tokens: 6 },
    })
    expect(acc.result()).toMatchObject({
      message: { content: [{ type: "text", text: "Hi" }] },
      usage: { input_tokens: 5, output_tokens: 1, total_tokens: 6 },
      finish_reason: "stop",
    })
  })

  it("loses no text to a duplicated or spliced start chunk", () => {
    const completion = accumulate([
      chunk({ role: "assistant", content: "Hel" }),
      chunk({ role: "assistant", content: "" }),
      chunk({ role: "assistant", content: "lo" }),
    ])
    expect(completion.message.content).toEqual([{ type: "text", text: "Hello" }])
  })

  it("gives an empty assistant message for an empty stream", () => {
    expect(new MistralAccumulator().result()).toEqual({ message: { role: "assistant", content: [] } })
  })

  it("accumulates choice 0 only", () => {
    const completion = accumulate([
      {
        id: "c",
        model: "m",
        choices: [
          { index: 1, delta: { content: "other" } },
          { index: 0, delta: { content: "mine" } },
        ],
      },
    ])
    expect(completion.message.content).toEqual([{ type: "text", text: "mine" }])
  })

  it("gives the same result for the SDK's events and the wire chunks", () => {
    for (const name of [
      "mistral-text",
      "mistral-reasoning",
      "mistral-tool-call",
      "mistral-incremental-tool-call",
    ]) {
      const wire = readChunks("mistral", name) as MistralStreamChunk[]
      expect(accumulate(wire.map(sdkEvent))).toEqual(accumulate(wire))
    }
  })

  it.each([
    ["a chunk that is not an object", "data: x"],
    ["choices that are not a list", { id: "c", choices: {} }],
    ["a choice that is not an object", { id: "c", choices: [7] }],
    ["a delta that is not an object", { id: "c", choices: [{ index: 0, delta: "x" }] }],
    ["content of the wrong type", chunk({ content: 3 })],
    ["tool calls that are not a list", chunk({ tool_calls: {} })],
    ["a tool-call delta that is not an object", chunk({ tool_calls: ["x"] })],
    ["usage that is not an object", { id: "c", choices: [], usage: 5 }],
  ])("throws ProviderResponseError for %s", (_, bad) => {
    expect(() => new MistralAccumulator().push(bad as MistralStreamChunk)).toThrow(ProviderResponseError)
  })
})
