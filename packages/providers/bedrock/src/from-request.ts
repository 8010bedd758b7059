import type { ContentBlock } from "@aws-sdk/client-bedrock-runtime"
import { type Content, type Message, type PromptBlueprint, stringifyToolArguments } from "@pl/blueprint"
import { PROVIDER } from "./conversion.js"
import { fromCachePoint, fromToolConfig } from "./convert-tools.js"
import { fromContentBlock, fromToolResultBlock } from "./from-content.js"
import { fromParameterFields } from "./parameters.js"
import type { BedrockRequest } from "./to-request.js"

/**
 * Converse request → blueprint (the inverse of `toRequest`, with the normalisations the README lists):
 * `system` blocks become one system message first; a user turn is split into its tool results (one tool
 * message each) and its other blocks (user messages), in order; `toolUse` blocks become the assistant's
 * `tool_calls`; a `cachePoint` block becomes `cache_control` on what it follows.
 */
export function fromRequest(request: BedrockRequest): PromptBlueprint {
  const messages = fromBlocks(request.system ?? [], "system")
  for (const message of request.messages ?? [])
    messages.push(...fromBlocks(message.content ?? [], message.role ?? "user"))
  return {
    prompt_template: { type: "chat", messages, ...fromToolConfig(request.toolConfig) },
    metadata: {
      model: { provider: PROVIDER, name: request.modelId ?? "", parameters: fromParameterFields(request) },
    },
  }
}

/**
 * The blocks of one Bedrock turn as blueprint messages: a message of the turn's role for its parts and
 * `toolUse` blocks (as `tool_calls`), a tool message for each `toolResult`, in order. A `cachePoint` puts
 * `cache_control` on the part, call or tool message before it (one with nothing before it is dropped).
 */
export function fromBlocks(
  blocks: readonly (ContentBlock | { text?: string })[],
  role: Message["role"],
): Message[] {
  const messages: Message[] = []
  let current: { role: string; content: Content[]; tool_calls?: unknown[] } | undefined
  let last: Record<string, unknown> | undefined
  for (const block of blocks as ContentBlock[]) {
    if (block.cachePoint) {
      if (last) last.cache_control = fromCachePoint(block.cachePoint)
    } else if (block.toolResult) {
      const { toolUseId, content, status } = block.toolResult
      current = undefined
      last = {
        role: "tool",
        tool_call_id: toolUseId ?? "",
        content: (content ?? []).flatMap((item) => fromToolResultBlock(item) ?? []),
        ...(status === "error" ? { is_error: true } : {}),
      }
      messages.push(last as Message)
    } else {
      if (!current) {
        current = { role, content: [] }
        messages.push(current as Message)
      }
      if (block.toolUse) {
        const { toolUseId, name, input } = block.toolUse
        const args = stringifyToolArguments(input)
        last = { id: toolUseId ?? "", type: "function", function: { name: name ?? "", arguments: args } }
        current.tool_calls = [...(current.tool_calls ?? []), last]
      } else {
        last = fromContentBlock(block)
        if (last) current.content.push(last as Content)
      }
    }
  }
  return messages
}
