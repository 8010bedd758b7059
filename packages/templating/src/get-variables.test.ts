import type { ChatTemplate } from "@pl/blueprint"
import { describe, expect, it } from "vitest"
import { TemplateSyntaxError } from "./errors.js"
import { getVariables } from "./jinja2.js"

describe("getVariables", () => {
  it("lists f-string variables in first-use order without duplicates, nested spec fields included", () => {
    expect(getVariables("{b} {a.x} {{c}} {b!r:>{w}} {a[0]}")).toEqual(["b", "a", "w"])
  })

  it("lists only undeclared jinja2 names, from the parsed template", () => {
    const text = `
      {% set greeting = "Hi" %}{{ greeting }} {{ user.name }}
      {% for item in items %}{{ loop.index }} {{ item }} {{ suffix }}{% endfor %}
      {% macro card(title, body=default_body) %}{{ title }} {{ body }} {{ caller }} {{ footer }}{% endmacro %}
      {{ card(heading) }}{% call(x) card(t) %}{{ x }}{{ inner }}{% endcall %}
      {{ range(3) | join }} {{ "a" ~ tail }} {# {{ commented }} #} {% raw %}{{ raw_text }}{% endraw %}
      {% set later = 1 %}{{ later }} {{ True }} {{ None }}`
    expect(getVariables(text, "jinja2")).toEqual([
      "user",
      "items",
      "suffix",
      "default_body",
      "footer",
      "heading",
      "t",
      "inner",
      "tail",
    ])
  })

  it("counts a name used before its set as a variable, as jinja2 reads it from the context there", () => {
    expect(getVariables("{{ x }}{% set x = 1 %}{{ x }}", "jinja2")).toEqual(["x"])
  })

  it("lists placeholders and media variables in a whole template, each message with its own format", () => {
    const template: ChatTemplate = {
      type: "chat",
      messages: [
        { role: "system", content: [{ type: "text", text: "{a} {{literal}}" }] },
        { role: "placeholder", name: "history" },
        {
          role: "user",
          template_format: "jinja2",
          content: [
            { type: "text", text: "{{ b }} {a}" },
            { type: "media_variable", name: "photos" },
          ],
        },
      ],
    }
    expect(getVariables(template)).toEqual(["a", "history", "b", "photos"])
  })

  it("throws the template's syntax error, located", () => {
    const template: ChatTemplate = {
      type: "chat",
      messages: [{ role: "user", content: [{ type: "text", text: "{" }] }],
    }
    expect(() => getVariables(template)).toThrow(TemplateSyntaxError)
    expect(() => getVariables(template)).toThrow(/^prompt_template\.messages\[0\]\.content\[0\]:/)
  })
})
