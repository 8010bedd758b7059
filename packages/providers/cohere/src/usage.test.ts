import { describe, expect, it } from "vitest"
import { toUsage } from "./usage.js"

describe("toUsage", () => {
  it("counts the model's tokens, with cached tokens as cache reads inside the input", () => {
    const wire = {
      billed_units: { input_tokens: 39, output_tokens: 27 },
      tokens: { input_tokens: 1683, output_tokens: 62 },
      cached_tokens: 992,
    }
    expect(toUsage(wire)).toEqual({
      input_tokens: 1683,
      output_tokens: 62,
      cache_read_tokens: 992,
      cache_write_tokens: 0,
      reasoning_tokens: 0,
      total_tokens: 1745,
    })
    const sdk = {
      billedUnits: { inputTokens: 39, outputTokens: 27 },
      tokens: { inputTokens: 1683, outputTokens: 62 },
      cachedTokens: 992,
    }
    expect(toUsage(sdk)).toEqual(toUsage(wire))
  })

  it("falls back to billed units when tokens are missing", () => {
    expect(toUsage({ billed_units: { input_tokens: 12, output_tokens: 7 } })).toMatchObject({
      input_tokens: 12,
      output_tokens: 7,
      total_tokens: 19,
    })
  })

  it("returns undefined when there is nothing to count", () => {
    expect(toUsage(undefined)).toBeUndefined()
    expect(toUsage({})).toBeUndefined()
  })

  it("throws ProviderResponseError for a count that is not a number", () => {
    expect(() => toUsage({ cached_tokens: "9" })).toThrow(
      expect.objectContaining({
        name: "ProviderResponseError",
        message: "cohere: usage.cached_tokens is not a number",
      }),
    )
  })
})
