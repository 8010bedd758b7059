import { makeUsage } from "@pl/blueprint"
import { describe, expect, it } from "vitest"
import { errorType, responseAttributes } from "./llm-attributes.js"

const message = { role: "assistant" as const, content: [{ type: "text" as const, text: "Hi" }] }

describe("responseAttributes", () => {
  it("reports the provider's own finish reason, id, model and usage", () => {
    expect(
      responseAttributes({
        message,
        id: "msg_1",
        model: "claude-x-2025",
        finish_reason: "stop",
        raw_finish_reason: "end_turn",
        usage: makeUsage({ input_tokens: 120, output_tokens: 40 }),
      }),
    ).toEqual({
      "gen_ai.response.id": "msg_1",
      "gen_ai.response.model": "claude-x-2025",
      "gen_ai.response.finish_reasons": ["end_turn"],
      "gen_ai.usage.input_tokens": 120,
      "gen_ai.usage.output_tokens": 40,
    })
  })

  it("sets cache reads, cache writes (under both names in use) and reasoning tokens when reported", () => {
    const usage = makeUsage({
      input_tokens: 1000,
      output_tokens: 300,
      cache_read_tokens: 600,
      cache_write_tokens: 200,
      reasoning_tokens: 250,
    })
    expect(responseAttributes({ message, usage, finish_reason: "length" })).toEqual({
      "gen_ai.response.finish_reasons": ["length"],
      "gen_ai.usage.input_tokens": 1000,
      "gen_ai.usage.output_tokens": 300,
      "gen_ai.usage.cache_read.input_tokens": 600,
      "gen_ai.usage.cache_creation.input_tokens": 200,
      "gen_ai.usage.cache_write.input_tokens": 200,
      "gen_ai.usage.reasoning.output_tokens": 250,
    })
  })

  it("sets nothing the completion does not hold", () => {
    expect(responseAttributes({ message })).toEqual({})
  })
})

describe("errorType", () => {
  it("names the error's class, else its HTTP status, else _OTHER", () => {
    class RateLimitError extends Error {}
    expect(errorType(new RateLimitError("slow down"))).toBe("RateLimitError")
    const named = new Error("throttled")
    named.name = "ThrottlingException"
    expect(errorType(named)).toBe("ThrottlingException")
    expect(errorType(Object.assign(new Error("x"), { status: 503 }))).toBe("503")
    expect(errorType({ status: 429 })).toBe("429")
    expect(errorType("boom")).toBe("_OTHER")
  })
})
