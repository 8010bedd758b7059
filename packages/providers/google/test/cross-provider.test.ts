/**
 * Google's share of the issue's cross-provider test: one blueprint with a system prompt, an image, two
 * tools, a parallel tool call, its results and a thinking block; what Gemini can express survives
 * toRequest → fromRequest. (The same blueprint as the other adapters' cross-provider tests.)
 */
import type { ChatTemplate, PromptBlueprint } from "@pl/blueprint"
import { describe, expect, it } from "vitest"
import { google } from "../src/index.js"
import { protoErrors } from "./proto-json.js"
import { sentBody } from "./wire.js"

const template: ChatTemplate = {
  type: "chat",
  messages: [
    { role: "system", content: [{ type: "text", text: "You are a travel assistant." }] },
    {
      role: "user",
      content: [
        { type: "text", text: "Where is this, and what is the weather and time there?" },
        { type: "image_url", image_url: { url: "https://example.com/eiffel.jpg" } },
      ],
    },
    {
      role: "assistant",
      content: [
        { type: "thinking", thinking: "The image shows the Eiffel Tower: Paris.", signature: "EqQBCkYIARgC" },
        { type: "text", text: "That is Paris. Let me check." },
      ],
      tool_calls: [
        {
          id: "callWthr1",
          type: "function",
          function: { name: "get_weather", arguments: '{"city":"Paris"}' },
        },
        {
          id: "callTime2",
          type: "function",
          function: { name: "get_time", arguments: '{"tz":"Europe/Paris"}' },
        },
      ],
    },
    { role: "tool", tool_call_id: "callWthr1", content: [{ type: "text", text: "21°C, sunny" }] },
    { role: "tool", tool_call_id: "callTime2", content: [{ type: "text", text: "14:05" }] },
  ],
  tools: [
    {
      type: "function",
      function: {
        name: "get_weather",
        description: "Current weather",
        parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
      },
    },
    {
      type: "function",
      function: {
        name: "get_time",
        description: "Local time",
        parameters: { type: "object", properties: { tz: { type: "string" } }, required: ["tz"] },
      },
    },
  ],
  input_variables: [],
}
const blueprint: PromptBlueprint = {
  prompt_template: template,
  metadata: { model: { provider: "anthropic", name: "gemini-2.5-pro", parameters: { max_tokens: 512 } } },
}

describe("the cross-provider blueprint on Gemini", () => {
  it("converts to a proto-valid request without dropping anything", async () => {
    const warnings: string[] = []
    const request = google.toRequest(blueprint, { onWarning: (w) => warnings.push(w.feature) })
    expect(warnings).toEqual([])
    const { body } = await sentBody(request)
    expect(protoErrors("GenerateContentRequest", body)).toEqual([])
    // The two results answer the parallel calls in one user content.
    const contents = body.contents as { role: string; parts: object[] }[]
    expect(contents.map((c) => [c.role, c.parts.length])).toEqual([
      ["user", 2],
      ["model", 4],
      ["user", 2],
    ])
  })

  it("keeps system prompt, image, tools, parallel calls, results and signed thinking through fromRequest", () => {
    const back = google.fromRequest(google.toRequest(blueprint))
    const { input_variables: _, ...expected } = template
    expect(back.prompt_template).toEqual(expected)
    expect(back.metadata?.model).toEqual({
      provider: "google",
      name: "gemini-2.5-pro",
      parameters: { max_tokens: 512 },
    })
  })
})
