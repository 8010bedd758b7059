import { describe, expect, it } from "vitest"
import { takeCallOptions } from "./call-options.js"

describe("takeCallOptions", () => {
  it("removes the PromptLayer options from a copy of the parameters", () => {
    const params = { model: "gpt-4o", pl_tags: ["a"], pl_metadata: { user: "42" }, return_pl_id: true }
    expect(takeCallOptions(params)).toEqual({
      params: { model: "gpt-4o" },
      options: { pl_tags: ["a"], pl_metadata: { user: "42" }, return_pl_id: true },
    })
    expect(params.pl_tags).toEqual(["a"])
  })

  it("hands over parameters without PromptLayer options as they are", () => {
    const params = { model: "gpt-4o", messages: [] }
    expect(takeCallOptions(params).params).toBe(params)
    expect(takeCallOptions(undefined)).toEqual({ params: undefined, options: {} })
  })
})
