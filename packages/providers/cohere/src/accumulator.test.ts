import { readChunks } from "@pl/devtools/fixtures"
import { describe, expect, it } from "vitest"
import { accumulator } from "./accumulator.js"
import type { CohereChunk } from "./types.js"

/** Events as on the wire (snake_case); the accumulator reads them as well as the SDK's camelCase. */
const events = (...list: object[]) => list as CohereChunk[]
const run = (list: readonly CohereChunk[]) => {
  const acc = accumulator()
  for (const event of list) acc.push(event)
  return acc.result()
}

const textStart = (index: number) => ({
  type: "content-start",
  index,
  delta: { message: { content: { type: "text", text: "" } } },
})
const textDelta = (index: number, text: string) => ({
  type: "content-delta",
  index,
  delta: { message: { content: { text } } },
})
const callStart = (index: number, id: string, name: string) => ({
  type: "tool-call-start",
  index,
  delta: { message: { tool_calls: { id, type: "function", function: { name, arguments: "" } } } },
})
const callDelta = (index: number, args: string) => ({
  type: "tool-call-delta",
  index,
  delta: { message: { tool_calls: { function: { arguments: args } } } },
})

describe("accumulator", () => {
  it("joins the recorded text stream into the concatenated deltas, with usage and finish reason", () => {
    const chunks = readChunks("cohere", "cohere-text") as CohereChunk[]
    const completion = run(chunks)
    expect(completion.message.content).toEqual([{ type: "text", text: "The capital of France is Paris." }])
    expect(completion.id).toBe("321d178c-2c12-44d3-ae42-2f5510f6b1cc")
    expect(completion.usage).toMatchObject({ input_tokens: 507, output_tokens: 10, cache_read_tokens: 448 })
    expect(completion).toMatchObject({ finish_reason: "stop", raw_finish_reason: "COMPLETE" })
  })

  it("returns the same live completion from every push", () => {
    const acc = accumulator()
    const first = acc.push(events(textStart(0))[0]!)
    const second = acc.push(events(textDelta(0, "Hi"))[0]!)
    expect(second).toBe(first)
    expect(acc.result()).toBe(first)
    expect(first.message.content).toEqual([{ type: "text", text: "Hi" }])
  })

  it("joins interleaved tool-call argument deltas by index, and parallel calls in one event", () => {
    const completion = run(
      events(
        callStart(0, "a", "weather"),
        callStart(1, "b", "time"),
        callDelta(1, '{"tz":'),
        callDelta(0, '{"city":'),
        callDelta(0, '"Paris"}'),
        callDelta(1, '"CET"}'),
        {
          type: "tool-call-start",
          index: 2,
          delta: {
            message: {
              tool_calls: [
                { id: "c", type: "function", function: { name: "x", arguments: '{"n":1}' } },
                { id: "d", type: "function", function: { name: "y", arguments: '{"n":2}' } },
              ],
            },
          },
        },
      ),
    )
    expect(completion.message.tool_calls).toEqual([
      { id: "a", type: "function", function: { name: "weather", arguments: '{"city":"Paris"}' } },
      { id: "b", type: "function", function: { name: "time", arguments: '{"tz":"CET"}' } },
      { id: "c", type: "function", function: { name: "x", arguments: '{"n":1}' } },
      { id: "d", type: "function", function: { name: "y", arguments: '{"n":2}' } },
    ])
  })

  it("gives a call that ends without arguments the arguments {}", () => {
    const completion = run(readChunks("cohere", "cohere-empty-tool-call") as CohereChunk[])
    expect(completion.message.tool_calls).toEqual([
      {
        id: "currentTime_y46ar19t5gvw",
        type: "function",
        function: { name: "currentTime", arguments: "{}" },
      },
    ])
    expect(completion.message.content).toEqual([
      { type: "text", text: "I will use the currentTime tool to find the current time." },
    ])
    // Without a tool-call-end, message-end does the same.
    expect(
      run(events(callStart(0, "a", "now"), { type: "message-end", delta: {} })).message.tool_calls,
    ).toEqual([{ id: "a", type: "function", function: { name: "now", arguments: "{}" } }])
  })

  it("takes usage from a usage-only message-end and leaves the finish reason unset", () => {
    const completion = run(
      events({ type: "message-end", delta: { usage: { tokens: { input_tokens: 5, output_tokens: 2 } } } }),
    )
    expect(completion.usage).toMatchObject({ input_tokens: 5, output_tokens: 2, total_tokens: 7 })
    expect(completion).not.toHaveProperty("finish_reason")
  })

  it("keeps the text when a start event is repeated or arrives after its deltas", () => {
    const completion = run(
      events(
        textDelta(0, "Hel"),
        textStart(0),
        textDelta(0, "lo"),
        textStart(0),
        textDelta(0, "!"),
        textStart(1),
      ),
    )
    expect(completion.message.content).toEqual([
      { type: "text", text: "Hello!" },
      { type: "text", text: "" },
    ])
  })

  it("opens a thinking part for a thinking delta whose start was not seen", () => {
    const completion = run(
      events({ type: "content-delta", index: 0, delta: { message: { content: { thinking: "Hmm" } } } }),
    )
    expect(completion.message.content).toEqual([{ type: "thinking", thinking: "Hmm" }])
  })

  it("returns an empty assistant message for an empty stream", () => {
    expect(accumulator().result()).toEqual({ message: { role: "assistant", content: [] } })
  })

  it("reads the SDK's camelCase events", () => {
    const completion = run(
      events(
        { type: "message-start", id: "m1", delta: { message: { role: "assistant" } } },
        { type: "tool-plan-delta", delta: { message: { toolPlan: "Plan." } } },
        {
          type: "tool-call-start",
          index: 0,
          delta: {
            message: { toolCalls: { id: "t", type: "function", function: { name: "f", arguments: "" } } },
          },
        },
        {
          type: "tool-call-delta",
          index: 0,
          delta: { message: { toolCalls: { function: { arguments: "{}" } } } },
        },
        {
          type: "message-end",
          delta: { finishReason: "TOOL_CALL", usage: { billedUnits: { inputTokens: 1, outputTokens: 2 } } },
        },
      ),
    )
    expect(completion).toEqual({
      id: "m1",
      message: {
        role: "assistant",
        content: [{ type: "text", text: "Plan." }],
        tool_calls: [{ id: "t", type: "function", function: { name: "f", arguments: "{}" } }],
      },
      usage: {
        input_tokens: 1,
        output_tokens: 2,
        cache_read_tokens: 0,
        cache_write_tokens: 0,
        reasoning_tokens: 0,
        total_tokens: 3,
      },
      finish_reason: "tool_calls",
      raw_finish_reason: "TOOL_CALL",
    })
  })

  it("adds citations to the text they cite: the last text block, a content index, or the plan", () => {
    const source = { type: "document", id: "doc:0", document: { id: "doc:0", title: "b.txt" } }
    const citation = (fields: object) => ({
      type: "citation-start",
      index: 0,
      delta: { message: { citations: { sources: [source], ...fields } } },
    })
    const completion = run(
      events(
        { type: "tool-plan-delta", delta: { message: { tool_plan: "Plan" } } },
        textStart(0),
        textDelta(0, "zero"),
        textStart(1),
        textDelta(1, "one"),
        citation({ start: 0, end: 3, text: "one", type: "TEXT_CONTENT" }),
        { type: "citation-end", index: 0 },
        citation({ start: 0, end: 4, text: "zero", content_index: 0 }),
        citation({ start: 0, end: 4, text: "Plan", type: "PLAN" }),
        citation({ start: 0, end: 1, text: "x", type: "THINKING_CONTENT" }),
        { type: "debug", prompt: "..." },
        { type: "some-future-event", delta: {} },
      ),
    )
    const annotation = (end: number, text: string) => ({
      type: "file_citation",
      file_id: "doc:0",
      filename: "b.txt",
      start_index: 0,
      end_index: end,
      cited_text: text,
      document: source.document,
    })
    expect(completion.message.content).toEqual([
      { type: "text", text: "Plan", annotations: [annotation(4, "Plan")] },
      { type: "text", text: "zero", annotations: [annotation(4, "zero")] },
      { type: "text", text: "one", annotations: [annotation(3, "one")] },
    ])
  })

  it.each([
    ["a non-object", "nope"],
    ["an event without a type", { delta: {} }],
    [
      "a content delta without an index",
      { type: "content-delta", delta: { message: { content: { text: "x" } } } },
    ],
    [
      "a text delta that is not a string",
      { type: "content-delta", index: 0, delta: { message: { content: { text: 1 } } } },
    ],
    [
      "arguments that are not a string",
      {
        type: "tool-call-delta",
        index: 0,
        delta: { message: { tool_calls: { function: { arguments: {} } } } },
      },
    ],
  ])("throws ProviderResponseError for %s", (_, event) => {
    expect(() => accumulator().push(event as CohereChunk)).toThrow(
      expect.objectContaining({ name: "ProviderResponseError", provider: "cohere" }),
    )
  })

  it("throws ProviderResponseError for a thinking delta on a text block", () => {
    const acc = accumulator()
    acc.push(events(textStart(0))[0]!)
    expect(() =>
      acc.push(
        events({ type: "content-delta", index: 0, delta: { message: { content: { thinking: "x" } } } })[0]!,
      ),
    ).toThrow(/block 0 is text, the delta is not/)
  })
})
