import type { GenerateContentResponse, Part } from "@google/genai"
import { ProviderResponseError } from "@pl/blueprint"
import { describe, expect, it } from "vitest"
import { GoogleAccumulator } from "./accumulator.js"
import { fromResponse } from "./from-response.js"

const chunk = (parts: Part[], extra: Record<string, unknown> = {}, candidate: Record<string, unknown> = {}) =>
  ({
    candidates: [{ content: { role: "model", parts }, index: 0, ...candidate }],
    responseId: "r1",
    ...extra,
  }) as GenerateContentResponse

function accumulate(chunks: GenerateContentResponse[]) {
  const accumulator = new GoogleAccumulator()
  for (const c of chunks) accumulator.push(c)
  return accumulator.result()
}

describe("GoogleAccumulator", () => {
  it("returns an empty assistant message for an empty stream", () => {
    expect(new GoogleAccumulator().result()).toEqual({ message: { role: "assistant", content: [] } })
  })

  it("appends text deltas to one part and returns the same live completion after each push", () => {
    const accumulator = new GoogleAccumulator()
    const first = accumulator.push(chunk([{ text: "Hel" }]))
    const texts = [(first.message.content![0] as { text: string }).text]
    const second = accumulator.push(chunk([{ text: "lo" }]))
    texts.push((second.message.content![0] as { text: string }).text)
    expect(second).toBe(first)
    expect(texts).toEqual(["Hel", "Hello"])
  })

  it("keeps thought parts apart from the answer, each with its own signature", () => {
    const completion = accumulate([
      chunk([{ text: "Let me ", thought: true }]),
      chunk([{ text: "count.", thought: true, thoughtSignature: "dGhvdWdodA==" }]),
      chunk([{ text: "Three", thoughtSignature: "YW5zd2Vy" }]),
      chunk([{ text: " r's." }]),
    ])
    expect(completion.message.content).toEqual([
      { type: "thinking", thinking: "Let me count.", signature: "dGhvdWdodA==" },
      { type: "text", text: "Three r's.", thought_signature: "YW5zd2Vy" },
    ])
  })

  it("starts a new part when a different signature arrives, so none is lost", () => {
    const completion = accumulate([
      chunk([{ text: "One.", thoughtSignature: "c2lnMQ==" }]),
      chunk([{ text: "Two.", thoughtSignature: "c2lnMg==" }]),
      chunk([{ thoughtSignature: "c2lnMw==" }]),
    ])
    expect(completion.message.content).toEqual([
      { type: "text", text: "One.", thought_signature: "c2lnMQ==" },
      { type: "text", text: "Two.", thought_signature: "c2lnMg==" },
      { type: "text", text: "", thought_signature: "c2lnMw==" },
    ])
  })

  it("reads parallel function calls in one chunk, and calls without arguments", () => {
    const completion = accumulate([
      chunk(
        [
          { functionCall: { name: "get_weather", args: { city: "Paris" } }, thoughtSignature: "c2ln" },
          { functionCall: { name: "get_weather", args: { city: "Rome" } } },
          { functionCall: { id: "own-id", name: "get_time" } },
        ],
        {},
        { finishReason: "STOP" },
      ),
    ])
    expect(completion.message.tool_calls).toEqual([
      {
        id: "gemini_call_r1_0",
        type: "function",
        function: { name: "get_weather", arguments: '{"city":"Paris"}' },
        provider_metadata: { thought_signature: "c2ln" },
      },
      {
        id: "gemini_call_r1_1",
        type: "function",
        function: { name: "get_weather", arguments: '{"city":"Rome"}' },
      },
      { id: "own-id", type: "function", function: { name: "get_time", arguments: "{}" } },
    ])
    expect(completion).toMatchObject({ finish_reason: "tool_calls", raw_finish_reason: "STOP" })
  })

  it("keeps text spliced into the same chunk as a call, before and after it", () => {
    const completion = accumulate([
      chunk([{ text: "Checking" }]),
      chunk([{ text: "…" }, { functionCall: { name: "f", willContinue: true } }, { text: "Done" }]),
    ])
    expect(completion.message.content).toEqual([
      { type: "text", text: "Checking…" },
      { type: "text", text: "Done" },
    ])
    expect(completion.message.tool_calls).toHaveLength(1)
  })

  it("does not start a second call for a repeated start of a streaming call", () => {
    const completion = accumulate([
      chunk([{ functionCall: { name: "search", willContinue: true } }]),
      chunk([{ functionCall: { name: "search", willContinue: true } }]),
      chunk([
        { functionCall: { partialArgs: [{ jsonPath: "$.q", stringValue: "cats" }], willContinue: true } },
      ]),
      chunk([{ functionCall: {} }]),
      chunk([{ functionCall: {} }]),
    ])
    expect(completion.message.tool_calls).toEqual([
      { id: "gemini_call_r1_0", type: "function", function: { name: "search", arguments: '{"q":"cats"}' } },
    ])
  })

  it("shows partial arguments as they stream", () => {
    const accumulator = new GoogleAccumulator()
    const seen: string[] = []
    for (const c of [
      chunk([{ functionCall: { name: "write", willContinue: true } }]),
      chunk([
        { functionCall: { partialArgs: [{ jsonPath: "$.path", stringValue: "a.txt" }], willContinue: true } },
      ]),
      chunk([
        {
          functionCall: {
            partialArgs: [{ jsonPath: "$.body", stringValue: "Hel", willContinue: true }],
            willContinue: true,
          },
        },
      ]),
      chunk([
        { functionCall: { partialArgs: [{ jsonPath: "$.body", stringValue: "lo" }], willContinue: true } },
      ]),
      chunk([{ functionCall: { partialArgs: [{ jsonPath: "$.lines", numberValue: 2 }] } }]),
    ])
      seen.push(accumulator.push(c).message.tool_calls![0]!.function.arguments)
    expect(seen).toEqual([
      "{}",
      '{"path":"a.txt"}',
      '{"path":"a.txt","body":"Hel"}',
      '{"path":"a.txt","body":"Hello"}',
      '{"path":"a.txt","body":"Hello","lines":2}',
    ])
  })

  it("lands usage from a usage-only chunk, the finish reason, id and model", () => {
    const completion = accumulate([
      chunk([{ text: "Hi" }], { modelVersion: "gemini-2.5-flash" }),
      {
        usageMetadata: {
          promptTokenCount: 10,
          candidatesTokenCount: 2,
          cachedContentTokenCount: 4,
          totalTokenCount: 12,
        },
      } as GenerateContentResponse,
      chunk([], {}, { finishReason: "MAX_TOKENS" }),
    ])
    expect(completion).toEqual({
      message: { role: "assistant", content: [{ type: "text", text: "Hi" }] },
      usage: {
        input_tokens: 10,
        output_tokens: 2,
        cache_read_tokens: 4,
        cache_write_tokens: 0,
        reasoning_tokens: 0,
        total_tokens: 12,
      },
      finish_reason: "length",
      raw_finish_reason: "MAX_TOKENS",
      id: "r1",
      model: "gemini-2.5-flash",
    })
  })

  it("reads candidate 0 only", () => {
    const completion = accumulate([
      {
        candidates: [
          { index: 1, content: { role: "model", parts: [{ text: "second" }] } },
          { index: 0, content: { role: "model", parts: [{ text: "first" }] } },
        ],
      } as GenerateContentResponse,
      {
        candidates: [{ index: 1, content: { role: "model", parts: [{ text: " answer" }] } }],
      } as GenerateContentResponse,
    ])
    expect(completion.message.content).toEqual([{ type: "text", text: "first" }])
  })

  it("reports a blocked prompt as a content filter", () => {
    const completion = fromResponse({
      promptFeedback: { blockReason: "PROHIBITED_CONTENT" },
    } as GenerateContentResponse)
    expect(completion).toEqual({
      message: { role: "assistant", content: [] },
      finish_reason: "content_filter",
      raw_finish_reason: "PROHIBITED_CONTENT",
    })
  })

  it("turns generated media, code and code results into parts", () => {
    const completion = fromResponse(
      chunk([
        { executableCode: { language: "PYTHON" as never, code: "print(1)" } },
        { codeExecutionResult: { outcome: "OUTCOME_OK" as never, output: "1\n" } },
        { inlineData: { mimeType: "image/png", data: "iVBORw0KGgo=" }, thoughtSignature: "aW1n" },
      ]),
    )
    expect(completion.message.content).toEqual([
      { type: "code", code: "print(1)", language: "python" },
      { type: "code_execution_result", outcome: "OUTCOME_OK", output: "1\n" },
      {
        type: "output_media",
        url: "data:image/png;base64,iVBORw0KGgo=",
        mime_type: "image/png",
        thought_signature: "aW1n",
      },
    ])
  })

  it("throws ProviderResponseError for malformed chunks", () => {
    const bad: unknown[] = [
      null,
      "text",
      { candidates: {} },
      { candidates: [null] },
      { candidates: [{ content: { parts: "x" } }] },
      { candidates: [{ content: { parts: [{ text: 1 }] } }] },
      {
        candidates: [
          { content: { parts: [{ functionCall: { name: "f", partialArgs: [{ jsonPath: "nope" }] } }] } },
        ],
      },
    ]
    for (const value of bad)
      expect(() => new GoogleAccumulator().push(value as GenerateContentResponse)).toThrow(
        ProviderResponseError,
      )
  })
})
