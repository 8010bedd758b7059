import { describe, expect, it } from "vitest"
import { definedOnly } from "./objects.js"

describe("definedOnly", () => {
  it("leaves out null and undefined fields and keeps falsy values", () => {
    expect(definedOnly({ a: null, b: undefined, c: 0, d: "", e: false, f: [] })).toEqual({
      c: 0,
      d: "",
      e: false,
      f: [],
    })
  })

  it("copies, never mutates", () => {
    const input = { a: 1, b: null }
    expect(definedOnly(input)).not.toBe(input)
    expect(input).toEqual({ a: 1, b: null })
  })
})
