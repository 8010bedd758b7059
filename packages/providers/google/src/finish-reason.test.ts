import { describe, expect, it } from "vitest"
import { finishReason } from "./finish-reason.js"
import { toUsage } from "./usage.js"

describe("finishReason", () => {
  it("maps Gemini's reasons, keeping the raw value", () => {
    const table = [
      "STOP",
      "MAX_TOKENS",
      "SAFETY",
      "RECITATION",
      "MALFORMED_FUNCTION_CALL",
      "CONTINUATION",
      "LANGUAGE",
      "SOMETHING_NEW",
    ].map((raw) => finishReason(raw, false))
    expect(table).toEqual([
      { finish_reason: "stop", raw_finish_reason: "STOP" },
      { finish_reason: "length", raw_finish_reason: "MAX_TOKENS" },
      { finish_reason: "content_filter", raw_finish_reason: "SAFETY" },
      { finish_reason: "content_filter", raw_finish_reason: "RECITATION" },
      { finish_reason: "error", raw_finish_reason: "MALFORMED_FUNCTION_CALL" },
      { finish_reason: "pause", raw_finish_reason: "CONTINUATION" },
      { finish_reason: "other", raw_finish_reason: "LANGUAGE" },
      { finish_reason: "other", raw_finish_reason: "SOMETHING_NEW" },
    ])
  })

  it("says tool_calls for a STOP after function calls, and nothing without a reason", () => {
    expect(finishReason("STOP", true)).toEqual({ finish_reason: "tool_calls", raw_finish_reason: "STOP" })
    expect(finishReason("MAX_TOKENS", true)).toEqual({
      finish_reason: "length",
      raw_finish_reason: "MAX_TOKENS",
    })
    expect(finishReason(undefined, true)).toEqual({})
  })
})

describe("toUsage", () => {
  it("counts thinking as output, cached and tool-use prompt tokens as input", () => {
    expect(
      toUsage({
        promptTokenCount: 100,
        cachedContentTokenCount: 60,
        toolUsePromptTokenCount: 20,
        candidatesTokenCount: 30,
        thoughtsTokenCount: 50,
        totalTokenCount: 200,
      }),
    ).toEqual({
      input_tokens: 120,
      output_tokens: 80,
      cache_read_tokens: 60,
      cache_write_tokens: 0,
      reasoning_tokens: 50,
      total_tokens: 200,
    })
  })

  it("is undefined for metadata without counts", () => {
    expect(toUsage({ trafficType: "ON_DEMAND" as never })).toBeUndefined()
    expect(toUsage(undefined)).toBeUndefined()
  })
})
