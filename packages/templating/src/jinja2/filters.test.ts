import { describe, expect, it } from "vitest"
import { renderText } from "../jinja2.js"
import { stripTags } from "./filters.js"

describe("stripTags", () => {
  it("removes tags and comments and collapses whitespace like nunjucks' striptags", () => {
    expect(stripTags("<p>Hello <b>world</b></p><!-- note -->  !", false)).toBe("Hello world !")
    expect(stripTags("a  <br/>\n\n\n\n  b ", true)).toBe("a\n\nb")
    expect(stripTags("1 < 2 and 3 > 2", false)).toBe("1 < 2 and 3 > 2")
  })

  it("finishes on input that makes the regular-expression version quadratic", () => {
    const unclosed = "<a ".repeat(100_000)
    expect(stripTags(unclosed, false)).toBe(unclosed.trim())
    const comments = "<!--".repeat(100_000)
    expect(stripTags(comments, false)).toBe(comments)
    const spaces = `a${" ".repeat(200_000)}b`
    expect(
      renderText("{{ s | trim | length }} {{ s | striptags(true) | length }}", { s: spaces }, "jinja2"),
    ).toBe("200002 3")
  })
})
