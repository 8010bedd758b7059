import { describe, expect, it } from "vitest"
import { TemplateRenderError, TemplateSyntaxError } from "../errors.js"
import { renderText } from "../jinja2.js"
import { jinja2Engine } from "./jinja2-engine.js"

const render = (text: string, variables: Record<string, unknown> = {}) =>
  renderText(text, variables, "jinja2")

describe("jinja2 rendering", () => {
  it("prints variables and attribute, index and dict lookups", () => {
    const variables = { name: "Ada", user: { langs: ["en", "fr"] }, d: { "a b": 1 } }
    expect(render("{{ name }} {{ user.langs[1] }} {{ user['langs'][0] }} {{ d['a b'] }}", variables)).toBe(
      "Ada fr en 1",
    )
  })

  it("does not escape HTML: prompts are not HTML", () => {
    expect(render("{{ x }}", { x: "<b>&'\"</b>" })).toBe("<b>&'\"</b>")
    expect(render("{{ x | escape }}", { x: "<b>" })).toBe("&lt;b&gt;")
  })

  it("prints values as jinja2 does on PromptLayer's server: True, None, JSON for containers", () => {
    expect(
      render("{{ t }} {{ f }} {{ n }} {{ none }} {{ x }} {{ 7 / 2 }}", {
        t: true,
        f: false,
        n: null,
        x: [1, "a"],
      }),
    ).toBe('True False None None [1,"a"] 3.5')
    expect(render("{{ 'a' ~ none ~ 1 }} {{ True and not False }}")).toBe("aNone1 True")
  })

  it("runs if/elif/else, for with loop variables and else, and set", () => {
    const text =
      "{% set sep = ', ' %}{% for u in users %}{% if loop.first %}[{% endif %}{{ loop.index }}:{{ u }}{% if not loop.last %}{{ sep }}{% else %}]{% endif %}{% else %}nobody{% endfor %}"
    expect(render(text, { users: ["a", "b"] })).toBe("[1:a, 2:b]")
    expect(render(text, { users: [] })).toBe("nobody")
    expect(render("{% if n > 1 %}many{% elif n == 1 %}one{% else %}none{% endif %}", { n: 1 })).toBe("one")
  })

  it("loops over dicts with items() and with two names", () => {
    const d = { b: 2, a: 1 }
    expect(render("{% for k, v in d.items() %}{{ k }}={{ v }};{% endfor %}", { d })).toBe("b=2;a=1;")
    expect(render("{% for k, v in d | dictsort %}{{ k }}={{ v }};{% endfor %}", { d })).toBe("a=1;b=2;")
  })

  it("supports macros with defaults and keyword arguments, call blocks and filter blocks", () => {
    const macro = '{% macro tag(name, value="-", sep=": ") %}{{ name }}{{ sep }}{{ value }}{% endmacro %}'
    expect(render(`${macro}{{ tag("a") }}|{{ tag("b", sep="=", value=2) }}`)).toBe("a: -|b=2")
    expect(
      render("{% macro box() %}[{{ caller() }}]{% endmacro %}{% call box() %}in {{ x }}{% endcall %}", {
        x: 1,
      }),
    ).toBe("[in 1]")
    expect(render("{% filter upper %}hi {{ x }}{% endfilter %}", { x: "bo" })).toBe("HI BO")
    expect(render("{% set block %}a{{ x }}b{% endset %}<{{ block }}>", { x: 1 })).toBe("<a1b>")
  })

  it("honours whitespace control and drops one trailing newline, as jinja2 does", () => {
    expect(render("a\n  {%- if true -%}\n  b\n  {%- endif %}\nc")).toBe("ab\nc")
    expect(render("line\n")).toBe("line")
    expect(render("line\n\n")).toBe("line\n")
    expect(render("{% raw %}{{ kept }}{% endraw %}{# gone #}")).toBe("{{ kept }}")
  })

  it("provides nunjucks' filters and the jinja2 ones prompts use most", () => {
    const users = [
      { name: "b", age: 3 },
      { name: "a", age: 1 },
    ]
    expect(render("{{ users | map(attribute='name') | join(', ') }}", { users })).toBe("b, a")
    expect(render("{{ users | sort(attribute='age') | map(attribute='name') | join }}", { users })).toBe("ab")
    expect(render("{{ d | tojson }} {{ d | items | length }}", { d: { a: [1] } })).toBe('{"a":[1]} 1')
    expect(render("{{ x | default('none') }} {{ '  a  ' | trim }} {{ 'a<b>c</b>' | striptags }}")).toBe(
      "none a ac",
    )
    expect(
      render("{{ ['x', 'y'] | map('upper') | join }} {{ 3.14159 | round(2) }} {{ 'ab' | length }}"),
    ).toBe("XY 3.14 2")
  })

  it("groups with groupby into an object any key can name", () => {
    const rows = [
      { k: "__proto__", v: 1 },
      { k: "constructor", v: 2 },
      { k: "__proto__", v: 3 },
    ]
    const text =
      "{% for key, group in rows | groupby('k') %}{{ key }}={{ group | map(attribute='v') | join(',') }};{% endfor %}"
    expect(render(text, { rows })).toBe("__proto__=1,3;constructor=2;")
  })

  it("offers Python's string and dict methods, not JavaScript's", () => {
    const variables = { s: " a,b ", d: { k: 1 }, t: "Hello World" }
    expect(
      render("{{ s.strip().split(',') | join('|') }} {{ t.upper() }} {{ t.startswith('He') }}", variables),
    ).toBe("a|b HELLO WORLD True")
    expect(
      render("{{ d.get('k') }} {{ d.get('x', 'fallback') }} {{ d.keys() | join }} {{ t[-1] }}", variables),
    ).toBe("1 fallback k d")
    expect(render("{{ t.toUpperCase }}|{{ [1, 2].push }}", variables)).toBe("|")
  })

  it("reports syntax errors with their line", () => {
    try {
      render("ok\n{% if x %}\nno end")
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(TemplateSyntaxError)
      expect((error as TemplateSyntaxError).format).toBe("jinja2")
      expect((error as TemplateSyntaxError).line).toBeGreaterThanOrEqual(2)
    }
    expect(() => render("{{ x | nosuchfilter }}")).toThrow(/unknown filter "nosuchfilter"/)
    expect(() => render("{% if x is nosuchtest %}{% endif %}")).toThrow(/unknown test "nosuchtest"/)
  })

  it("follows Python where nunjucks would quietly differ: dict loops, string repetition, none/true tests", () => {
    expect(render("{% for k in d %}{{ k }};{% endfor %}", { d: { b: 1, a: 2 } })).toBe("b;a;")
    expect(render("{{ '-' * 3 }}{{ 2 * 3 }}")).toBe("---6")
    expect(
      render("{{ n is none }} {{ t is true }} {{ 3 is integer }} {{ x is none }}", {
        n: null,
        t: true,
        x: 0,
      }),
    ).toBe("True True True False")
    expect(() => render("{% for x in items if x %}{{ x }}{% endfor %}", { items: [1] })).toThrow(
      /loop filtering .* is not supported/,
    )
  })

  it("refuses Python's % string formatting instead of printing nan", () => {
    expect(() => render("{{ '%s items' % n }}", { n: 3 })).toThrow(TemplateRenderError)
    expect(render("{{ 7 % 3 }}")).toBe("1")
  })

  it("wraps runtime failures in TemplateRenderError with the line", () => {
    try {
      render("a\n{{ nothing() }}", { nothing: "not callable" })
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(TemplateRenderError)
      expect((error as Error).message).toMatch(/cannot be called/)
    }
  })

  it("keeps a set in one text out of the next", () => {
    expect(render("{% set x = 'inner' %}{{ x }}", { x: "outer" })).toBe("inner")
    expect(render("{{ x }}", { x: "outer" })).toBe("outer")
  })

  it("caches compiled templates by text", () => {
    const text = "{{ a }} cached {{ b }}"
    expect(jinja2Engine.prepare(text)).toBe(jinja2Engine.prepare(text))
    jinja2Engine.clearCache()
    const first = jinja2Engine.prepare(text)
    expect(jinja2Engine.prepare(`${text} `)).not.toBe(first)
    expect(jinja2Engine.prepare(text)).toBe(first)
  })
})
