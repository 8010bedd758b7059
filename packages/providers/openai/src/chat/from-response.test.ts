import { ProviderResponseError } from "@pl/blueprint"
import { readJsonFixture } from "@pl/devtools/fixtures"
import type { ChatCompletion } from "openai/resources/chat/completions"
import { describe, expect, it } from "vitest"
import { fromChatResponse } from "./from-response.js"

function completion(message: Record<string, unknown>, finish_reason = "stop"): ChatCompletion {
  return {
    id: "chatcmpl-1",
    object: "chat.completion",
    created: 1,
    model: "gpt-4o",
    choices: [
      {
        index: 0,
        message: { role: "assistant", content: null, refusal: null, ...message },
        finish_reason,
        logprobs: null,
      },
    ],
  } as ChatCompletion
}

describe("fromChatResponse", () => {
  it("reads text, usage and finish reason from a recorded completion", () => {
    const response = readJsonFixture("openai-chat", "openai-text") as ChatCompletion
    const result = fromChatResponse(response)
    expect(result.message.content).toEqual([{ type: "text", text: response.choices[0]!.message.content }])
    expect(result).toMatchObject({
      id: "chatcmpl-D8Z5f52zQqikDBEKQMQoYcWMcWPeU",
      model: "gpt-4.1-nano-2025-04-14",
      finish_reason: "stop",
      raw_finish_reason: "stop",
      usage: {
        input_tokens: 16,
        output_tokens: 363,
        total_tokens: 379,
        cache_read_tokens: 0,
        reasoning_tokens: 0,
      },
    })
  })

  it("reads tool calls from a recorded OpenAI-compatible (Groq) completion", () => {
    const result = fromChatResponse(readJsonFixture("openai-chat", "groq-tool-call") as ChatCompletion)
    expect(result.message).toEqual({
      role: "assistant",
      content: [],
      tool_calls: [{ id: "ax9fskhev", type: "function", function: { name: "weather", arguments: "{}" } }],
    })
    expect(result).toMatchObject({
      finish_reason: "tool_calls",
      usage: { input_tokens: 218, output_tokens: 15 },
    })
  })

  it("reads url citations flat, cached and reasoning tokens, and a legacy function call", () => {
    const response = completion(
      {
        content: "Paris [1]",
        annotations: [
          {
            type: "url_citation",
            url_citation: { url: "https://x.test", title: "X", start_index: 6, end_index: 9 },
          },
        ],
        function_call: { name: "lookup", arguments: "{}" },
      },
      "function_call",
    )
    response.usage = {
      prompt_tokens: 100,
      completion_tokens: 50,
      total_tokens: 150,
      prompt_tokens_details: { cached_tokens: 80 },
      completion_tokens_details: { reasoning_tokens: 30 },
    }
    const result = fromChatResponse(response)
    expect(result.message).toEqual({
      role: "assistant",
      content: [
        {
          type: "text",
          text: "Paris [1]",
          annotations: [
            { type: "url_citation", url: "https://x.test", title: "X", start_index: 6, end_index: 9 },
          ],
        },
      ],
      function_call: { name: "lookup", arguments: "{}" },
    })
    expect(result.usage).toEqual({
      input_tokens: 100,
      output_tokens: 50,
      cache_read_tokens: 80,
      cache_write_tokens: 0,
      reasoning_tokens: 30,
      total_tokens: 150,
    })
    expect(result).toMatchObject({ finish_reason: "tool_calls", raw_finish_reason: "function_call" })
  })

  it("reads a refusal as text with the refusal finish reason", () => {
    const result = fromChatResponse(completion({ refusal: "I can't help with that." }))
    expect(result.message.content).toEqual([{ type: "text", text: "I can't help with that." }])
    expect(result).toMatchObject({ finish_reason: "refusal", raw_finish_reason: "stop" })
  })

  it("reads reasoning_content from OpenAI-compatible servers (DeepSeek, vLLM) as thinking", () => {
    const result = fromChatResponse(completion({ content: "4", reasoning_content: "2+2 is 4" }))
    expect(result.message.content).toEqual([
      { type: "thinking", thinking: "2+2 is 4" },
      { type: "text", text: "4" },
    ])
  })

  it("maps an unknown finish reason to other and keeps it raw", () => {
    expect(fromChatResponse(completion({ content: "x" }, "eos"))).toMatchObject({
      finish_reason: "other",
      raw_finish_reason: "eos",
    })
  })

  it("throws ProviderResponseError for a body that is not a completion", () => {
    expect(() => fromChatResponse({ error: "nope" } as unknown as ChatCompletion)).toThrow(
      ProviderResponseError,
    )
  })
})
