import type { PromptBlueprint } from "../blueprint.js"
import type { Message } from "../message.js"
import type { Tool } from "../tool.js"

const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
const SIGNATURE = "EqQBCkYIARgCIkA".repeat(8)

export interface BenchmarkChatOptions {
  /** `metadata.model`. */
  model: { provider: string; name: string; parameters?: Record<string, unknown> }
  /** Give each tool call a Gemini thought signature too. */
  signedCalls?: boolean
  /** Images by http URL on odd turns (default), or all inline (providers that fetch no URLs). */
  inlineImagesOnly?: boolean
  /** Tools beside the one function tool (e.g. a provider's built-in tool). */
  extraTools?: Tool[]
}

/**
 * The 50-message chat every adapter's `toRequest` benchmark converts (BARS.md): a system prompt, then user
 * turns with a text and an image, assistant turns with signed thinking, text and a tool call, and the
 * tool results.
 */
export function benchmarkChatBlueprint(options: BenchmarkChatOptions): PromptBlueprint {
  const messages = Array.from({ length: 50 }, (_, i): Message => {
    if (i === 0)
      return { role: "system", content: [{ type: "text", text: "You describe pictures precisely." }] }
    if (i % 3 === 1) {
      const url =
        i % 2 && !options.inlineImagesOnly ? `https://example.com/${i}.png` : `data:image/png;base64,${PNG}`
      return {
        role: "user",
        content: [
          { type: "text", text: `Picture ${i}: what is in it?` },
          { type: "image_url", image_url: { url } },
        ],
      }
    }
    if (i % 3 === 2)
      return {
        role: "assistant",
        content: [
          {
            type: "thinking",
            thinking: "The picture shows an animal; check the catalogue.",
            signature: SIGNATURE,
          },
          { type: "text", text: `Looking up picture ${i}.` },
        ],
        tool_calls: [
          {
            id: `call_${i}`,
            type: "function",
            function: { name: "catalogue", arguments: '{"query":"cat"}' },
            ...(options.signedCalls && { provider_metadata: { thought_signature: SIGNATURE } }),
          },
        ],
      }
    return {
      role: "tool",
      tool_call_id: `call_${i - 1}`,
      content: [{ type: "text", text: '{"found":"a cat"}' }],
    }
  })
  const catalogue: Tool = {
    type: "function",
    function: {
      name: "catalogue",
      parameters: { type: "object", properties: { query: { type: "string" } } },
    },
  }
  return {
    prompt_template: { type: "chat", messages, tools: [catalogue, ...(options.extraTools ?? [])] },
    metadata: { model: { parameters: {}, ...options.model } },
  }
}
