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

  it("reads images in an answer as image parts, and leaves out blocks with no blueprint form", () => {
    const { message } = bedrock.fromResponse(
      response([
        { text: "Here:" },
        { image: { format: "png", source: { bytes: PNG } } },
        { citationsContent: { content: [{ text: "Cats sleep 16 hours." }], citations: [] } },
        { cachePoint: { type: "default" } },
      ]),
    )
    expect(message.content).toEqual([
      { type: "text", text: "Here:" },
      { type: "image_url", image_url: { url: `data:image/png;base64,${PNG}` } },
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

  it("takes the AWS request id as id", () => {
    const completion = bedrock.fromResponse(
      response([{ text: "hi" }], { $metadata: { httpStatusCode: 200, requestId: "req-123" } }),
    )
    expect(completion.id).toBe("req-123")
  })

  it("refuses a response without an output message, and counts what is not a number as 0", () => {
    expect(() => bedrock.fromResponse({ stopReason: "end_turn" } as unknown as BedrockResponse)).toThrow(
      ProviderResponseError,
    )
    expect(() => bedrock.fromResponse(response([null]))).toThrow(/no output.message.content/)
    expect(
      bedrock.fromResponse(response([], { usage: { inputTokens: "many", outputTokens: 1 } })).usage,
    ).toMatchObject({
      input_tokens: 0,
      output_tokens: 1,
    })
  })
})
