import { type Completion, ProviderResponseError } from "@pl/blueprint"
import { describe, expect, it } from "vitest"
import { type BedrockResponse, type BedrockStreamEvent, bedrock } from "./index.js"

const text = (index: number, delta: string) => ({
  contentBlockDelta: { contentBlockIndex: index, delta: { text: delta } },
})
const start = (index: number, toolUseId: string, name: string) => ({
  contentBlockStart: { contentBlockIndex: index, start: { toolUse: { toolUseId, name } } },
})
const input = (index: number, delta: string) => ({
  contentBlockDelta: { contentBlockIndex: index, delta: { toolUse: { input: delta } } },
})
const reasoning = (index: number, delta: Record<string, unknown>) => ({
  contentBlockDelta: { contentBlockIndex: index, delta: { reasoningContent: delta } },
})
const stop = (index: number) => ({ contentBlockStop: { contentBlockIndex: index } })

function accumulate(events: readonly object[]): Completion {
  const accumulator = bedrock.accumulator()
  for (const event of events) accumulator.push(event as BedrockStreamEvent)
  return accumulator.result()
}

describe("the ConverseStream accumulator", () => {
  it("returns one live completion that grows with every event", () => {
    const accumulator = bedrock.accumulator()
    const first = accumulator.push({ messageStart: { role: "assistant" } })
    const second = accumulator.push(text(0, "Hel") as BedrockStreamEvent)
    accumulator.push(text(0, "lo") as BedrockStreamEvent)
    expect(second).toBe(first)
    expect(first.message.content).toEqual([{ type: "text", text: "Hello" }])
    expect(accumulator.result()).toBe(first)
  })

  it("joins interleaved argument deltas of parallel tool calls by block index", () => {
    const completion = accumulate([
      text(0, "Checking both."),
      stop(0),
      start(1, "t1", "get_weather"),
      start(2, "t2", "get_weather"),
      input(1, '{"city":'),
      input(2, '{"city":"Ro'),
      input(1, '"Paris"}'),
      input(2, 'me"}'),
      stop(1),
      stop(2),
      { messageStop: { stopReason: "tool_use" } },
    ])
    expect(completion.message).toEqual({
      role: "assistant",
      content: [{ type: "text", text: "Checking both." }],
      tool_calls: [
        { id: "t1", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } },
        { id: "t2", type: "function", function: { name: "get_weather", arguments: '{"city":"Rome"}' } },
      ],
    })
    expect(completion.finish_reason).toBe("tool_calls")
  })

  it("gives a call without arguments the empty object, whether or not an empty delta came", () => {
    expect(
      accumulate([start(0, "a", "ping"), stop(0), start(1, "b", "pong"), input(1, ""), stop(1)]).message
        .tool_calls,
    ).toEqual([
      { id: "a", type: "function", function: { name: "ping", arguments: "{}" } },
      { id: "b", type: "function", function: { name: "pong", arguments: "{}" } },
    ])
    // Cut before contentBlockStop: the result still holds valid arguments.
    expect(accumulate([start(0, "a", "ping")]).message.tool_calls?.[0]?.function.arguments).toBe("{}")
  })

  it("puts the signature delta on its thinking part and keeps redacted reasoning as base64", () => {
    const completion = accumulate([
      reasoning(0, { text: "Let me " }),
      reasoning(0, { text: "think." }),
      reasoning(0, { signature: "EqQB" }),
      stop(0),
      reasoning(1, { redactedContent: new Uint8Array([1, 2, 3]) }),
      stop(1),
      reasoning(2, { redactedContent: "BAUG" }),
      text(3, "Done."),
    ])
    expect(completion.message.content).toEqual([
      { type: "thinking", thinking: "Let me think.", signature: "EqQB" },
      { type: "redacted_thinking", data: "AQID" },
      { type: "redacted_thinking", data: "BAUG" },
      { type: "text", text: "Done." },
    ])
  })

  it("sets usage from a usage-only metadata event, before any content", () => {
    const completion = accumulate([
      {
        metadata: {
          usage: { inputTokens: 3, outputTokens: 0, totalTokens: 3, cacheReadInputTokens: 2048 },
          metrics: { latencyMs: 5 },
        },
      },
    ])
    expect(completion).toEqual({
      message: { role: "assistant", content: [] },
      usage: {
        input_tokens: 2051,
        output_tokens: 0,
        cache_read_tokens: 2048,
        cache_write_tokens: 0,
        reasoning_tokens: 0,
        total_tokens: 2051,
      },
    })
  })

  it("loses no text when start events are repeated or come again mid-stream", () => {
    const completion = accumulate([
      { messageStart: { role: "assistant" } },
      text(0, "Once "),
      { messageStart: { role: "assistant" } },
      text(0, "upon "),
      start(1, "t1", "tell"),
      input(1, '{"a":'),
      start(1, "t1", "tell"),
      input(1, "1}"),
      text(0, "a time."),
    ])
    expect(completion.message.content).toEqual([{ type: "text", text: "Once upon a time." }])
    expect(completion.message.tool_calls).toEqual([
      { id: "t1", type: "function", function: { name: "tell", arguments: '{"a":1}' } },
    ])
  })

  it("ends an empty stream with what Converse returns for an empty answer", () => {
    const empty = { output: { message: { role: "assistant", content: [] } } } as unknown as BedrockResponse
    expect(accumulate([])).toEqual(bedrock.fromResponse(empty))
  })

  it("keeps the text when deltas it has no part for arrive (citations, tool results, images)", () => {
    const completion = accumulate([
      text(0, "Cats sleep a lot."),
      {
        contentBlockDelta: {
          contentBlockIndex: 0,
          delta: { citation: { title: "Cats", location: { web: { url: "https://cats.test" } } } },
        },
      },
      { contentBlockDelta: { contentBlockIndex: 1, delta: { toolResult: [{ text: "42" }] } } },
      { $unknown: ["futureEvent", {}] },
      { futureEvent: { x: 1 } },
      stop(0),
    ])
    expect(completion.message.content).toEqual([{ type: "text", text: "Cats sleep a lot." }])
  })

  it("throws ProviderResponseError on malformed events", () => {
    const push = (event: unknown) => () => bedrock.accumulator().push(event as BedrockStreamEvent)
    expect(push(null)).toThrow(ProviderResponseError)
    expect(push("contentBlockDelta")).toThrow(/not an object/)
    expect(push({ contentBlockDelta: { delta: { text: "x" } } })).toThrow(/contentBlockIndex/)
    expect(push({ contentBlockStart: { contentBlockIndex: -1, start: {} } })).toThrow(/contentBlockIndex/)
    expect(push({ contentBlockDelta: { contentBlockIndex: 0 } })).toThrow(/no delta/)
    expect(
      push({
        contentBlockDelta: { contentBlockIndex: 0, delta: { reasoningContent: { redactedContent: 5 } } },
      }),
    ).toThrow(/redactedContent/)
  })

  it("keeps what arrived before a malformed event", () => {
    const accumulator = bedrock.accumulator()
    accumulator.push(text(0, "partial") as BedrockStreamEvent)
    expect(() =>
      accumulator.push({ contentBlockDelta: { contentBlockIndex: 0 } } as BedrockStreamEvent),
    ).toThrow()
    expect(accumulator.result().message.content).toEqual([{ type: "text", text: "partial" }])
  })
})
