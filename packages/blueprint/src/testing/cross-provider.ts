import type { PromptBlueprint } from "../blueprint.js"

/** A 1×1 PNG, base64. */
export const PIXEL_PNG =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="

/**
 * The cross-provider blueprint: a system prompt, a user question with an image, an assistant turn with a
 * signed thinking block, text and two parallel tool calls, the two tool results, and two tools. Every
 * adapter's tests convert it; what each provider can express must survive `toRequest` → `fromRequest`.
 */
export function crossProviderBlueprint(): PromptBlueprint {
  return {
    prompt_template: {
      type: "chat",
      messages: [
        { role: "system", content: [{ type: "text", text: "You are a travel assistant." }] },
        {
          role: "user",
          content: [
            { type: "text", text: "Where is this, and what is the weather and time there?" },
            // Inline (every provider takes base64 images; Bedrock takes no http URLs).
            { type: "image_url", image_url: { url: `data:image/png;base64,${PIXEL_PNG}` } },
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
    metadata: { model: { provider: "openai", name: "any-model", parameters: { max_tokens: 512 } } },
  }
}
