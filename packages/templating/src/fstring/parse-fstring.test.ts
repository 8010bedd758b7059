import { describe, expect, it } from "vitest"
import { TemplateSecurityError, TemplateSyntaxError } from "../errors.js"
import { renderText } from "../index.js"
import { parseFString } from "./parse-fstring.js"

describe("f-string parsing", () => {
  it("splits text, fields with lookups, conversions and specs, and literal braces", () => {
    const pieces = parseFString("a {{b}} {user.name!r:>5} {items[0][key]}")
    expect(pieces[0]).toBe("a {b} ")
    expect(pieces[1]).toMatchObject({ name: "user", accessors: ["name"], conversion: "r", specText: ">5" })
    expect(pieces[2]).toBe(" ")
    expect(pieces[3]).toMatchObject({ name: "items", accessors: [0, "key"], specText: "" })
  })

  it("explains the JSON trap: braces must be doubled, or the message switched to jinja2", () => {
    const attempt = () => renderText('Answer as {"a": 1}', {})
    expect(attempt).toThrow(TemplateSyntaxError)
    expect(attempt).toThrow(/\{"a": 1\} is not a variable/)
    expect(attempt).toThrow(/double them as \{\{ and \}\}.*or use the jinja2 format/)
    expect(renderText('Answer as {{"a": {n}}}', { n: 1 })).toBe('Answer as {"a": 1}')
  })

  it("reports where the error is, by line and column", () => {
    try {
      renderText('line one\nsay {\n  "key": 1\n}', {})
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(TemplateSyntaxError)
      expect(error).toMatchObject({ format: "f-string", line: 2, column: 5 })
    }
  })

  it.each([
    ["{}", /positional field/],
    ["{0}", /positional field/],
    ["{ name }", /is not a variable/],
    ["a } b", /single '\}'/],
    ["a { b", /never closed/],
    ["{a!x}", /unknown conversion !x/],
    ["{a!r x}", /expected ':' after the conversion/],
    ["{a.}", /empty attribute/],
    ["{a[0]x}", /only '\.' or '\[' may follow/],
    ["{a[0}", /missing '\]'/],
    ["{x:{y:{z}}}", /too deeply/],
  ])("refuses %s with a clear error", (template, message) => {
    expect(() => renderText(template, { a: "", x: "", y: "", z: "" })).toThrow(message)
  })

  it("refuses forbidden members in lookups before rendering", () => {
    expect(() => renderText("{x.__proto__}", { x: {} })).toThrow(TemplateSecurityError)
    expect(() => renderText("{x.constructor}", { x: {} })).toThrow(TemplateSecurityError)
    expect(() => renderText("{x[prototype]}", { x: {} })).toThrow(TemplateSecurityError)
  })
})
