import { ProviderResponseError } from "@pl/blueprint"
import type { ChatCompletionChunk } from "openai/resources/chat/completions"
import { describe, expect, it } from "vitest"
import { chatAccumulator } from "./accumulator.js"

type Delta = ChatCompletionChunk.Choice.Delta & Record<string, unknown>

function chunk(
  delta: Delta,
  finish_reason: ChatCompletionChunk.Choice["finish_reason"] = null,
): ChatCompletionChunk {
  return {
    id: "chatcmpl-1",
    object: "chat.completion.chunk",
    created: 1,
    model: "gpt-4o",
    choices: [{ index: 0, delta, finish_reason }],
  }
}

function run(chunks: ChatCompletionChunk[]) {
  const acc = chatAccumulator()
  for (const c of chunks) acc.push(c)
  return acc.result()
}

describe("chatAccumulator", () => {
  it("joins parallel tool-call argument deltas by index, several calls in one chunk", () => {
    const result = run([
      chunk({
        role: "assistant",
        tool_calls: [
          { index: 0, id: "call_a", type: "function", function: { name: "weather", arguments: "" } },
          { index: 1, id: "call_b", type: "function", function: { name: "time", arguments: '{"tz":' } },
        ],
      }),
      chunk({ tool_calls: [{ index: 0, function: { arguments: '{"city":' } }] }),
      chunk({
        tool_calls: [
          { index: 1, function: { arguments: '"UTC"}' } },
          { index: 0, function: { arguments: '"Oslo"}' } },
        ],
      }),
      chunk({}, "tool_calls"),
    ])
    expect(result.message.tool_calls).toEqual([
      { id: "call_a", type: "function", function: { name: "weather", arguments: '{"city":"Oslo"}' } },
      { id: "call_b", type: "function", function: { name: "time", arguments: '{"tz":"UTC"}' } },
    ])
    expect(result).toMatchObject({ finish_reason: "tool_calls", raw_finish_reason: "tool_calls" })
  })

  it("keeps a call that has no arguments delta at all", () => {
    const result = run([
      chunk({ tool_calls: [{ index: 0, id: "call_1", type: "function", function: { name: "ping" } }] }),
    ])
    expect(result.message.tool_calls).toEqual([
      { id: "call_1", type: "function", function: { name: "ping", arguments: "" } },
    ])
  })

  it("lands usage from a usage-only chunk with no choices", () => {
    const acc = chatAccumulator()
    acc.push(chunk({ content: "Hi" }, "stop"))
    const result = acc.push({
      id: "chatcmpl-1",
      object: "chat.completion.chunk",
      created: 1,
      model: "gpt-4o",
      choices: [],
      usage: {
        prompt_tokens: 9,
        completion_tokens: 3,
        total_tokens: 12,
        prompt_tokens_details: { cached_tokens: 4 },
      },
    })
    expect(result.usage).toEqual({
      input_tokens: 9,
      output_tokens: 3,
      cache_read_tokens: 4,
      cache_write_tokens: 0,
      reasoning_tokens: 0,
      total_tokens: 12,
    })
    expect(result.message.content).toEqual([{ type: "text", text: "Hi" }])
  })

  it("loses no text when the first chunk is repeated mid-stream", () => {
    const start = chunk({ role: "assistant", content: "", refusal: null })
    const result = run([start, chunk({ content: "Hel" }), start, chunk({ content: "lo" })])
    expect(result.message.content).toEqual([{ type: "text", text: "Hello" }])
  })

  it("gives an empty assistant message for an empty stream", () => {
    expect(chatAccumulator().result()).toEqual({ message: { role: "assistant", content: [] } })
  })

  it("returns the same live completion from every push", () => {
    const acc = chatAccumulator()
    const first = acc.push(chunk({ content: "a" }))
    const second = acc.push(chunk({ content: "b" }))
    expect(second).toBe(first)
    expect(acc.result()).toBe(first)
    expect(first.message.content).toEqual([{ type: "text", text: "ab" }])
  })

  it("keeps empty ids and models of Azure's first chunk from overwriting real ones", () => {
    const acc = chatAccumulator()
    acc.push(chunk({ content: "x" }))
    const result = acc.push({ id: "", object: "chat.completion.chunk", created: 0, model: "", choices: [] })
    expect(result).toMatchObject({ id: "chatcmpl-1", model: "gpt-4o" })
  })

  it("accumulates reasoning_content, refusals, citations and legacy function calls", () => {
    const result = run([
      chunk({ reasoning_content: "Think" }),
      chunk({ reasoning_content: "ing" }),
      chunk({ content: "See [1]" }),
      chunk({
        annotations: [
          {
            type: "url_citation",
            url_citation: { url: "https://x.test", title: "X", start_index: 4, end_index: 7 },
          },
        ],
      }),
      chunk({ function_call: { name: "look", arguments: '{"q":' } }),
      chunk({ function_call: { arguments: '"x"}' } }),
      chunk({ refusal: "No." }, "stop"),
    ])
    expect(result.message).toEqual({
      role: "assistant",
      content: [
        { type: "thinking", thinking: "Thinking" },
        {
          type: "text",
          text: "See [1]",
          annotations: [
            { type: "url_citation", url: "https://x.test", title: "X", start_index: 4, end_index: 7 },
          ],
        },
        { type: "text", text: "No." },
      ],
      function_call: { name: "look", arguments: '{"q":"x"}' },
    })
    expect(result).toMatchObject({ finish_reason: "refusal", raw_finish_reason: "stop" })
  })

  it("reads only the first choice when several are streamed", () => {
    const acc = chatAccumulator()
    acc.push({ ...chunk({ content: "first" }) })
    const result = acc.push({
      ...chunk({}),
      choices: [{ index: 1, delta: { content: "second" }, finish_reason: null }],
    })
    expect(result.message.content).toEqual([{ type: "text", text: "first" }])
  })

  it("throws ProviderResponseError for a chunk without choices", () => {
    expect(() => chatAccumulator().push({ error: "x" } as unknown as ChatCompletionChunk)).toThrow(
      ProviderResponseError,
    )
    expect(() => chatAccumulator().push(null as unknown as ChatCompletionChunk)).toThrow(
      ProviderResponseError,
    )
  })
})
