import type { ChatTemplate, CompletionTemplate, Message } from "@pl/blueprint"
import { describe, expect, it } from "vitest"
import { deepFreeze } from "../test/deep-freeze.js"
import {
  MediaVariableError,
  MissingVariablesError,
  PlaceholderError,
  type TemplateError,
  TemplateSyntaxError,
} from "./errors.js"
import { renderTemplate } from "./jinja2.js"

const chat: ChatTemplate = {
  type: "chat",
  input_variables: ["stale"],
  messages: [
    {
      role: "system",
      content: [{ type: "text", text: "You help {user}.", annotations: [] }],
      input_variables: [],
    },
    { role: "placeholder", name: "history" },
    {
      role: "user",
      template_format: "jinja2",
      content: [
        { type: "text", text: "{{ question }}{% if extra %} ({{ extra }}){% endif %}" },
        { type: "media_variable", name: "images" },
      ],
    },
    {
      role: "assistant",
      content: [
        { type: "thinking", thinking: "{not a template}", signature: "sig==" },
        { type: "text", text: "Sure, {user}." },
      ],
      tool_calls: [{ id: "call_1", type: "function", function: { name: "f", arguments: '{"a": "{user}"}' } }],
      raw_request_display_role: "assistant",
    },
  ],
  tools: [{ type: "function", function: { name: "f", parameters: { type: "object", properties: {} } } }],
}

const variables = {
  user: "Ada",
  question: "Why?",
  history: [
    { role: "user", content: [{ type: "text", text: "earlier {kept}" }] },
    { role: "assistant", content: [{ type: "text", text: "reply" }] },
  ],
  images: [
    "https://example.com/a/cat.png",
    "data:application/pdf;base64,JVBERi0xLjQK",
    "iVBORw0KGgoAAAANSUhEUg==",
  ],
}

describe("renderTemplate", () => {
  it("renders every text part with its message's format, expands placeholders and media, fills input_variables", () => {
    const rendered = renderTemplate(deepFreeze(structuredClone(chat)), variables)
    expect(rendered.input_variables).toEqual(["user", "history", "question", "extra", "images"])
    expect(rendered.messages.map((m) => m.role)).toEqual(["system", "user", "assistant", "user", "assistant"])
    expect(rendered.messages[0]).toEqual({
      role: "system",
      content: [{ type: "text", text: "You help Ada.", annotations: [] }],
      input_variables: ["user"],
    })
    // Placeholder messages are inserted as they are: history is not a template.
    expect(rendered.messages[1]?.content).toEqual([{ type: "text", text: "earlier {kept}" }])
    expect(rendered.messages[3]?.content).toEqual([
      { type: "text", text: "Why?" },
      { type: "media", media: { title: "cat.png", type: "image/png", url: "https://example.com/a/cat.png" } },
      {
        type: "media",
        media: {
          title: "images[1]",
          type: "application/pdf",
          url: "data:application/pdf;base64,JVBERi0xLjQK",
        },
      },
      { type: "media", media: { title: "images[2]", type: "image/png", url: "iVBORw0KGgoAAAANSUhEUg==" } },
    ])
  })

  it("leaves tool calls, thinking, signatures, tools and unknown fields untouched", () => {
    const rendered = renderTemplate(chat, variables)
    const assistant = rendered.messages[4]
    expect(assistant).toMatchObject({
      role: "assistant",
      tool_calls: chat.messages[3]?.role === "assistant" ? chat.messages[3].tool_calls : [],
      raw_request_display_role: "assistant",
    })
    expect(assistant?.content?.[0]).toEqual({
      type: "thinking",
      thinking: "{not a template}",
      signature: "sig==",
    })
    expect(assistant?.content?.[1]).toEqual({ type: "text", text: "Sure, Ada." })
    expect(rendered.tools).toBe(chat.tools)
  })

  it("renders the same template again with other variables, each render reading only its own", () => {
    const template: ChatTemplate = {
      type: "chat",
      input_variables: [],
      messages: [
        { role: "system", content: [{ type: "text", text: "{name} works at {company}." }] },
        { role: "user", content: [{ type: "text", text: "I am {name}, {name}!" }] },
      ],
    }
    const texts = (variables: Record<string, unknown>, lenient = false) =>
      renderTemplate(template, variables, { lenient }).messages.map((message) =>
        message.content?.map((part) => (part.type === "text" ? part.text : part.type)).join(""),
      )
    expect(texts({ name: "Ada", company: "Acme" })).toEqual(["Ada works at Acme.", "I am Ada, Ada!"])
    expect(texts({ name: "Grace", company: "Navy" })).toEqual(["Grace works at Navy.", "I am Grace, Grace!"])
    expect(texts({ company: "Acme" }, true)).toEqual([" works at Acme.", "I am , !"])
    expect(() => texts({ company: "Acme" })).toThrow(MissingVariablesError)
    expect(texts({ name: 7, company: ["a"] })).toEqual(['7 works at ["a"].', "I am 7, 7!"])
  })

  it("lists input_variables afresh when the same template object is edited between renders", () => {
    const messages: Message[] = [
      { role: "system", content: [{ type: "text", text: "{a} and {b}" }] },
      { role: "placeholder", name: "history" },
      { role: "user", content: [{ type: "text", text: "{c}" }] },
    ]
    const template: ChatTemplate = { type: "chat", input_variables: [], messages }
    const used = () => renderTemplate(template, {}, { lenient: true }).input_variables
    expect(used()).toEqual(["a", "b", "history", "c"])
    expect(used()).toEqual(["a", "b", "history", "c"])
    messages[2] = { role: "user", content: [{ type: "text", text: "{d} {a}" }] }
    expect(used()).toEqual(["a", "b", "history", "d"])
    messages.pop()
    expect(used()).toEqual(["a", "b", "history"])
    messages.push({ role: "user", content: [{ type: "text", text: "{e}" }] })
    expect(used()).toEqual(["a", "b", "history", "e"])
    messages[1] = { role: "placeholder", name: "earlier" }
    expect(used()).toEqual(["a", "b", "earlier", "e"])
    messages.length = 0
    expect(used()).toEqual([])
    expect(used()).toEqual([])
  })

  it("renders a text or format edited in place anew, not as the last render of the same template did", () => {
    const part = { type: "text" as const, text: "Hi {name}{{ name }}" }
    const message: Message = { role: "user", content: [part] }
    const template: ChatTemplate = { type: "chat", input_variables: [], messages: [message] }
    const text = () => {
      const rendered = renderTemplate(template, { name: "Ada" }).messages[0]?.content?.[0]
      return rendered?.type === "text" ? rendered.text : undefined
    }
    expect(text()).toBe("Hi Ada{ name }")
    message.template_format = "jinja2"
    expect(text()).toBe("Hi {name}Ada")
    part.text = "Bye {{ name }}"
    expect(text()).toBe("Bye Ada")
    message.template_format = "f-string"
    expect(text()).toBe("Bye { name }")
  })

  it("renders a template without input_variables as one with them: every field kept, in order, the names filled", () => {
    const { input_variables: _, ...withoutNames } = chat
    const rendered = renderTemplate(deepFreeze(structuredClone(withoutNames)), variables)
    expect(rendered).toEqual(renderTemplate(chat, variables))
    expect(Object.keys(rendered)).toEqual(["type", "messages", "tools", "input_variables"])
    const completion = renderTemplate(
      deepFreeze({
        type: "completion" as const,
        content: [{ type: "text" as const, text: "{a}" }],
        suffix: "!",
      }),
      { a: "x" },
    )
    expect(completion).toEqual({
      type: "completion",
      content: [{ type: "text", text: "x" }],
      suffix: "!",
      input_variables: ["a"],
    })
  })

  it("never modifies its input", () => {
    const input = structuredClone(chat)
    const before = structuredClone(input)
    renderTemplate(deepFreeze(input), variables)
    expect(input).toEqual(before)
  })

  it("renders a completion template with its own template_format", () => {
    const completion: CompletionTemplate = {
      type: "completion",
      template_format: "jinja2",
      content: [{ type: "text", text: "{{ a | upper }}" }],
      input_variables: [],
    }
    expect(renderTemplate(completion, { a: "x" })).toEqual({
      ...completion,
      content: [{ type: "text", text: "X" }],
      input_variables: ["a"],
    })
    expect(
      renderTemplate(
        { ...completion, template_format: null, content: [{ type: "text", text: "{a}" }] },
        { a: "y" },
      ).content,
    ).toEqual([{ type: "text", text: "y" }])
  })

  it("names every missing variable and every place it is used", () => {
    try {
      renderTemplate(chat, { user: "Ada" })
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(MissingVariablesError)
      expect((error as MissingVariablesError).missing).toEqual([
        { name: "history", paths: ["prompt_template.messages[1]"] },
        { name: "question", paths: ["prompt_template.messages[2].content[0]"] },
        { name: "images", paths: ["prompt_template.messages[2].content[1]"] },
      ])
    }
    try {
      renderTemplate(
        {
          type: "chat",
          messages: [
            {
              role: "user",
              content: [
                { type: "text", text: "{a} {b.c}" },
                { type: "text", text: "{a}" },
              ],
            },
          ],
        },
        { b: {} },
      )
      expect.unreachable()
    } catch (error) {
      expect((error as MissingVariablesError).missing).toEqual([
        {
          name: "a",
          paths: ["prompt_template.messages[0].content[0]", "prompt_template.messages[0].content[1]"],
        },
        { name: "b.c", paths: ["prompt_template.messages[0].content[0]"] },
      ])
    }
  })

  it("renders missing variables empty and drops missing placeholders and media when lenient", () => {
    const rendered = renderTemplate(chat, { question: "Q" }, { lenient: true })
    expect(rendered.messages.map((m) => m.role)).toEqual(["system", "user", "assistant"])
    expect(rendered.messages[0]?.content?.[0]).toMatchObject({ text: "You help ." })
    expect(rendered.messages[1]?.content).toEqual([{ type: "text", text: "Q" }])
  })

  it("rejects a placeholder variable that is not an array of messages, naming the placeholder and each bad path", () => {
    try {
      renderTemplate(chat, { ...variables, history: [{ role: "user", content: "x" }, { role: "wizard" }] })
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(PlaceholderError)
      const placeholder = error as PlaceholderError
      expect(placeholder.placeholder).toBe("history")
      expect(placeholder.path).toBe("prompt_template.messages[1]")
      expect(placeholder.issues.map((issue) => issue.path)).toEqual(["history[0].content", "history[1].role"])
      expect(placeholder.message).toMatch(/Placeholder "history"/)
    }
    expect(() => renderTemplate(chat, { ...variables, history: "hi" })).toThrow(PlaceholderError)
    expect(() =>
      renderTemplate(chat, { ...variables, history: [{ role: "placeholder", name: "x" }] }),
    ).toThrow(/cannot hold another placeholder/)
  })

  it("rejects media variables that are not arrays of URLs, data URLs or base64", () => {
    expect(() => renderTemplate(chat, { ...variables, images: "https://x.test/a.png" })).toThrow(
      MediaVariableError,
    )
    try {
      renderTemplate(chat, { ...variables, images: ["https://x.test/a.png", "not base64!"] })
      expect.unreachable()
    } catch (error) {
      expect(error).toMatchObject({ name: "MediaVariableError", variable: "images", index: 1 })
    }
  })

  it("locates syntax errors by template path", () => {
    const broken: ChatTemplate = {
      type: "chat",
      messages: [
        {
          role: "user",
          content: [
            { type: "text", text: "ok" },
            { type: "text", text: 'JSON {"a": 1}' },
          ],
        },
      ],
    }
    try {
      renderTemplate(broken, {})
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(TemplateSyntaxError)
      expect((error as TemplateError).path).toBe("prompt_template.messages[0].content[1]")
      expect((error as Error).message).toMatch(
        /^prompt_template\.messages\[0\]\.content\[1\]: f-string template/,
      )
    }
  })
})
