/**
 * Mistral's share of the cross-provider test: one blueprint with a system prompt, an image, two
 * tools, a parallel tool call, its results and a thinking block; what Mistral can express survives
 * toRequest → fromRequest.
 */
import type { PromptBlueprint } from "@pl/blueprint"
import { describe, expect, it } from "vitest"
import { mistral } from "../src/index.js"
import { sdkWireBody, specErrors } from "./helpers.js"

const blueprint: PromptBlueprint = {
  prompt_template: {
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
          {
            type: "thinking",
            thinking: "The image shows the Eiffel Tower: Paris.",
            signature: "EqQBCkYIARgC",
          },
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
  },
  metadata: {
    model: { provider: "anthropic", name: "mistral-medium-latest", parameters: { max_tokens: 512 } },
  },
}

describe("the cross-provider blueprint on Mistral", () => {
  it("converts to a valid request without dropping anything", () => {
    const warnings: string[] = []
    const request = mistral.toRequest(blueprint, { onWarning: (w) => warnings.push(w.feature) })
    expect(warnings).toEqual([])
    expect(specErrors(sdkWireBody(request))).toEqual([])
  })

  it("keeps system prompt, image, tools, parallel calls, results and signed thinking through fromRequest", () => {
    const back = mistral.fromRequest(mistral.toRequest(blueprint))
    const template = blueprint.prompt_template as Extract<
      PromptBlueprint["prompt_template"],
      { type: "chat" }
    >
    expect(back.prompt_template).toEqual({
      type: "chat",
      messages: [
        template.messages[0],
        template.messages[1],
        template.messages[2],
        // Mistral's tool messages carry the called function's name.
        { ...template.messages[3], name: "get_weather" },
        { ...template.messages[4], name: "get_time" },
      ],
      tools: template.tools,
    })
    expect(back.metadata?.model).toEqual({
      provider: "mistral",
      name: "mistral-medium-latest",
      parameters: { max_tokens: 512 },
    })
  })
})
