import { describe, expect, it } from "vitest"
import { parseInteger, parsePairs, UsageError } from "./io.js"

describe("parsePairs", () => {
  it("reads name=value pairs, the value kept whole after the first =", () => {
    expect(parsePairs(["a=1", "q=x=y"], "--var", false)).toEqual({ a: "1", q: "x=y" })
    expect(parsePairs(['list=["a"]', "n=2"], "--var-json", true)).toEqual({ list: ["a"], n: 2 })
  })

  it("treats __proto__ as a plain variable", () => {
    const vars = parsePairs(['__proto__={"polluted":true}'], "--var-json", true)
    expect(Object.getPrototypeOf(vars)).toBe(Object.prototype)
    expect(Object.hasOwn(vars, "__proto__")).toBe(true)
    expect((vars as { polluted?: unknown }).polluted).toBeUndefined()
  })

  it("rejects pairs without a name and JSON that does not parse", () => {
    expect(() => parsePairs(["=x"], "--var", false)).toThrow(UsageError)
    expect(() => parsePairs(["x={"], "--var-json", true)).toThrow("--var-json x: the value is not valid JSON")
    expect(() => parseInteger("1.5", "--version")).toThrow(UsageError)
  })
})
