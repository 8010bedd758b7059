import { describe, expect, it } from "vitest"
import { mistralFinishReason } from "./finish-reason.js"

describe("mistralFinishReason", () => {
  it.each([
    ["stop", "stop"],
    ["length", "length"],
    ["model_length", "length"],
    ["tool_calls", "tool_calls"],
    ["error", "error"],
    ["brand_new", "other"],
  ])("maps %s to %s and keeps the raw value", (raw, mapped) => {
    expect(mistralFinishReason(raw)).toEqual({ finish_reason: mapped, raw_finish_reason: raw })
  })

  it("says nothing while the stream has no finish reason", () => {
    expect(mistralFinishReason(null)).toEqual({})
  })
})
