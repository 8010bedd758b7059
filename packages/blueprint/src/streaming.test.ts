import { describe, expect, it } from "vitest"
import { isStreamingRequest, markStreaming } from "./streaming.js"

describe("streaming marks", () => {
  it("marks a request in place without changing what it serialises to", () => {
    const request = { model: "m", contents: [] }
    expect(markStreaming(request)).toBe(request)
    expect(isStreamingRequest(request)).toBe(true)
    expect(JSON.stringify(request)).toBe('{"model":"m","contents":[]}')
    expect(Object.keys(request)).toEqual(["model", "contents"])
  })

  it("says false for an unmarked request, and for a copy (which loses the mark)", () => {
    const request = markStreaming({ model: "m" })
    expect(isStreamingRequest({ model: "m" })).toBe(false)
    expect(isStreamingRequest({ ...request })).toBe(false)
  })
})
