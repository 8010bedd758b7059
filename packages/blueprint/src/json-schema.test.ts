import { readFileSync } from "node:fs"
import Ajv2020 from "ajv/dist/2020.js"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { blueprintJsonSchema } from "./json-schema.js"
import { blueprintArbitrary } from "./testing/index.js"

const ajv = new Ajv2020({ strict: false, allErrors: true })
const validate = ajv.compile(blueprintJsonSchema())
const apiResponse = JSON.parse(
  readFileSync(new URL("../test/fixtures/api-template-response.json", import.meta.url), "utf8"),
)

describe("blueprintJsonSchema", () => {
  it("accepts the blueprint the PromptLayer API returns", () => {
    expect(validate(apiResponse), JSON.stringify(validate.errors)).toBe(true)
  })

  it("accepts every generated blueprint", () => {
    fc.assert(
      fc.property(blueprintArbitrary(), (blueprint) => {
        expect(validate(blueprint), JSON.stringify(validate.errors)).toBe(true)
      }),
      { numRuns: 500 },
    )
  })

  it("rejects what parsing rejects", () => {
    const bad = { prompt_template: { type: "chat", messages: [{ role: "tool", content: [] }] } }
    expect(validate(bad)).toBe(false)
    expect(
      validate({
        prompt_template: { type: "chat", messages: [{ role: "user", content: [{ type: "text", text: 1 }] }] },
      }),
    ).toBe(false)
  })
})
