import { describe, expect, it } from "vitest"
import { finishReason } from "./finish-reason.js"

describe("finishReason", () => {
  it.each([
    ["COMPLETE", "stop"],
    ["STOP_SEQUENCE", "stop"],
    ["MAX_TOKENS", "length"],
    ["TOOL_CALL", "tool_calls"],
    ["ERROR", "error"],
    ["TIMEOUT", "error"],
    ["SOMETHING_NEW", "other"],
  ])("maps %s to %s and keeps the raw value", (raw, mapped) => {
    expect(finishReason(raw)).toEqual({ finish_reason: mapped, raw_finish_reason: raw })
  })

  it("returns nothing when there is no finish reason", () => {
    expect(finishReason(undefined)).toEqual({})
    expect(finishReason(null)).toEqual({})
  })
})
