import type { ConversionWarning } from "@pl/blueprint"
import { describe, expect, it } from "vitest"
import { toCohereParameters } from "./parameters.js"

const convert = (parameters: Record<string, unknown>) => {
  const warnings: ConversionWarning[] = []
  const { fields, toolChoice } = toCohereParameters(parameters, (w) => warnings.push(w))
  return { fields, toolChoice, warnings: warnings.map((w) => w.feature) }
}

describe("toCohereParameters", () => {
  it("writes other providers' spellings of portable parameters in Cohere's form", () => {
    expect(
      convert({ maxOutputTokens: 100, stop_sequences: ["x"], topP: 0.5, topK: 3, random_seed: 1 }).fields,
    ).toEqual({ maxTokens: 100, stopSequences: ["x"], p: 0.5, k: 3, seed: 1 })
  })

  it("translates response formats: JSON schema, JSON object (with Cohere's own schema field) and text", () => {
    const schema = { type: "object", properties: { a: { type: "integer" } } }
    expect(
      convert({ response_format: { type: "json_schema", json_schema: { name: "x", schema, strict: true } } })
        .fields,
    ).toEqual({ responseFormat: { type: "json_object", jsonSchema: schema } })
    expect(convert({ response_format: { type: "json_object", json_schema: schema } }).fields).toEqual({
      responseFormat: { type: "json_object", jsonSchema: schema },
    })
    expect(convert({ response_format: { type: "json_object" } }).fields).toEqual({
      responseFormat: { type: "json_object" },
    })
    expect(convert({ response_format: { type: "text" } }).fields).toEqual({
      responseFormat: { type: "text" },
    })
  })

  it("reads Anthropic's thinking budget and accepts Cohere's own fields by wire or SDK name", () => {
    expect(
      convert({ thinking: { type: "enabled", budget_tokens: 2000 }, strictTools: true, safety_mode: "OFF" })
        .fields,
    ).toEqual({ thinking: { type: "enabled", tokenBudget: 2000 }, strictTools: true, safetyMode: "OFF" })
  })

  it("drops what Cohere does not take with a warning", () => {
    const { fields, warnings } = convert({
      thinking: { type: "adaptive" },
      parallel_tool_calls: false,
      reasoning_effort: "high",
    })
    expect(fields).toEqual({})
    expect(warnings).toEqual([
      "parameters.parallel_tool_calls",
      "parameters.reasoning_effort",
      "parameters.thinking",
    ])
  })

  it("hands the portable tool choice on to the tool conversion", () => {
    expect(convert({ tool_choice: "required" })).toMatchObject({ fields: {}, toolChoice: "required" })
  })
})
