import { describe, expect, it } from "vitest"
import type { ConversionWarning } from "./errors.js"
import { keepNativeParameters, splitParameters } from "./parameters.js"

describe("splitParameters", () => {
  it("reads portable parameters under any provider's name", () => {
    expect(
      splitParameters({
        stop_sequences: ["\n"],
        maxOutputTokens: 100,
        topK: 5,
        random_seed: 3,
        logit_bias: { 1: 2 },
      }),
    ).toEqual({
      portable: { stop: ["\n"], max_tokens: 100, top_k: 5, seed: 3 },
      native: { logit_bias: { 1: 2 } },
    })
  })

  it("normalises a single stop string to a list and skips nulls", () => {
    expect(splitParameters({ stop: "END", temperature: null })).toEqual({
      portable: { stop: ["END"] },
      native: {},
    })
  })

  it("lets the first spelling win when a blueprint has two", () => {
    expect(splitParameters({ max_tokens: 10, max_completion_tokens: 20 }).portable).toEqual({
      max_tokens: 10,
    })
  })

  it("accepts absent parameters", () => {
    expect(splitParameters(undefined)).toEqual({ portable: {}, native: {} })
  })
})

describe("keepNativeParameters", () => {
  it("keeps what the provider accepts and warns about each dropped parameter", () => {
    const warnings: ConversionWarning[] = []
    const kept = keepNativeParameters(
      { logit_bias: {}, metadata: { a: 1 } },
      new Set(["metadata"]),
      "anthropic",
      (w) => warnings.push(w),
    )
    expect(kept).toEqual({ metadata: { a: 1 } })
    expect(warnings).toEqual([
      {
        provider: "anthropic",
        feature: "parameters.logit_bias",
        path: "metadata.model.parameters.logit_bias",
        message: "anthropic does not accept the parameter logit_bias; it was not sent",
      },
    ])
  })
})

describe("splitParameters with overrides", () => {
  it("lets an override win under any provider's name, portable and native alike", () => {
    expect(
      splitParameters(
        { maxOutputTokens: 100, temperature: 1, logit_bias: { 1: 2 } },
        { max_completion_tokens: 5, logit_bias: {} },
      ),
    ).toEqual({ portable: { max_tokens: 5, temperature: 1 }, native: { logit_bias: {} } })
  })
})
