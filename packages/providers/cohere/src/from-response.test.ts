import type { TextContent } from "@pl/blueprint"
import { readJsonFixture } from "@pl/devtools/fixtures"
import { describe, expect, it } from "vitest"
import { fromResponse } from "./from-response.js"
import type { CohereResponse } from "./types.js"

const wire = (name: string) => readJsonFixture("cohere", name) as CohereResponse

describe("fromResponse", () => {
  it("reads text, usage with cached tokens, and the finish reason from the wire JSON", () => {
    expect(fromResponse(wire("cohere-text"))).toEqual({
      message: { role: "assistant", content: [{ type: "text", text: "The capital of France is Paris." }] },
      usage: {
        input_tokens: 507,
        output_tokens: 10,
        cache_read_tokens: 448,
        cache_write_tokens: 0,
        reasoning_tokens: 0,
        total_tokens: 517,
      },
      finish_reason: "stop",
      raw_finish_reason: "COMPLETE",
      id: "e7592632-1e3d-424f-b129-bd5f9f980f7b",
    })
  })

  it("reads thinking before text", () => {
    const { message } = fromResponse(wire("cohere-reasoning"))
    expect(message.content).toEqual([
      {
        type: "thinking",
        thinking:
          "Okay, so I need to figure out what 2 + 2 is. Let me start by recalling what addition means.",
      },
      { type: "text", text: "2 + 2 = 4" },
    ])
  })

  it("reads the tool plan as a text part and the calls with JSON-string arguments", () => {
    const completion = fromResponse(wire("cohere-tool-call"))
    expect(completion.message).toEqual({
      role: "assistant",
      content: [
        {
          type: "text",
          text: "I will use the weather tool to find out the weather in San Francisco. I will also use the cityAttractions tool to find out what attractions are in San Francisco.",
        },
      ],
      tool_calls: [
        {
          id: "weather_dqgshstja6p9",
          type: "function",
          function: { name: "weather", arguments: '{"location":"San Francisco"}' },
        },
        {
          id: "cityAttractions_dcxfx4myvx68",
          type: "function",
          function: { name: "cityAttractions", arguments: '{"city":"San Francisco"}' },
        },
      ],
    })
    expect(completion.finish_reason).toBe("tool_calls")
  })

  it("turns citations into file_citation annotations that keep the cited document", () => {
    const [part] = fromResponse(wire("cohere-citations")).message.content ?? []
    const document = {
      id: "doc:0",
      text: "AI provides: 1. Automation of tasks 2. Better decision-making 3. Cost reduction",
      title: "benefits.txt",
    }
    const annotation = (start: number, end: number, text: string) => ({
      type: "file_citation",
      file_id: "doc:0",
      filename: "benefits.txt",
      start_index: start,
      end_index: end,
      cited_text: text,
      document,
    })
    expect(part).toEqual({
      type: "text",
      text: "The key benefits mentioned in this document are:\n1. Automation of tasks\n2. Better decision-making\n3. Cost reduction",
      annotations: [
        annotation(52, 71, "Automation of tasks"),
        annotation(75, 97, "Better decision-making"),
        annotation(101, 115, "Cost reduction"),
      ],
    })
    // Cohere's offsets index the answer's text: each span reads back as the cited text.
    const { text, annotations } = part as TextContent
    for (const a of annotations ?? [])
      expect(text.slice(Number(a.start_index), Number(a.end_index))).toBe(a.cited_text)
  })

  it("reads the SDK's camelCase shape the same as the wire's", () => {
    const sdk: CohereResponse = {
      id: "r1",
      finishReason: "TOOL_CALL",
      message: {
        role: "assistant",
        toolPlan: "Checking.",
        toolCalls: [{ id: "t", type: "function", function: { name: "now", arguments: "" } }],
        content: [{ type: "thinking", thinking: "time" }],
        citations: [
          {
            start: 0,
            end: 8,
            text: "Checking",
            type: "PLAN",
            sources: [{ type: "tool", id: "t0", toolOutput: { a: 1 } }],
          },
        ],
      },
      usage: { billedUnits: { inputTokens: 3, outputTokens: 4 }, cachedTokens: 1 },
    }
    expect(fromResponse(sdk)).toEqual({
      message: {
        role: "assistant",
        content: [
          { type: "thinking", thinking: "time" },
          {
            type: "text",
            text: "Checking.",
            annotations: [
              {
                type: "file_citation",
                file_id: "t0",
                start_index: 0,
                end_index: 8,
                cited_text: "Checking",
                tool_output: { a: 1 },
              },
            ],
          },
        ],
        tool_calls: [{ id: "t", type: "function", function: { name: "now", arguments: "{}" } }],
      },
      usage: {
        input_tokens: 3,
        output_tokens: 4,
        cache_read_tokens: 1,
        cache_write_tokens: 0,
        reasoning_tokens: 0,
        total_tokens: 7,
      },
      finish_reason: "tool_calls",
      raw_finish_reason: "TOOL_CALL",
      id: "r1",
    })
  })

  it("places a citation with a content index on that block", () => {
    const completion = fromResponse({
      id: "r",
      finishReason: "COMPLETE",
      message: {
        role: "assistant",
        content: [
          { type: "text", text: "one" },
          { type: "text", text: "two" },
        ],
        citations: [
          { start: 0, end: 3, text: "one", contentIndex: 0, sources: [{ type: "document", id: "d" }] },
        ],
      },
    })
    expect(completion.message.content).toEqual([
      {
        type: "text",
        text: "one",
        annotations: [
          { type: "file_citation", file_id: "d", start_index: 0, end_index: 3, cited_text: "one" },
        ],
      },
      { type: "text", text: "two" },
    ])
  })

  it("throws ProviderResponseError for a body without a message or with non-numeric usage", () => {
    expect(() => fromResponse({ id: "x" } as unknown as CohereResponse)).toThrow(
      expect.objectContaining({ name: "ProviderResponseError", provider: "cohere" }),
    )
    const badUsage = { id: "x", message: { role: "assistant" }, usage: { tokens: { input_tokens: "3" } } }
    expect(() => fromResponse(badUsage as unknown as CohereResponse)).toThrow(
      /usage.tokens.input_tokens is not a number/,
    )
  })
})
