import type { ContentBlock, SystemContentBlock } from "@aws-sdk/client-bedrock-runtime"
import {
  type Content,
  type Message,
  type PromptBlueprint,
  stringifyToolArguments,
  type ToolCall,
} from "@pl/blueprint"
import { PROVIDER } from "./conversion.js"
import { fromCachePoint, fromToolConfig } from "./convert-tools.js"
import { fromContentBlock, fromToolResultBlock } from "./from-content.js"
import { fromParameterFields } from "./parameters.js"
import type { BedrockRequest } from "./to-request.js"

/** What a `cachePoint` block can follow (a part, a tool call, a tool message): it gets `cache_control`. */
type Cacheable = Record<string, unknown>

/**
 * Converse request → blueprint (the inverse of `toRequest`, with the normalisations the README lists):
 * `system` blocks become one system message first; a user turn is split into its tool results (one tool
 * message each) and its other blocks (user messages), in order; `toolUse` blocks become the assistant's
 * `tool_calls`; a `cachePoint` block becomes `cache_control` on what it follows.
 */
export function fromRequest(request: BedrockRequest): PromptBlueprint {
  const messages: Message[] = []
  const system = fromSystem(request.system ?? [])
  if (system) messages.push(system)
  for (const message of request.messages ?? []) {
    if (message.role === "assistant") messages.push(fromAssistant(message.content ?? []))
    else if (message.role === "user") messages.push(...fromUser(message.content ?? []))
    else if (message.role === "system") {
      const converted = fromSystem(message.content as SystemContentBlock[])
      if (converted) messages.push(converted)
    }
  }
  return {
    prompt_template: {
      type: "chat",
      messages,
      ...fromToolConfig(request.toolConfig),
    },
    metadata: {
      model: { provider: PROVIDER, name: request.modelId ?? "", parameters: fromParameterFields(request) },
    },
  }
}

function fromSystem(blocks: readonly SystemContentBlock[]): Message | undefined {
  const content: Content[] = []
  for (const block of blocks) {
    if (typeof block.text === "string") content.push({ type: "text", text: block.text })
    else if (block.cachePoint) markCached(content[content.length - 1], block.cachePoint)
  }
  return content.length > 0 ? { role: "system", content } : undefined
}

function fromAssistant(blocks: readonly ContentBlock[]): Message {
  const content: Content[] = []
  const toolCalls: ToolCall[] = []
  let last: Cacheable | undefined
  for (const block of blocks) {
    if (block.toolUse) {
      const { toolUseId, name, input } = block.toolUse
      last = {
        id: toolUseId ?? "",
        type: "function",
        function: { name: name ?? "", arguments: stringifyToolArguments(input) },
      } satisfies ToolCall
      toolCalls.push(last as ToolCall)
    } else if (block.cachePoint) {
      markCached(last, block.cachePoint)
    } else {
      const part = fromContentBlock(block)
      if (!part) continue
      content.push(part)
      last = part
    }
  }
  return toolCalls.length > 0
    ? { role: "assistant", content, tool_calls: toolCalls }
    : { role: "assistant", content }
}

// A user turn: runs of ordinary blocks become user messages, each tool result a tool message.
function fromUser(blocks: readonly ContentBlock[]): Message[] {
  const messages: Message[] = []
  let user: Content[] | undefined
  let last: Cacheable | undefined
  for (const block of blocks) {
    if (block.toolResult) {
      user = undefined
      const content: Content[] = []
      for (const item of block.toolResult.content ?? []) {
        const part = fromToolResultBlock(item)
        if (part) content.push(part)
      }
      last = {
        role: "tool",
        tool_call_id: block.toolResult.toolUseId ?? "",
        content,
        ...(block.toolResult.status === "error" ? { is_error: true } : {}),
      } satisfies Message
      messages.push(last as Message)
    } else if (block.cachePoint) {
      markCached(last, block.cachePoint)
    } else {
      const part = fromContentBlock(block)
      if (!part) continue
      if (!user) {
        user = []
        messages.push({ role: "user", content: user })
      }
      user.push(part)
      last = part
    }
  }
  return messages
}

// A cache point with nothing before it in its message marks nothing, and is dropped.
function markCached(target: Cacheable | undefined, cachePoint: { ttl?: string | undefined }) {
  if (target) target.cache_control = fromCachePoint(cachePoint)
}
