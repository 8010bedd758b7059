import { chatTemplateArbitrary } from "@pl/blueprint/testing"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { MissingVariablesError, TemplateError } from "../src/errors.js"
import { parseTemplate } from "../src/jinja2/nunjucks.js"
import { getVariables, renderTemplate, renderText } from "../src/jinja2.js"
import { deepFreeze } from "./deep-freeze.js"

const NAMES = ["a", "b", "items", "user", "x"]

const value: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.string({ maxLength: 8 }),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom("a", "b", "name", "0"), tie("value"), { maxKeys: 3 }),
  ),
})).value

const variables = fc.dictionary(fc.constantFrom(...NAMES), value, { maxKeys: NAMES.length })

/** Outcome of a render: the text, or the error's class name; anything not ours fails the property. */
function outcome(run: () => string): string {
  try {
    return run()
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error
    return `<${error.name}>`
  }
}

const fStringTemplate = fc
  .array(
    fc.constantFrom(
      "{",
      "}",
      "{{",
      "}}",
      "a",
      "b",
      "user",
      ".",
      "[",
      "]",
      "0",
      ":",
      "!",
      "r",
      "a",
      ">5",
      ".2f",
      "x",
      " ",
      '"',
      "{a}",
      "{user.name}",
      "{b:>{a}}",
      "d",
      ",",
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(""))

/** Syntactically rich jinja2 text, mostly valid: expressions and statements from a small grammar. */
const jinja2Template = fc.letrec<{ expr: string; stmt: string; body: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom(
      ...NAMES,
      "loop.index",
      '"s"',
      "1",
      "2.5",
      "none",
      "True",
      "[1, 2]",
      '{"k": 1}',
      "range(3)",
    ),
    fc
      .tuple(tie("expr"), fc.constantFrom(".name", "[0]", "['a']", ".items()", ".upper()", ".get('a')"))
      .map(([e, m]) => `${e}${m}`),
    fc
      .tuple(tie("expr"), fc.constantFrom("~", "+", "==", "and", "or", "in", "-", "*"))
      .chain(([e, op]) => tie("expr").map((f) => `(${e} ${op} ${f})`)),
    fc
      .tuple(
        tie("expr"),
        fc.constantFrom(
          "upper",
          "length",
          "join(',')",
          "default('d')",
          "first",
          "tojson",
          "trim",
          "sort",
          "reverse",
          "list",
          "string",
        ),
      )
      .map(([e, f]) => `${e} | ${f}`),
    tie("expr").map((e) => `not ${e}`),
    fc.tuple(tie("expr"), tie("expr")).map(([e, f]) => `(${e} if ${f} else "z")`),
    tie("expr").map((e) => `${e} is defined`),
  ),
  stmt: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    tie("expr").map((e) => `{{ ${e} }}`),
    fc.string({ maxLength: 6 }).map((t) => t.replace(/[{}%#]/g, "")),
    fc.tuple(tie("expr"), tie("body")).map(([e, b]) => `{% if ${e} %}${b}{% else %}-{% endif %}`),
    fc
      .tuple(fc.constantFrom("i", "x", "a"), tie("expr"), tie("body"))
      .map(([n, e, b]) => `{% for ${n} in ${e} %}${b}{% endfor %}`),
    fc.tuple(fc.constantFrom("s", "a"), tie("expr")).map(([n, e]) => `{% set ${n} = ${e} %}`),
    tie("body").map((b) => `{% macro m(p, q=b) %}${b}{% endmacro %}{{ m(a) }}`),
  ),
  body: fc.array(tie("stmt"), { maxLength: 3 }).map((parts) => parts.join("")),
})).body

const tokenSoup = fc
  .array(
    fc.constantFrom(
      "{{",
      "}}",
      "{%",
      "%}",
      "{#",
      "#}",
      "if",
      "for",
      "in",
      "endif",
      "endfor",
      "set",
      "=",
      "a",
      "items",
      "|",
      "upper",
      "(",
      ")",
      "[",
      "]",
      ".",
      "~",
      '"',
      "'",
      "1",
      "macro",
      "call",
      "endcall",
      "raw",
      "-",
      "\n",
      " ",
      "constructor",
      "__proto__",
      "r/",
      "\\",
    ),
    { maxLength: 16 },
  )
  .map((parts) => parts.join(""))

describe("properties", () => {
  it("f-string: any text with any variables renders or throws one of our errors", () => {
    fc.assert(
      fc.property(fStringTemplate, variables, fc.boolean(), (text, vars, lenient) => {
        outcome(() => renderText(text, vars, "f-string", { lenient }))
      }),
      { numRuns: 3000 },
    )
  })

  it("jinja2: any text with any variables renders or throws one of our errors, and never runs code", () => {
    fc.assert(
      fc.property(fc.oneof(jinja2Template, tokenSoup), variables, fc.boolean(), (text, vars, lenient) => {
        outcome(() => renderText(text, vars, "jinja2", { lenient }))
        expect((globalThis as { __pwned?: unknown }).__pwned).toBeUndefined()
      }),
      { numRuns: 2000 },
    )
  })

  it("getVariables covers what rendering needs: nothing missing is ever outside it", () => {
    fc.assert(
      fc.property(fc.oneof(fStringTemplate, jinja2Template), variables, (text, vars) => {
        const format = text.includes("{{ ") || text.includes("{% ") ? "jinja2" : "f-string"
        let listed: string[]
        try {
          listed = getVariables(text, format)
        } catch (error) {
          expect(error).toBeInstanceOf(TemplateError)
          return
        }
        try {
          renderText(text, vars, format)
        } catch (error) {
          if (!(error instanceof MissingVariablesError)) return
          for (const { name } of error.missing) expect(listed).toContain(name.split(/[.[]/)[0])
        }
        // With every listed variable present, nothing top-level is missing.
        const complete = Object.fromEntries(listed.map((name) => [name, vars[name] ?? "v"]))
        try {
          renderText(text, complete, format)
        } catch (error) {
          if (error instanceof MissingVariablesError) {
            for (const { name } of error.missing) expect(name).toMatch(/[.[]/)
          }
        }
      }),
      { numRuns: 2000 },
    )
  })

  it("jinja2: variables outside getVariables do not change the output", () => {
    fc.assert(
      fc.property(
        jinja2Template,
        variables,
        fc.dictionary(fc.constantFrom("p", "q", "s", "i", "m", "z"), value),
        (text, vars, extra) => {
          let listed: string[]
          try {
            listed = getVariables(text, "jinja2")
          } catch {
            return
          }
          const outside = Object.fromEntries(Object.entries(extra).filter(([name]) => !listed.includes(name)))
          const plain = outcome(() => renderText(text, vars, "jinja2", { lenient: true }))
          const more = outcome(() => renderText(text, { ...outside, ...vars }, "jinja2", { lenient: true }))
          expect(more).toBe(plain)
        },
      ),
      { numRuns: 1000 },
    )
  })

  it("the fast tokenizer parses exactly as nunjucks' own", () => {
    const parse = (text: string, fast: boolean) => {
      try {
        return parseTemplate(text, fast)
      } catch (error) {
        return `<${(error as Error).message}>`
      }
    }
    fc.assert(
      fc.property(fc.oneof(jinja2Template, tokenSoup, fc.string()), (text) => {
        expect(parse(text, true)).toEqual(parse(text, false))
      }),
      { numRuns: 2000 },
    )
  })

  it("renderTemplate keeps every non-text part, never mutates its input, and throws only our errors", () => {
    fc.assert(
      fc.property(chatTemplateArbitrary({ maxMessages: 4 }), variables, (template, vars) => {
        const input = structuredClone(template)
        let rendered: typeof template
        try {
          rendered = renderTemplate(deepFreeze(input), vars, { lenient: true })
        } catch (error) {
          expect(error).toBeInstanceOf(TemplateError)
          return
        }
        expect(input).toEqual(template)
        expect(rendered.messages).toHaveLength(template.messages.length)
        rendered.messages.forEach((message, i) => {
          const original = template.messages[i]
          expect(message.role).toBe(original?.role)
          if (message.role === "assistant" && original?.role === "assistant") {
            expect(message.tool_calls).toEqual(original.tool_calls)
          }
          const kept = (parts: unknown[] | null | undefined) =>
            (parts ?? []).filter(
              (part) => !["text", "media_variable"].includes((part as { type: string }).type),
            )
          expect(kept(message.content)).toEqual(kept(original?.content))
        })
      }),
      { numRuns: 300 },
    )
  })
})
