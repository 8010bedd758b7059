import type {
  ContentBlockParam,
  MessageCreateParams,
  MessageParam,
  TextBlockParam,
  ToolResultBlockParam,
} from "@anthropic-ai/sdk/resources/messages"
import type { ChatTemplate, Content, Message, PromptBlueprint, ToolCall } from "@pl/blueprint"
import { PROVIDER } from "./context.js"
import { cacheControl, fromBlock, fromToolUse } from "./convert-content.js"
import { fromToolChoice, fromTools } from "./convert-tools.js"
import { fromParameters } from "./parameters.js"

/**
 * An Anthropic Messages API request (e.g. one written by hand) → a blueprint. The top-level `system`
 * becomes one system message, a user turn of `tool_result` blocks becomes one tool message per result,
 * and parameters keep Anthropic's names (`max_tokens`, `stop_sequences`, ...).
 *
 * @example
 * const blueprint = anthropic.fromRequest({ model: "claude-sonnet-5-5", max_tokens: 1024, messages: [{ role: "user", content: "Hi" }] })
 */
export function fromRequest(request: MessageCreateParams): PromptBlueprint {
  const messages: Message[] = []
  if (request.system !== undefined) messages.push({ role: "system", content: fromTextBlocks(request.system) })
  for (const message of request.messages) messages.push(...fromMessage(message))
  const template: ChatTemplate = { type: "chat", messages }
  if (request.tools) template.tools = fromTools(request.tools)
  const parameters = fromParameters(request)
  if (request.tool_choice) {
    const { tool_choice, parallel_tool_calls } = fromToolChoice(request.tool_choice)
    template.tool_choice = tool_choice
    if (parallel_tool_calls === false) parameters.parallel_tool_calls = false
  }
  return {
    prompt_template: template,
    metadata: { model: { provider: PROVIDER, name: request.model, parameters } },
  }
}

function fromTextBlocks(content: string | readonly TextBlockParam[]): Content[] {
  return typeof content === "string" ? [{ type: "text", text: content }] : content.map(fromBlock)
}

function fromMessage(message: MessageParam): Message[] {
  const blocks: readonly ContentBlockParam[] =
    typeof message.content === "string" ? [{ type: "text", text: message.content }] : message.content
  if (message.role === "system") return [{ role: "system", content: blocks.map(fromBlock) }]
  if (message.role === "assistant") {
    const content: Content[] = []
    const toolCalls: ToolCall[] = []
    for (const block of blocks) {
      if (block.type === "tool_use") toolCalls.push(fromToolUse(block))
      else content.push(fromBlock(block))
    }
    return [{ role: "assistant", content, ...(toolCalls.length > 0 && { tool_calls: toolCalls }) }]
  }
  // A user turn: each tool result is a tool message; the blocks between them are user messages.
  const out: Message[] = []
  let user: Content[] | undefined
  for (const block of blocks) {
    if (block.type === "tool_result") {
      user = undefined
      out.push(fromToolResult(block))
    } else if (user) user.push(fromBlock(block))
    else {
      user = [fromBlock(block)]
      out.push({ role: "user", content: user })
    }
  }
  return out
}

function fromToolResult(block: ToolResultBlockParam): Message {
  const { content } = block
  return {
    role: "tool",
    tool_call_id: block.tool_use_id,
    content:
      typeof content === "string"
        ? [{ type: "text", text: content }]
        : (content ?? []).map((part) => fromBlock(part as ContentBlockParam)),
    ...(block.is_error !== undefined && { is_error: block.is_error }),
    ...cacheControl(block),
  }
}
