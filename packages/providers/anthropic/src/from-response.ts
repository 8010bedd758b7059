import type { Message } from "@anthropic-ai/sdk/resources/messages"
import { type Completion, type Content, mapFinishReason, type ToolCall } from "@pl/blueprint"
import { isObject, malformed } from "./context.js"
import { fromBlock, fromToolUse } from "./convert-content.js"
import { FINISH_REASONS } from "./finish-reason.js"
import { toUsage } from "./usage.js"

/**
 * An Anthropic `Message` (what `client.messages.create` returns, or the wire JSON) → a {@link Completion}.
 * `tool_use` blocks become `tool_calls` with JSON-string arguments; every other block is a content part.
 *
 * @example
 * const completion = anthropic.fromResponse(await client.messages.create(request))
 */
export function fromResponse(response: Message): Completion {
  if (!isObject(response) || !Array.isArray(response.content))
    throw malformed("a Message needs a content array")
  const content: Content[] = []
  const toolCalls: ToolCall[] = []
  for (const block of response.content) {
    if (!isObject(block) || typeof block.type !== "string") throw malformed("a content block needs a type")
    if (block.type === "tool_use") toolCalls.push(fromToolUse(block))
    else content.push(fromBlock(block))
  }
  const completion: Completion = {
    message: { role: "assistant", content, ...(toolCalls.length > 0 && { tool_calls: toolCalls }) },
    ...mapFinishReason(response.stop_reason, FINISH_REASONS),
  }
  if (isObject(response.usage)) completion.usage = toUsage(response.usage)
  if (response.id) completion.id = response.id
  if (response.model) completion.model = response.model
  return completion
}
