/**
 * The cross-provider blueprint (a system prompt, an image, two tools, a parallel tool call, tool
 * results and a thinking block), through Cohere: what Cohere can express survives toRequest → fromRequest.
 */
import { type ConversionWarning, type PromptBlueprint, parseBlueprint } from "@pl/blueprint"
import { describe, expect, it } from "vitest"
import { cohere } from "../src/index.js"
import { sdkRequestErrors } from "./sdk-schema.js"

const city = { type: "object", properties: { city: { type: "string" } }, required: ["city"] }
const calls = [
  {
    id: "toolu_1",
    type: "function" as const,
    function: { name: "get_weather", arguments: '{"city":"Paris"}' },
  },
  { id: "toolu_2", type: "function" as const, function: { name: "get_time", arguments: '{"city":"Paris"}' } },
]

const blueprint: PromptBlueprint = parseBlueprint({
  prompt_template: {
    type: "chat",
    input_variables: [],
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
          { type: "thinking", thinking: "The picture shows Paris; two lookups.", signature: "RXFRQkNrWUlB" },
          { type: "text", text: "This is Paris. Let me check." },
        ],
        tool_calls: calls,
      },
      { role: "tool", tool_call_id: "toolu_1", content: [{ type: "text", text: '{"celsius":18}' }] },
      { role: "tool", tool_call_id: "toolu_2", content: [{ type: "text", text: '{"time":"14:05"}' }] },
    ],
    tools: [
      {
        type: "function",
        function: { name: "get_weather", description: "Weather in a city", parameters: city },
      },
      {
        type: "function",
        function: { name: "get_time", description: "Local time in a city", parameters: city },
      },
    ],
  },
  metadata: { model: { provider: "anthropic", name: "claude-sonnet-4-5", parameters: { max_tokens: 1024 } } },
})

describe("the cross-provider blueprint through Cohere", () => {
  it("keeps the system prompt, image, tools, parallel calls, results and thinking", () => {
    const warnings: ConversionWarning[] = []
    const request = cohere.toRequest(blueprint, {
      model: "command-a-vision-07-2025",
      onWarning: (w) => warnings.push(w),
    })
    expect(sdkRequestErrors(request)).toEqual([])
    // Cohere has no thinking signatures: the one thing dropped, and said so.
    expect(warnings.map((w) => [w.feature, w.path])).toEqual([
      ["thinking.signature", "prompt_template.messages[2].content[0]"],
    ])

    // Back from the request, the blueprint is the same but for that signature (and the template's
    // `input_variables`, which are not part of a request).
    const back = cohere.fromRequest(request)
    expect(back.metadata?.model).toEqual({
      provider: "cohere",
      name: "command-a-vision-07-2025",
      parameters: { max_tokens: 1024 },
    })
    if (blueprint.prompt_template.type !== "chat") throw new Error("a chat blueprint")
    const { input_variables: _, ...template } = structuredClone(blueprint.prompt_template)
    const thinking = template.messages[2]?.content?.[0] as { signature?: string }
    delete thinking.signature
    expect(back.prompt_template).toEqual(template)
  })
})
