import { ProviderResponseError } from "@pl/blueprint"
import type { ResponseStreamEvent } from "openai/resources/responses/responses"
import { describe, expect, it } from "vitest"
import { responsesAccumulator } from "./accumulator.js"

/** Wire events, written loosely: the accumulator reads only the fields it needs. */
type Event = { type: string; [field: string]: unknown }

function run(events: Event[]) {
  const acc = responsesAccumulator()
  for (const e of events) acc.push(e as unknown as ResponseStreamEvent)
  return acc.result()
}

const created = {
  type: "response.created",
  response: { id: "resp_1", model: "gpt-5", output: [], status: "in_progress" },
}
const text = (delta: string, item_id = "msg_1") => ({
  type: "response.output_text.delta",
  item_id,
  output_index: 0,
  content_index: 0,
  delta,
})

describe("responsesAccumulator", () => {
  it("joins parallel function-call argument deltas by item, interleaved", () => {
    const result = run([
      created,
      {
        type: "response.output_item.added",
        output_index: 0,
        item: { type: "function_call", id: "fc_a", call_id: "call_a", name: "weather", arguments: "" },
      },
      {
        type: "response.output_item.added",
        output_index: 1,
        item: { type: "function_call", id: "fc_b", call_id: "call_b", name: "time", arguments: "" },
      },
      { type: "response.function_call_arguments.delta", item_id: "fc_a", output_index: 0, delta: '{"city":' },
      {
        type: "response.function_call_arguments.delta",
        item_id: "fc_b",
        output_index: 1,
        delta: '{"tz":"UTC"}',
      },
      { type: "response.function_call_arguments.delta", item_id: "fc_a", output_index: 0, delta: '"Oslo"}' },
    ])
    expect(result.message.tool_calls).toEqual([
      { id: "call_a", type: "function", function: { name: "weather", arguments: '{"city":"Oslo"}' } },
      { id: "call_b", type: "function", function: { name: "time", arguments: '{"tz":"UTC"}' } },
    ])
  })

  it("keeps a no-argument call, whose arguments only arrive whole at done", () => {
    const result = run([
      {
        type: "response.output_item.added",
        output_index: 0,
        item: { type: "function_call", id: "fc_1", call_id: "call_1", name: "ping", arguments: "" },
      },
      {
        type: "response.output_item.done",
        output_index: 0,
        item: { type: "function_call", id: "fc_1", call_id: "call_1", name: "ping", arguments: "{}" },
      },
    ])
    expect(result.message.tool_calls).toEqual([
      { id: "call_1", type: "function", function: { name: "ping", arguments: "{}" } },
    ])
  })

  it("lands usage and the finish reason from the completed response", () => {
    const result = run([
      created,
      {
        type: "response.completed",
        response: {
          id: "resp_1",
          model: "gpt-5",
          status: "completed",
          output: [],
          usage: {
            input_tokens: 10,
            input_tokens_details: { cached_tokens: 6 },
            output_tokens: 5,
            output_tokens_details: { reasoning_tokens: 2 },
            total_tokens: 15,
          },
        },
      },
    ])
    expect(result).toEqual({
      message: { role: "assistant", content: [] },
      id: "resp_1",
      model: "gpt-5",
      usage: {
        input_tokens: 10,
        output_tokens: 5,
        cache_read_tokens: 6,
        cache_write_tokens: 0,
        reasoning_tokens: 2,
        total_tokens: 15,
      },
      finish_reason: "stop",
      raw_finish_reason: "completed",
    })
  })

  it("loses no text when response.created and output_item.added are repeated mid-stream", () => {
    const added = {
      type: "response.output_item.added",
      output_index: 0,
      item: { type: "message", id: "msg_1", role: "assistant", status: "in_progress", content: [] },
    }
    const result = run([created, added, text("Hel"), created, added, text("lo")])
    expect(result.message.content).toEqual([{ type: "text", text: "Hello", id: "msg_1" }])
  })

  it("gives an empty assistant message for an empty stream", () => {
    expect(responsesAccumulator().result()).toEqual({ message: { role: "assistant", content: [] } })
  })

  it("builds reasoning summary parts in order and takes the encrypted content from output_item.done", () => {
    const item = { type: "reasoning", id: "rs_1", summary: [] as unknown[], encrypted_content: "partial" }
    const summary = (summary_index: number, delta: string) => ({
      type: "response.reasoning_summary_text.delta",
      item_id: "rs_1",
      output_index: 0,
      summary_index,
      delta,
    })
    const acc = responsesAccumulator()
    acc.push({ type: "response.output_item.added", output_index: 0, item } as unknown as ResponseStreamEvent)
    for (const e of [summary(0, "First"), summary(1, "Sec"), summary(1, "ond")])
      acc.push(e as unknown as ResponseStreamEvent)
    expect(acc.result().message.content).toEqual([
      { type: "thinking", thinking: "First", id: "rs_1", signature: "partial" },
      { type: "thinking", thinking: "Second", id: "rs_1" },
    ])
    const done = {
      ...item,
      summary: [
        { type: "summary_text", text: "First" },
        { type: "summary_text", text: "Second" },
      ],
      encrypted_content: "complete",
    }
    acc.push({
      type: "response.output_item.done",
      output_index: 0,
      item: done,
    } as unknown as ResponseStreamEvent)
    expect(acc.result().message.content).toEqual([
      { type: "thinking", thinking: "First", id: "rs_1", signature: "complete" },
      { type: "thinking", thinking: "Second", id: "rs_1" },
    ])
  })

  it("adds citations as they arrive and marks a refusal", () => {
    const result = run([
      text("See [1]"),
      {
        type: "response.output_text.annotation.added",
        item_id: "msg_1",
        output_index: 0,
        content_index: 0,
        annotation_index: 0,
        annotation: { type: "url_citation", url: "https://x.test", title: "X", start_index: 4, end_index: 7 },
      },
      {
        type: "response.refusal.delta",
        item_id: "msg_1",
        output_index: 0,
        content_index: 1,
        delta: "No more.",
      },
      {
        type: "response.completed",
        response: { id: "resp_1", model: "gpt-5", status: "completed", output: [] },
      },
    ])
    expect(result.message.content).toEqual([
      {
        type: "text",
        text: "See [1]",
        id: "msg_1",
        annotations: [
          { type: "url_citation", url: "https://x.test", title: "X", start_index: 4, end_index: 7 },
        ],
      },
      { type: "text", text: "No more.", id: "msg_1" },
    ])
    expect(result.finish_reason).toBe("refusal")
  })

  it("streams MCP arguments and interpreter code into their parts", () => {
    const result = run([
      {
        type: "response.output_item.added",
        output_index: 0,
        item: { type: "mcp_call", id: "mcp_1", server_label: "docs", name: "search", arguments: "" },
      },
      { type: "response.mcp_call_arguments.delta", item_id: "mcp_1", output_index: 0, delta: '{"q":' },
      { type: "response.mcp_call_arguments.delta", item_id: "mcp_1", output_index: 0, delta: '"x"}' },
      {
        type: "response.output_item.added",
        output_index: 1,
        item: {
          type: "code_interpreter_call",
          id: "ci_1",
          code: "",
          container_id: "cntr_1",
          outputs: null,
          status: "in_progress",
        },
      },
      {
        type: "response.code_interpreter_call_code.delta",
        item_id: "ci_1",
        output_index: 1,
        delta: "print(",
      },
      { type: "response.code_interpreter_call_code.delta", item_id: "ci_1", output_index: 1, delta: "1)" },
    ])
    expect(result.message.content).toEqual([
      { type: "mcp_call", id: "mcp_1", server_label: "docs", name: "search", arguments: '{"q":"x"}' },
      {
        type: "code",
        code: "print(1)",
        language: "python",
        id: "ci_1",
        container_id: "cntr_1",
        status: "in_progress",
      },
    ])
  })

  it("replaces an item's parts with the final item at output_item.done, in place", () => {
    const result = run([
      {
        type: "response.output_item.added",
        output_index: 0,
        item: { type: "web_search_call", id: "ws_1", status: "in_progress" },
      },
      text("Found it"),
      {
        type: "response.output_item.done",
        output_index: 0,
        item: {
          type: "web_search_call",
          id: "ws_1",
          status: "completed",
          action: { type: "search", query: "q" },
        },
      },
    ])
    expect(result.message.content).toEqual([
      {
        type: "server_tool_use",
        id: "ws_1",
        name: "web_search",
        input: { type: "search", query: "q" },
        status: "completed",
      },
      { type: "text", text: "Found it", id: "msg_1" },
    ])
  })

  it("throws ProviderResponseError for an event without a type", () => {
    expect(() => responsesAccumulator().push({} as ResponseStreamEvent)).toThrow(ProviderResponseError)
    expect(() => responsesAccumulator().push("data" as unknown as ResponseStreamEvent)).toThrow(
      ProviderResponseError,
    )
  })
})
