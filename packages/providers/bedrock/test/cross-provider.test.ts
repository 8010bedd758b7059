/**
 * The cross-provider blueprint (a system prompt, an image, two tools, a parallel tool call, tool
 * results and a thinking block), for Bedrock: what Converse expresses survives toRequest → fromRequest.
 */
import type { PromptBlueprint } from "@pl/blueprint"
import { expect, it } from "vitest"
import { bedrock } from "../src/index.js"
import { convert, MODEL, PNG } from "./helpers.js"

const weather = { type: "object", properties: { city: { type: "string" } }, required: ["city"] }
const blueprint: PromptBlueprint = {
  prompt_template: {
    type: "chat",
    messages: [
      { role: "system", content: [{ type: "text", text: "You are a travel assistant." }] },
      {
        role: "user",
        content: [
          { type: "text", text: "Where was this taken, and what is the weather in Paris and Rome?" },
          { type: "image_url", image_url: { url: `data:image/png;base64,${PNG}` } },
        ],
      },
      {
        role: "assistant",
        content: [
          { type: "thinking", thinking: "Two cities: call the tool twice.", signature: "EqQBCkgIARABGAIiQ" },
        ],
        tool_calls: [
          {
            id: "call_paris",
            type: "function",
            function: { name: "get_weather", arguments: '{"city":"Paris"}' },
          },
          {
            id: "call_rome",
            type: "function",
            function: { name: "get_weather", arguments: '{"city":"Rome"}' },
          },
        ],
      },
      { role: "tool", tool_call_id: "call_paris", content: [{ type: "text", text: "18°C, sunny" }] },
      { role: "tool", tool_call_id: "call_rome", content: [{ type: "text", text: "24°C, clear" }] },
    ],
    tools: [
      {
        type: "function",
        function: { name: "get_weather", description: "Weather for a city", parameters: weather },
      },
      { type: "function", function: { name: "get_time", description: "Local time", parameters: weather } },
    ],
    tool_choice: "auto",
  },
  metadata: {
    model: { provider: "openai", name: "gpt-5", parameters: { temperature: 0.2, max_tokens: 512 } },
  },
}

it("keeps the system prompt, image, tools, parallel calls, results and signed thinking through Bedrock", () => {
  const { request, warnings } = convert(blueprint, { model: MODEL })
  expect(warnings).toEqual([])
  const back = bedrock.fromRequest(request)
  expect(back.prompt_template).toEqual({
    type: "chat",
    messages: blueprint.prompt_template.type === "chat" ? blueprint.prompt_template.messages : [],
    tools: blueprint.prompt_template.type === "chat" ? blueprint.prompt_template.tools : [],
    tool_choice: "auto",
  })
  expect(back.metadata?.model).toEqual({
    provider: "amazon.bedrock",
    name: MODEL,
    parameters: { temperature: 0.2, max_tokens: 512 },
  })
})
