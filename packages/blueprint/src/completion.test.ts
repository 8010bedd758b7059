import { describe, expect, it } from "vitest"
import { convertBlueprint } from "./adapter.js"
import type { PromptBlueprint } from "./blueprint.js"
import { makeUsage, mapFinishReason } from "./completion.js"

describe("makeUsage", () => {
  it("fills what a provider does not report and totals input and output", () => {
    expect(makeUsage({ input_tokens: 12, output_tokens: 40, reasoning_tokens: 8 })).toEqual({
      input_tokens: 12,
      output_tokens: 40,
      cache_read_tokens: 0,
      cache_write_tokens: 0,
      reasoning_tokens: 8,
      total_tokens: 52,
    })
  })

  it("keeps a total the provider reports", () => {
    expect(makeUsage({ input_tokens: 1, output_tokens: 1, total_tokens: 5 }).total_tokens).toBe(5)
  })
})

describe("mapFinishReason", () => {
  const table = { end_turn: "stop", max_tokens: "length" } as const

  it("maps a known value and keeps the raw one", () => {
    expect(mapFinishReason("max_tokens", table)).toEqual({
      finish_reason: "length",
      raw_finish_reason: "max_tokens",
    })
  })

  it("maps an unknown value to other, never to a prototype property", () => {
    expect(mapFinishReason("constructor", table)).toEqual({
      finish_reason: "other",
      raw_finish_reason: "constructor",
    })
  })

  it("says nothing when the provider said nothing", () => {
    expect(mapFinishReason(null, table)).toEqual({})
  })
})

describe("convertBlueprint", () => {
  it("returns the request with the warnings the adapter reported", () => {
    const adapter = {
      toRequest: (
        bp: PromptBlueprint,
        options?: { onWarning?: (w: { provider: string; feature: string; message: string }) => void },
      ) => {
        options?.onWarning?.({ provider: "x", feature: "parameters.seed", message: "dropped" })
        return { model: bp.metadata?.model?.name }
      },
    }
    const blueprint = {
      prompt_template: { type: "chat" as const, messages: [] },
      metadata: { model: { provider: "x", name: "m" } },
    }
    expect(convertBlueprint(adapter, blueprint)).toEqual({
      request: { model: "m" },
      warnings: [{ provider: "x", feature: "parameters.seed", message: "dropped" }],
    })
  })
})
