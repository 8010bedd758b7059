import { ProviderResponseError } from "@pl/blueprint"
import { describe, expect, it } from "vitest"
import { PNG } from "../test/helpers.js"
import { type BedrockResponse, bedrock } from "./index.js"

/** A Converse response with these content blocks; the rest as Bedrock sends it. */
const response = (content: unknown[], extra: Record<string, unknown> = {}) =>
  ({
    output: { message: { role: "assistant", content } },
    stopReason: "end_turn",
    usage: { inputTokens: 10, outputTokens: 5, totalTokens: 15 },
    metrics: { latencyMs: 100 },
    ...extra,
  }) as unknown as BedrockResponse

describe("fromResponse", () => {
  it("reads text, reasoning with its signature, and tool calls with JSON-string arguments", () => {
    expect(
      bedrock.fromResponse(
        response(
          [
            { reasoningContent: { reasoningText: { text: "Think.", signature: "c2ln" } } },
            { text: "Calling." },
            { toolUse: { toolUseId: "t1", name: "search", input: { q: "cats", n: 2 } } },
            { toolUse: { toolUseId: "t2", name: "now", input: {} } },
          ],
          { stopReason: "tool_use" },
        ),
      ),
    ).toEqual({
      message: {
        role: "assistant",
        content: [
          { type: "thinking", thinking: "Think.", signature: "c2ln" },
          { type: "text", text: "Calling." },
        ],
        tool_calls: [
          { id: "t1", type: "function", function: { name: "search", arguments: '{"q":"cats","n":2}' } },
          { id: "t2", type: "function", function: { name: "now", arguments: "{}" } },
        ],
      },
      usage: {
        input_tokens: 10,
        output_tokens: 5,
        cache_read_tokens: 0,
        cache_write_tokens: 0,
        reasoning_tokens: 0,
        total_tokens: 15,
      },
      finish_reason: "tool_calls",
      raw_finish_reason: "tool_use",
    })
  })

  it("reads redacted reasoning from SDK bytes and from wire base64 alike", () => {
    const fromSdk = bedrock.fromResponse(
      response([{ reasoningContent: { redactedContent: new Uint8Array([1, 2, 3]) } }]),
    )
    const fromWire = bedrock.fromResponse(response([{ reasoningContent: { redactedContent: "AQID" } }]))
    expect(fromSdk.message.content).toEqual([{ type: "redacted_thinking", data: "AQID" }])
    expect(fromWire).toEqual(fromSdk)
  })

  it("counts cached input tokens in input_tokens", () => {
    const { usage } = bedrock.fromResponse(
      response([{ text: "ok" }], {
        usage: {
          inputTokens: 12,
          outputTokens: 7,
          totalTokens: 1519,
          cacheReadInputTokens: 1000,
          cacheWriteInputTokens: 500,
        },
      }),
    )
    expect(usage).toEqual({
      input_tokens: 1512,
      output_tokens: 7,
      cache_read_tokens: 1000,
      cache_write_tokens: 500,
      reasoning_tokens: 0,
      total_tokens: 1519,
    })
  })

  it("reads web citations as url_citation annotations and answered images as output media", () => {
    const { message } = bedrock.fromResponse(
      response([
        {
          citationsContent: {
            content: [{ text: "Cats sleep " }, { text: "16 hours." }],
            citations: [
              {
                title: "Cat facts",
                location: { web: { url: "https://cats.test/sleep", domain: "cats.test" } },
              },
              { title: "Doc", location: { documentChar: { documentIndex: 0, start: 0, end: 5 } } },
            ],
          },
        },
        { image: { format: "png", source: { bytes: PNG } } },
      ]),
    )
    expect(message.content).toEqual([
      {
        type: "text",
        text: "Cats sleep 16 hours.",
        annotations: [{ type: "url_citation", url: "https://cats.test/sleep", title: "Cat facts" }],
      },
      { type: "output_media", url: `data:image/png;base64,${PNG}`, mime_type: "image/png" },
    ])
  })

  it("maps every stop reason, keeps the raw one, and an unknown one is other", () => {
    const finish = (stopReason: string) => {
      const { finish_reason, raw_finish_reason } = bedrock.fromResponse(response([], { stopReason }))
      return [finish_reason, raw_finish_reason]
    }
    expect(finish("max_tokens")).toEqual(["length", "max_tokens"])
    expect(finish("stop_sequence")).toEqual(["stop", "stop_sequence"])
    expect(finish("guardrail_intervened")).toEqual(["content_filter", "guardrail_intervened"])
    expect(finish("content_filtered")).toEqual(["content_filter", "content_filtered"])
    expect(finish("model_context_window_exceeded")).toEqual(["length", "model_context_window_exceeded"])
    expect(finish("malformed_tool_use")).toEqual(["error", "malformed_tool_use"])
    expect(finish("a_new_reason")).toEqual(["other", "a_new_reason"])
  })

  it("takes the AWS request id as id and a prompt router's model as model", () => {
    const completion = bedrock.fromResponse(
      response([{ text: "hi" }], {
        $metadata: { httpStatusCode: 200, requestId: "req-123" },
        trace: {
          promptRouter: {
            invokedModelId: "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku",
          },
        },
      }),
    )
    expect(completion.id).toBe("req-123")
    expect(completion.model).toBe("arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku")
  })

  it("refuses a response without an output message", () => {
    expect(() => bedrock.fromResponse({ stopReason: "end_turn" } as unknown as BedrockResponse)).toThrow(
      ProviderResponseError,
    )
    expect(() => bedrock.fromResponse(response([null]))).toThrow(/content block is not an object/)
    expect(() =>
      bedrock.fromResponse(response([], { usage: { inputTokens: "many", outputTokens: 1 } })),
    ).toThrow(/usage.inputTokens is not a number/)
  })
})
