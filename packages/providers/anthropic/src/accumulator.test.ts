import type { RawMessageStreamEvent } from "@anthropic-ai/sdk/resources/messages"
import { ProviderResponseError } from "@pl/blueprint"
import { describe, expect, it } from "vitest"
import { anthropic } from "./index.js"

const start = (id = "msg_1", usage: Record<string, number> = { input_tokens: 10, output_tokens: 1 }) =>
  ({
    type: "message_start",
    message: {
      id,
      type: "message",
      role: "assistant",
      model: "claude-sonnet-4-5",
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage,
    },
  }) as unknown as RawMessageStreamEvent
const blockStart = (index: number, content_block: Record<string, unknown>) =>
  ({ type: "content_block_start", index, content_block }) as unknown as RawMessageStreamEvent
const delta = (index: number, delta: Record<string, unknown>) =>
  ({ type: "content_block_delta", index, delta }) as unknown as RawMessageStreamEvent
const blockStop = (index: number) => ({ type: "content_block_stop", index }) as RawMessageStreamEvent
const text = (index: number, value: string) => delta(index, { type: "text_delta", text: value })
const json = (index: number, value: string) => delta(index, { type: "input_json_delta", partial_json: value })
const messageDelta = (stop_reason: string | null, usage: Record<string, number | null>) =>
  ({
    type: "message_delta",
    delta: { stop_reason, stop_sequence: null },
    usage,
  }) as unknown as RawMessageStreamEvent

function run(events: RawMessageStreamEvent[]) {
  const acc = anthropic.accumulator()
  for (const event of events) acc.push(event)
  return acc.result()
}

describe("accumulator", () => {
  it("joins text deltas and returns the live completion from every push", () => {
    const acc = anthropic.accumulator()
    acc.push(start())
    acc.push(blockStart(0, { type: "text", text: "" }))
    expect(acc.push(text(0, "Hel")).message.content).toEqual([{ type: "text", text: "Hel" }])
    expect(acc.push(text(0, "lo")).message.content).toEqual([{ type: "text", text: "Hello" }])
    expect(acc.result()).toMatchObject({ id: "msg_1", model: "claude-sonnet-4-5" })
  })

  it("joins the argument deltas of parallel tool calls by block index, interleaved", () => {
    const completion = run([
      start(),
      blockStart(0, { type: "tool_use", id: "toolu_a", name: "get_weather", input: {} }),
      blockStart(1, { type: "tool_use", id: "toolu_b", name: "get_time", input: {} }),
      json(0, '{"city": '),
      json(1, '{"zone": "CET"}'),
      json(0, '"Paris"}'),
      blockStop(0),
      blockStop(1),
      messageDelta("tool_use", { output_tokens: 30 }),
    ])
    expect(completion.message.tool_calls).toEqual([
      { id: "toolu_a", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } },
      { id: "toolu_b", type: "function", function: { name: "get_time", arguments: '{"zone":"CET"}' } },
    ])
    expect(completion.finish_reason).toBe("tool_calls")
  })

  it("gives a call without arguments {} as fromResponse does", () => {
    const completion = run([
      start(),
      blockStart(0, { type: "tool_use", id: "t", name: "ping", input: {} }),
      json(0, ""),
      blockStop(0),
    ])
    expect(completion.message.tool_calls?.[0]?.function.arguments).toBe("{}")
  })

  it("keeps arguments that are not JSON as received", () => {
    const completion = run([
      start(),
      blockStart(0, { type: "tool_use", id: "t", name: "f", input: {} }),
      json(0, '{"a": 1'),
      blockStop(0),
    ])
    expect(completion.message.tool_calls?.[0]?.function.arguments).toBe('{"a": 1')
  })

  it("joins thinking and signature deltas", () => {
    const completion = run([
      start(),
      blockStart(0, { type: "thinking", thinking: "", signature: "" }),
      delta(0, { type: "thinking_delta", thinking: "Let me " }),
      delta(0, { type: "thinking_delta", thinking: "think." }),
      delta(0, { type: "signature_delta", signature: "EqQBCkY" }),
      blockStop(0),
      blockStart(1, { type: "redacted_thinking", data: "EmwK" }),
      blockStop(1),
    ])
    expect(completion.message.content).toEqual([
      { type: "thinking", thinking: "Let me think.", signature: "EqQBCkY" },
      { type: "redacted_thinking", data: "EmwK" },
    ])
  })

  it("adds citations deltas to their text block as annotations", () => {
    const citation = {
      type: "web_search_result_location",
      url: "https://a.test/",
      title: "A",
      cited_text: "q",
      encrypted_index: "E",
    }
    const completion = run([
      start(),
      blockStart(0, { type: "text", text: "", citations: [] }),
      delta(0, { type: "citations_delta", citation }),
      text(0, "Quoted."),
    ])
    expect(completion.message.content).toEqual([
      {
        type: "text",
        text: "Quoted.",
        annotations: [
          { type: "url_citation", url: "https://a.test/", title: "A", cited_text: "q", encrypted_index: "E" },
        ],
      },
    ])
  })

  it("parses a server tool's streamed input at its block stop", () => {
    const completion = run([
      start(),
      blockStart(0, { type: "server_tool_use", id: "srvtoolu_1", name: "web_search", input: {} }),
      json(0, '{"query": "ne'),
      json(0, 'ws"}'),
      blockStop(0),
    ])
    expect(completion.message.content).toEqual([
      { type: "server_tool_use", id: "srvtoolu_1", name: "web_search", input: { query: "news" } },
    ])
  })

  it("takes usage from message_start and then from usage-only message_delta events", () => {
    const acc = anthropic.accumulator()
    acc.push(
      start("msg_1", {
        input_tokens: 100,
        cache_read_input_tokens: 50,
        cache_creation_input_tokens: 0,
        output_tokens: 1,
      }),
    )
    expect(acc.result().usage).toMatchObject({ input_tokens: 150, output_tokens: 1, cache_read_tokens: 50 })
    acc.push(messageDelta(null, { output_tokens: 20, input_tokens: null }))
    expect(acc.result().usage).toMatchObject({ input_tokens: 150, output_tokens: 20, total_tokens: 170 })
    expect(acc.result()).not.toHaveProperty("finish_reason")
    acc.push(messageDelta("end_turn", { output_tokens: 42, input_tokens: 100, cache_read_input_tokens: 50 }))
    expect(acc.result()).toMatchObject({
      finish_reason: "stop",
      raw_finish_reason: "end_turn",
      usage: { output_tokens: 42, total_tokens: 192 },
    })
  })

  it("keeps the text when message_start comes again (duplicated) mid-stream", () => {
    const completion = run([
      start(),
      blockStart(0, { type: "text", text: "" }),
      text(0, "Hello"),
      start(),
      text(0, " world"),
      blockStop(0),
    ])
    expect(completion.message.content).toEqual([{ type: "text", text: "Hello world" }])
  })

  it("keeps the first message's text and calls when a second message is spliced in at the same indexes", () => {
    const completion = run([
      start("msg_1"),
      blockStart(0, { type: "text", text: "" }),
      text(0, "First."),
      blockStart(1, { type: "tool_use", id: "t1", name: "f", input: {} }),
      json(1, '{"n":1}'),
      blockStop(1),
      start("msg_2"),
      blockStart(0, { type: "text", text: "" }),
      text(0, "Second."),
      blockStart(1, { type: "tool_use", id: "t2", name: "f", input: {} }),
      json(1, '{"n":2}'),
      blockStop(1),
    ])
    expect(completion.message.content).toEqual([
      { type: "text", text: "First." },
      { type: "text", text: "Second." },
    ])
    expect(completion.message.tool_calls?.map((c) => c.function.arguments)).toEqual(['{"n":1}', '{"n":2}'])
    expect(completion.id).toBe("msg_2")
  })

  it("gives an empty assistant message for an empty stream", () => {
    expect(anthropic.accumulator().result()).toEqual({ message: { role: "assistant", content: [] } })
  })

  it("ignores pings, message_stop and event types it does not know", () => {
    const completion = run([
      { type: "ping" } as unknown as RawMessageStreamEvent,
      start(),
      { type: "some_future_event", data: 1 } as unknown as RawMessageStreamEvent,
      { type: "message_stop" },
    ])
    expect(completion).toEqual({
      message: { role: "assistant", content: [] },
      id: "msg_1",
      model: "claude-sonnet-4-5",
      usage: expect.any(Object),
    })
  })

  it("ends with finish_reason error on an error event, keeping what arrived", () => {
    const completion = run([
      start(),
      blockStart(0, { type: "text", text: "" }),
      text(0, "Partial"),
      {
        type: "error",
        error: { type: "overloaded_error", message: "Overloaded" },
      } as unknown as RawMessageStreamEvent,
    ])
    expect(completion).toMatchObject({
      finish_reason: "error",
      raw_finish_reason: "overloaded_error",
      message: { content: [{ type: "text", text: "Partial" }] },
    })
  })

  it("rejects malformed events with ProviderResponseError", () => {
    const malformed = [
      null,
      { index: 0 },
      { type: "message_start" },
      { type: "content_block_start", content_block: { type: "text", text: "" } },
      { type: "content_block_delta", index: 0 },
      { type: "content_block_delta", index: 5, delta: { type: "text_delta", text: "x" } },
    ]
    for (const event of malformed) {
      const acc = anthropic.accumulator()
      acc.push(start())
      expect(() => acc.push(event as unknown as RawMessageStreamEvent)).toThrow(ProviderResponseError)
    }
  })

  it("rejects a delta of the wrong kind for its block", () => {
    const acc = anthropic.accumulator()
    acc.push(start())
    acc.push(blockStart(0, { type: "text", text: "" }))
    expect(() => acc.push(delta(0, { type: "thinking_delta", thinking: "x" }))).toThrow(
      /thinking_delta for a text block/,
    )
  })
})
