import type {
  Message as BedrockMessage,
  ContentBlock,
  SystemContentBlock,
  ToolResultContentBlock,
} from "@aws-sdk/client-bedrock-runtime"
import { type Content, type Message, parseToolArguments } from "@pl/blueprint"
import { type Conversion, type DocumentType, RENDER_FIRST, unsupported, warn } from "./conversion.js"
import { cachePointOf, toContentBlock } from "./convert-content.js"

/**
 * Converts the messages into Converse's `system` blocks and turns:
 * - `system` and `developer` messages become the top-level `system` blocks (text only), wherever they stand;
 * - `user`, `assistant` and `tool` messages become turns, a tool message a `toolResult` block in a user turn;
 * - consecutive turns of one role merge into one (Converse wants user and assistant to alternate), so tool
 *   results that answer parallel calls share one user turn;
 * - a message left with no block at all is not sent;
 * - a part, tool call or message with `cache_control` is followed by a `cachePoint` block.
 */
export function convertMessages(
  messages: readonly Message[],
  pathOf: (index: number) => string,
  conversion: Conversion,
): { system: SystemContentBlock[]; messages: BedrockMessage[] } {
  const system: SystemContentBlock[] = []
  const turns: BedrockMessage[] = []
  for (const [i, message] of messages.entries()) {
    const path = pathOf(i)
    const { role } = message
    if (role === "placeholder") unsupported("messages.placeholder", path, RENDER_FIRST)
    // Legacy function calls and results have no call id, which Bedrock requires.
    if (role === "function" || message.function_call) unsupported("function_call", path, "use tool calls")
    if (typeof message.name === "string") warn(conversion, "message.name", `${path}.name`)
    const blocks: ContentBlock[] = []
    if (role === "system" || role === "developer") {
      const parts = withParts(message.content, path, conversion, "system prompt", [])
      if (parts.length > 0) withCachePoint(parts, message)
      system.push(...(parts as SystemContentBlock[]))
    } else if (role === "tool") {
      // `is_error` (Anthropic's field, kept on the loose tool message) is Bedrock's `status: "error"`.
      const status = message.is_error === true ? ({ status: "error" } as const) : {}
      const content = message.content.flatMap(
        (part, j) =>
          (toContentBlock(
            part,
            `${path}.content[${j}]`,
            conversion,
            "tool result",
          ) as ToolResultContentBlock) ?? [],
      )
      blocks.push({ toolResult: { toolUseId: message.tool_call_id, content, ...status } })
      // A tool result holds no cache point: one marking any of its parts follows the result.
      for (const part of message.content) withCachePoint(blocks, part)
    } else {
      withParts(message.content ?? [], path, conversion, "message", blocks)
      for (const [j, call] of (role === "assistant" ? (message.tool_calls ?? []) : []).entries()) {
        if (call.provider_metadata?.thought_signature)
          warn(conversion, "tool_calls.thought_signature", `${path}.tool_calls[${j}].provider_metadata`)
        const input = parseToolArguments(call.function.arguments) as DocumentType
        blocks.push({ toolUse: { toolUseId: call.id, name: call.function.name, input } })
        withCachePoint(blocks, call)
      }
    }
    if (blocks.length === 0) continue
    withCachePoint(blocks, message)
    const turn = role === "assistant" ? "assistant" : "user"
    const last = turns[turns.length - 1]
    if (last?.role === turn) last.content!.push(...blocks)
    else turns.push({ role: turn, content: blocks })
  }
  return { system, messages: turns }
}

/** Appends the blocks of a message's parts to `blocks`, each followed by its cache point. */
function withParts(
  content: readonly Content[],
  path: string,
  conversion: Conversion,
  where: "message" | "system prompt",
  blocks: ContentBlock[],
): ContentBlock[] {
  for (const [j, part] of content.entries()) {
    const block = toContentBlock(part, `${path}.content[${j}]`, conversion, where)
    if (block) withCachePoint(blocks, part, block)
  }
  return blocks
}

/** Appends `block` (when given) and the cache point of `holder` (when it has `cache_control`). */
function withCachePoint(blocks: unknown[], holder: object, block?: unknown) {
  if (block) blocks.push(block)
  const cachePoint = cachePointOf(holder)
  if (cachePoint && blocks.length > 0) blocks.push({ cachePoint })
}
