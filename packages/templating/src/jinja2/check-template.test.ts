import { describe, expect, it } from "vitest"
import { TemplateSecurityError, TemplateSyntaxError } from "../errors.js"
import { checkTemplate } from "./check-template.js"
import { nj, parseTemplate } from "./nunjucks.js"

function compile(text: string): string {
  const ast = parseTemplate(text)
  checkTemplate(ast, new Set(["upper", "join"]), new Set(["defined"]))
  const compiler = new nj.compiler.Compiler("template", false)
  compiler.compile(ast)
  return compiler.getCode()
}

describe("checked templates compile to code that reaches values only through our runtime", () => {
  const code = compile(
    "{% set s = a.b ~ c['d'] %}{% for x in items %}{{ x.y | upper }}{{ f(x)[0] }}{% endfor %}{% macro m(p, q=r) %}{{ p }}{% endmacro %}{{ m(1, q=2) }}{% if z is defined %}lit{% endif %}",
  )

  it("looks members up, calls and reads variables through runtime functions", () => {
    expect(code.match(/runtime\.memberLookup\(/g)?.length).toBe(4)
    expect(code).toMatch(/runtime\.callWrap\(/)
    expect(code).toMatch(/runtime\.contextOrFrameLookup\(context, frame, "a"\)/)
    expect(code).toMatch(/env\.getFilter\("upper"\)/)
    // Literal text goes through suppressValue too, so it is counted against the output limit.
    expect(code).toMatch(/runtime\.suppressValue\("lit"/)
  })

  it("names no host object", () => {
    expect(code).not.toMatch(/\b(?:globalThis|process|require|eval|Function|window|self)\b/)
  })
})

describe("checkTemplate", () => {
  it.each([
    ['{% set "x" = 1 %}', TemplateSecurityError],
    ['{% for k, "v" in a %}{% endfor %}', TemplateSecurityError],
    ["{% macro m(a²) %}{% endmacro %}", TemplateSecurityError],
    ["{{ x | nope }}", TemplateSyntaxError],
    ["{% include 'a' %}", TemplateSyntaxError],
    ["{{ r/a/ }}", TemplateSecurityError],
  ])("refuses %s", (text, type) => {
    expect(() => compile(text)).toThrow(type)
  })
})
