import { describe, expect, it } from "vitest"
import { readUsage } from "./usage.js"

describe("readUsage", () => {
  it("reads wire usage with cached prompt tokens", () => {
    expect(
      readUsage({
        prompt_tokens: 171,
        completion_tokens: 14,
        total_tokens: 185,
        prompt_tokens_details: { cached_tokens: 128 },
      }),
    ).toEqual({
      input_tokens: 171,
      output_tokens: 14,
      cache_read_tokens: 128,
      cache_write_tokens: 0,
      reasoning_tokens: 0,
      total_tokens: 185,
    })
  })

  it("reads the SDK's camelCase usage, whose undeclared fields stay snake_case", () => {
    expect(
      readUsage({
        promptTokens: 10,
        completionTokens: 46,
        totalTokens: 56,
        prompt_tokens_details: { cached_tokens: 4 },
        completion_tokens_details: { reasoning_tokens: 30 },
      }),
    ).toMatchObject({
      input_tokens: 10,
      output_tokens: 46,
      cache_read_tokens: 4,
      reasoning_tokens: 30,
      total_tokens: 56,
    })
  })

  it("reads the other spellings of cached tokens", () => {
    expect(
      readUsage({ prompt_tokens: 9, completion_tokens: 1, num_cached_tokens: 5 }).cache_read_tokens,
    ).toBe(5)
    expect(
      readUsage({ prompt_tokens: 9, completion_tokens: 1, prompt_token_details: { cached_tokens: 6 } })
        ?.cache_read_tokens,
    ).toBe(6)
  })

  it("computes the total when it is missing or 0 (the SDK's default)", () => {
    expect(readUsage({ promptTokens: 3, completionTokens: 4, totalTokens: 0 }).total_tokens).toBe(7)
    expect(readUsage({ prompt_tokens: 3, completion_tokens: 4 }).total_tokens).toBe(7)
  })
})
