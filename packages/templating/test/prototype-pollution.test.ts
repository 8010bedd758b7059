import { afterEach, describe, expect, it } from "vitest"
import { MissingVariablesError } from "../src/errors.js"
import { getVariables, inputSchema, renderTemplate, renderText } from "../src/jinja2.js"

const hostile = () =>
  JSON.parse('{"__proto__": {"polluted": "yes"}, "constructor": "C", "toString": "T", "hasOwnProperty": "H"}')

afterEach(() => {
  expect(({} as { polluted?: unknown }).polluted).toBeUndefined()
  expect(Object.prototype).not.toHaveProperty("polluted")
})

describe("variables named like Object.prototype members", () => {
  it("are ordinary variables in f-string templates", () => {
    expect(renderText("{constructor}|{toString}|{hasOwnProperty}|{__proto__[polluted]}", hostile())).toBe(
      "C|T|H|yes",
    )
  })

  it("are ordinary variables in jinja2 templates", () => {
    const text = "{{ constructor }}|{{ toString }}|{{ hasOwnProperty }}"
    expect(renderText(text, hostile(), "jinja2")).toBe("C|T|H")
  })

  it("are missing when not passed: inherited members never count as variables", () => {
    for (const format of ["f-string", "jinja2"] as const) {
      const text = format === "f-string" ? "{constructor}{toString}" : "{{ constructor }}{{ toString }}"
      try {
        renderText(text, {}, format)
        expect.unreachable()
      } catch (error) {
        expect(error).toBeInstanceOf(MissingVariablesError)
        expect((error as MissingVariablesError).missing.map((m) => m.name)).toEqual([
          "constructor",
          "toString",
        ])
      }
    }
  })

  it("cannot reach a prototype through a lookup", () => {
    expect(renderText("{x[polluted]}", { x: {} }, "f-string", { lenient: true })).toBe("")
    expect(renderText("{{ x.polluted }}{{ x.toString }}", { x: {} }, "jinja2")).toBe("")
  })

  it("survive jinja2 assignments to __proto__ without changing any prototype", () => {
    const variables = { x: "kept" }
    const text = '{% set __proto__ = {"polluted": "yes"} %}{{ x }}{{ polluted }}'
    expect(renderText(text, variables, "jinja2", { lenient: true })).toBe("kept")
    expect(Object.getPrototypeOf(variables)).toBe(Object.prototype)
  })

  it("are listed, schema-checked and rendered across a whole template", () => {
    const template = {
      type: "chat" as const,
      messages: [
        { role: "user" as const, content: [{ type: "text" as const, text: "{constructor} {toString}" }] },
      ],
    }
    expect(getVariables(template)).toEqual(["constructor", "toString"])
    expect(inputSchema(template).safeParse(hostile()).success).toBe(true)
    expect(inputSchema(template).safeParse({}).success).toBe(false)
    const rendered = renderTemplate(template, hostile())
    expect(rendered.messages[0]?.content?.[0]).toEqual({ type: "text", text: "C T" })
  })

  it("do not pollute prototypes when a placeholder's messages carry __proto__ keys", () => {
    const history = JSON.parse('[{"role": "user", "content": [], "__proto__": {"polluted": "yes"}}]')
    const template = { type: "chat" as const, messages: [{ role: "placeholder" as const, name: "history" }] }
    const rendered = renderTemplate(template, { history })
    expect(rendered.messages).toHaveLength(1)
  })
})
