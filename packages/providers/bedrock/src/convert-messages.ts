import type {
  Message as BedrockMessage,
  ContentBlock,
  SystemContentBlock,
} from "@aws-sdk/client-bedrock-runtime"
import { type Content, type Message, parseToolArguments, type ToolCall } from "@pl/blueprint"
import { type Conversion, type DocumentType, unsupported, warn } from "./conversion.js"
import { cachePointOf, toContentBlock, toToolResultBlock } from "./convert-content.js"

/** Blueprint messages as Converse's `system` blocks and alternating user/assistant turns. */
export interface ConvertedMessages {
  system: SystemContentBlock[]
  messages: BedrockMessage[]
  /** Whether a turn holds a `toolUse` or `toolResult` block (Bedrock then requires `toolConfig`). */
  hasToolBlocks: boolean
}

/**
 * Converts the messages:
 * - `system` and `developer` messages become the top-level `system` blocks (text only), wherever they stand;
 * - `user`, `assistant` and `tool` messages become turns, a tool message a `toolResult` block in a user turn;
 * - consecutive turns of one role merge into one (Converse wants user and assistant to alternate), so tool
 *   results that answer parallel calls share one user turn;
 * - a message left with no block at all is not sent.
 */
export function convertMessages(
  messages: readonly Message[],
  pathOf: (index: number) => string,
  conversion: Conversion,
): ConvertedMessages {
  const out: ConvertedMessages = { system: [], messages: [], hasToolBlocks: false }
  for (const [i, message] of messages.entries()) {
    const path = pathOf(i)
    if (typeof message.name === "string" && message.role !== "function" && message.role !== "placeholder")
      warn(conversion, "message.name", `${path}.name`, "Bedrock messages have no name; not sent")
    switch (message.role) {
      case "system":
      case "developer":
        addSystem(out.system, message, path, conversion)
        break
      case "user":
        addTurn(out, "user", partsToBlocks(message.content, path, conversion), message)
        break
      case "assistant": {
        if (message.function_call)
          unsupported(
            "function_call",
            `${path}.function_call`,
            "Bedrock has no legacy function calls; use tool_calls",
          )
        const blocks = partsToBlocks(message.content ?? [], path, conversion)
        for (const [j, call] of (message.tool_calls ?? []).entries())
          addToolUse(blocks, call, `${path}.tool_calls[${j}]`, conversion)
        addTurn(out, "assistant", blocks, message)
        break
      }
      case "tool": {
        const content = []
        for (const [j, part] of message.content.entries()) {
          const block = toToolResultBlock(part, `${path}.content[${j}]`, conversion)
          if (block) content.push(block)
        }
        // `is_error` (Anthropic's field, kept on the loose tool message) is Bedrock's `status: "error"`.
        const status = message.is_error === true ? ({ status: "error" } as const) : {}
        addTurn(
          out,
          "user",
          [{ toolResult: { toolUseId: message.tool_call_id, content, ...status } }],
          message,
        )
        out.hasToolBlocks = true
        break
      }
      case "function":
        unsupported(
          "messages.function",
          path,
          "a legacy function result has no call id, which Bedrock requires; use a tool message with tool_call_id",
        )
        break
      case "placeholder":
        unsupported(
          "messages.placeholder",
          path,
          `the placeholder "${message.name}" must be rendered first (@pl/templating renderTemplate)`,
        )
    }
  }
  return out
}

function addSystem(
  system: SystemContentBlock[],
  message: { content: readonly Content[] },
  path: string,
  conversion: Conversion,
) {
  const before = system.length
  for (const [j, part] of message.content.entries()) {
    const partPath = `${path}.content[${j}]`
    if (part.type !== "text" || typeof part.text !== "string") {
      warn(
        conversion,
        `content.${part.type}`,
        partPath,
        `a Bedrock system prompt holds text only; ${part.type} dropped`,
      )
      continue
    }
    // The service model's system text is a `NonEmptyString`.
    if (part.text === "") {
      warn(conversion, "content.text", partPath, "Bedrock rejects empty system text; dropped")
      continue
    }
    system.push({ text: part.text })
    const cachePoint = cachePointOf(part)
    if (cachePoint) system.push({ cachePoint })
  }
  const cachePoint = cachePointOf(message)
  if (cachePoint && system.length > before) system.push({ cachePoint })
}

function partsToBlocks(content: readonly Content[], path: string, conversion: Conversion): ContentBlock[] {
  const blocks: ContentBlock[] = []
  for (const [j, part] of content.entries()) {
    const block = toContentBlock(part, `${path}.content[${j}]`, conversion)
    if (!block) continue
    blocks.push(block)
    const cachePoint = cachePointOf(part)
    if (cachePoint) blocks.push({ cachePoint })
  }
  return blocks
}

function addToolUse(blocks: ContentBlock[], call: ToolCall, path: string, conversion: Conversion) {
  if (call.provider_metadata?.thought_signature)
    warn(
      conversion,
      "tool_calls.thought_signature",
      `${path}.provider_metadata.thought_signature`,
      "a Gemini thought signature means nothing to Bedrock; dropped",
    )
  const input = parseToolArguments(call.function.arguments) as DocumentType
  blocks.push({ toolUse: { toolUseId: call.id, name: call.function.name, input } })
  const cachePoint = cachePointOf(call)
  if (cachePoint) blocks.push({ cachePoint })
}

function addTurn(
  out: ConvertedMessages,
  role: "user" | "assistant",
  blocks: ContentBlock[],
  message: object,
) {
  const cachePoint = cachePointOf(message)
  if (cachePoint && blocks.length > 0) blocks.push({ cachePoint })
  if (blocks.length === 0) return
  if (role === "assistant" && blocks.some((block) => block.toolUse)) out.hasToolBlocks = true
  const last = out.messages[out.messages.length - 1]
  if (last?.role === role) last.content!.push(...blocks)
  else out.messages.push({ role, content: blocks })
}
