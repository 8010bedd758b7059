import { describe, expect, it } from "vitest"
import { chatBlueprint, user } from "../test/blueprints.js"
import { openai, openaiFor, openaiResponses } from "./index.js"

describe("openaiFor", () => {
  it("picks the Responses adapter for api_type responses, else Chat Completions", () => {
    const chat = chatBlueprint([user("Hi")])
    const withApi = (api_type: string) => ({
      ...chat,
      metadata: { model: { provider: "openai", name: "gpt-5", api_type } },
    })
    expect(openaiFor(withApi("responses"))).toBe(openaiResponses)
    expect(openaiFor(withApi("chat-completions"))).toBe(openai)
    expect(openaiFor(chat)).toBe(openai)
    expect(openaiFor({ prompt_template: chat.prompt_template })).toBe(openai)
  })

  it("gives adapters that read back the API they were chosen for", () => {
    const blueprint = openaiResponses.fromRequest({ model: "gpt-5", input: "Hi" })
    expect(openaiFor(blueprint).name).toBe("openai.responses")
    expect(openaiFor(openai.fromRequest({ model: "gpt-4o", messages: [] })).name).toBe("openai")
  })
})
