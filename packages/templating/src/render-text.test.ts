import { describe, expect, it } from "vitest"
import { MissingVariablesError, TemplateRenderError } from "./errors.js"
import { renderText } from "./index.js"

describe("renderText with f-string", () => {
  it("substitutes variables and keeps doubled braces literal", () => {
    expect(renderText("Hi {name}, {{name}} {{{name}}}", { name: "Ada" })).toBe("Hi Ada, {name} {Ada}")
  })

  it("looks into objects, arrays and strings with .attribute and [index]", () => {
    const variables = { user: { name: "Ada", tags: ["x", "y"], "0": "zero" }, s: "héllo" }
    expect(renderText("{user.name} {user.tags[1]} {user[0]} {user[name]} {s[1]}", variables)).toBe(
      "Ada y zero Ada é",
    )
  })

  it("prints values as Python's str() would on PromptLayer's server", () => {
    expect(
      renderText("{t} {f} {n} {i} {x} {big} {list} {obj}", {
        t: true,
        f: false,
        n: null,
        i: 42,
        x: 0.1,
        big: 1e16,
        list: ["a", 1],
        obj: { k: "v" },
      }),
    ).toBe('True False None 42 0.1 1e+16 ["a",1] {"k":"v"}')
  })

  it("names every missing variable and missing lookup, in first-use order", () => {
    try {
      renderText("{a} {user.email} {b} {a} {items[3]}", { user: {}, items: [] })
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(MissingVariablesError)
      expect((error as MissingVariablesError).missing.map((m) => m.name)).toEqual([
        "a",
        "user.email",
        "b",
        "items[3]",
      ])
      expect((error as Error).message).toMatch(/lenient: true/)
    }
  })

  it("renders missing variables and lookups empty when lenient", () => {
    expect(renderText("[{a}] [{user.email}] [{a:>5}]", { user: {} }, "f-string", { lenient: true })).toBe(
      "[] [] []",
    )
  })

  it("refuses to print functions", () => {
    expect(() => renderText("{f}", { f: () => 1 })).toThrow(TemplateRenderError)
  })
})
