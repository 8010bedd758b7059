import type { ChatTemplate } from "@pl/blueprint"
import { describe, expect, it } from "vitest"
import { inputSchema } from "./jinja2.js"

const template: ChatTemplate = {
  type: "chat",
  messages: [
    { role: "system", content: [{ type: "text", text: "{name} {price:.2f} {user.email}" }] },
    { role: "placeholder", name: "history" },
    {
      role: "user",
      template_format: "jinja2",
      content: [
        {
          type: "text",
          text: "{{ topic }}{% for d in docs %}{{ d }}{% endfor %}{% if note %}{{ note }}{% endif %}{{ tone | default('calm') }}",
        },
        { type: "media_variable", name: "images" },
      ],
    },
  ],
}

describe("inputSchema", () => {
  const schema = inputSchema(template)
  const valid = {
    name: "Ada",
    price: 9.5,
    user: { email: "a@b.c" },
    history: [{ role: "user", content: [{ type: "text", text: "hi" }] }],
    topic: "t",
    docs: ["x"],
    images: ["https://x.test/a.png"],
  }

  it("accepts what the template needs, leaving out the variables it copes without", () => {
    expect(schema.safeParse(valid).success).toBe(true)
    expect(schema.safeParse({ ...valid, note: "n", tone: "warm" }).success).toBe(true)
  })

  it("wants strings for printed variables, message arrays for placeholders, string arrays for media", () => {
    const issues = (value: unknown) =>
      schema.safeParse(value).error?.issues.map((issue) => issue.path.join(".")) ?? []
    expect(issues({ ...valid, name: 3 })).toEqual(["name"])
    expect(issues({ ...valid, history: [{ role: "nobody" }] })).toEqual(["history.0.role"])
    expect(issues({ ...valid, images: [1] })).toEqual(["images.0"])
    expect(issues({ ...valid, note: 5 })).toEqual([])
  })

  it("says in each issue what the variable is for, and what it got", () => {
    const messages = (value: unknown) =>
      Object.fromEntries(
        schema.safeParse(value).error?.issues.map((issue) => [issue.path.join("."), issue.message]) ?? [],
      )
    expect(messages({ ...valid, name: 3, images: ["a", 1], docs: undefined })).toEqual({
      name: "expected a string (the template prints it), received number 3",
      "images.1": "expected a media URL or base64 string, received number 1",
      docs: "missing: docs must be a value (the template looks into it, loops over it, compares or formats it)",
    })
    expect(messages({ ...valid, history: "hi", images: "a.png" })).toEqual({
      history: 'expected an array of blueprint messages (it fills a placeholder), received a string "hi"',
      images:
        'expected an array of media URLs or base64 strings (a media variable), received a string "a.png"',
    })
    expect(messages({ ...valid, topic: undefined }).topic).toBe(
      "missing: topic must be a string (the template prints it)",
    )
  })

  it("requires every variable the template cannot do without", () => {
    const missing = schema.safeParse({}).error?.issues.map((issue) => issue.path[0])
    expect(missing).toEqual(["name", "price", "user", "history", "topic", "docs", "images"])
  })
})
