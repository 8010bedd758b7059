import type { Message } from "@anthropic-ai/sdk/resources/messages"
import { ProviderResponseError } from "@pl/blueprint"
import { describe, expect, it } from "vitest"
import { anthropic } from "./index.js"

function message(content: unknown[], extra: Record<string, unknown> = {}): Message {
  return {
    id: "msg_01",
    type: "message",
    role: "assistant",
    model: "claude-sonnet-4-5",
    content,
    stop_reason: "end_turn",
    stop_sequence: null,
    usage: { input_tokens: 10, output_tokens: 5 },
    ...extra,
  } as Message
}

describe("fromResponse", () => {
  it("reads text, thinking with its signature, redacted thinking and tool calls", () => {
    const completion = anthropic.fromResponse(
      message(
        [
          { type: "thinking", thinking: "Hmm.", signature: "EqQB" },
          { type: "redacted_thinking", data: "EmwK" },
          { type: "text", text: "Let me look.", citations: null },
          { type: "tool_use", id: "toolu_1", name: "get_weather", input: { city: "Paris" } },
          { type: "tool_use", id: "toolu_2", name: "ping", input: {} },
        ],
        { stop_reason: "tool_use" },
      ),
    )
    expect(completion.message).toEqual({
      role: "assistant",
      content: [
        { type: "thinking", thinking: "Hmm.", signature: "EqQB" },
        { type: "redacted_thinking", data: "EmwK" },
        { type: "text", text: "Let me look." },
      ],
      tool_calls: [
        { id: "toolu_1", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } },
        { id: "toolu_2", type: "function", function: { name: "ping", arguments: "{}" } },
      ],
    })
    expect(completion).toMatchObject({
      finish_reason: "tool_calls",
      raw_finish_reason: "tool_use",
      id: "msg_01",
      model: "claude-sonnet-4-5",
    })
  })

  it("counts cache reads and writes in input_tokens, and thinking tokens as reasoning", () => {
    const completion = anthropic.fromResponse(
      message([], {
        usage: {
          input_tokens: 12,
          cache_read_input_tokens: 1000,
          cache_creation_input_tokens: 200,
          output_tokens: 80,
          output_tokens_details: { thinking_tokens: 30 },
        },
      }),
    )
    expect(completion.usage).toEqual({
      input_tokens: 1212,
      output_tokens: 80,
      cache_read_tokens: 1000,
      cache_write_tokens: 200,
      reasoning_tokens: 30,
      total_tokens: 1292,
    })
  })

  it("maps every stop reason and keeps the raw one", () => {
    const reasons = [
      "end_turn",
      "stop_sequence",
      "max_tokens",
      "model_context_window_exceeded",
      "tool_use",
      "pause_turn",
      "refusal",
      "something_new",
    ]
    expect(
      reasons.map((stop_reason) => anthropic.fromResponse(message([], { stop_reason })).finish_reason),
    ).toEqual(["stop", "stop", "length", "length", "tool_calls", "pause", "refusal", "other"])
    expect(anthropic.fromResponse(message([], { stop_reason: null }))).not.toHaveProperty("finish_reason")
  })

  it("reads citations as annotations", () => {
    const completion = anthropic.fromResponse(
      message([
        {
          type: "text",
          text: "It rained.",
          citations: [
            {
              type: "web_search_result_location",
              url: "https://a.test/",
              title: null,
              cited_text: "rain",
              encrypted_index: "Eo8",
            },
            {
              type: "page_location",
              cited_text: "p",
              document_index: 0,
              document_title: "R",
              start_page_number: 1,
              end_page_number: 2,
              file_id: null,
            },
          ],
        },
      ]),
    )
    expect(completion.message.content).toEqual([
      {
        type: "text",
        text: "It rained.",
        annotations: [
          {
            type: "url_citation",
            url: "https://a.test/",
            title: null,
            cited_text: "rain",
            encrypted_index: "Eo8",
          },
          {
            type: "page_location",
            cited_text: "p",
            document_index: 0,
            document_title: "R",
            start_page_number: 1,
            end_page_number: 2,
            file_id: null,
          },
        ],
      },
    ])
  })

  it("keeps server tool blocks, and blocks the blueprint has no type for, as received", () => {
    const blocks = [
      {
        type: "server_tool_use",
        id: "srvtoolu_1",
        name: "web_search",
        input: { query: "q" },
        caller: { type: "direct" },
      },
      {
        type: "web_search_tool_result",
        tool_use_id: "srvtoolu_1",
        content: { type: "web_search_tool_result_error", error_code: "max_uses_exceeded" },
      },
      { type: "container_upload", file_id: "file_1" },
    ]
    expect(anthropic.fromResponse(message(blocks)).message.content).toEqual(blocks)
  })

  it("rejects a response without a content array", () => {
    expect(() => anthropic.fromResponse({ id: "x" } as unknown as Message)).toThrow(ProviderResponseError)
    expect(() => anthropic.fromResponse(message([null]))).toThrow(ProviderResponseError)
  })
})
