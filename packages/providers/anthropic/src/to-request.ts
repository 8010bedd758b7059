import type {
  ContentBlockParam,
  MessageCreateParams,
  MessageParam,
  TextBlockParam,
  ToolResultBlockParam,
} from "@anthropic-ai/sdk/resources/messages"
import {
  type Message,
  type PromptBlueprint,
  parseToolArguments,
  type ToolCall,
  type ToRequestOptions,
} from "@pl/blueprint"
import { LEGACY, RENDER_FIRST, unsupported, type Warn, warner } from "./context.js"
import { cacheControl, toBlocks } from "./convert-content.js"
import { toToolChoice, toTools } from "./convert-tools.js"
import { toParameters } from "./parameters.js"

/**
 * A blueprint → an Anthropic Messages API request (`client.messages.create(request)`).
 *
 * @example
 * const request = anthropic.toRequest(blueprint, { model: "claude-sonnet-5-5", stream: true })
 */
export function toRequest(blueprint: PromptBlueprint, options: ToRequestOptions = {}): MessageCreateParams {
  const model = options.model ?? blueprint.metadata?.model?.name
  if (!model) throw unsupported("model", "metadata.model.name", "no model: set it in metadata or options")
  const warn = warner(options)
  const template = blueprint.prompt_template
  // A completion template is one user message.
  const chat = template.type === "chat" ? template : undefined
  const { system, messages } = toMessages(
    chat?.messages ?? [{ role: "user", content: template.type === "completion" ? template.content : [] }],
    warn,
  )
  const parameters = toParameters(
    blueprint.metadata?.model?.parameters,
    options.parameters,
    warn,
    options.onWarning,
  )
  const request: MessageCreateParams = { model, messages, ...parameters.fields }
  if (system.length > 0) request.system = system
  const tools = toTools(chat?.tools, chat?.functions, warn)
  if (tools) request.tools = tools
  // The legacy `function_call` setting shares `auto` and `none`; a named one is dropped with a warning.
  const choice = parameters.toolChoice ?? chat?.tool_choice ?? chat?.function_call
  const toolChoice = toToolChoice(choice, parameters.parallelToolCalls, warn)
  if (toolChoice) request.tool_choice = toolChoice
  if (options.stream) request.stream = true
  return request
}

/**
 * Messages → the top-level `system` and the turns. Leading system and developer messages form `system`;
 * a later one stays in place as a `system` turn (Anthropic's mid-conversation system message). Tool
 * results become `tool_result` blocks, and consecutive ones share one user turn, as Anthropic requires
 * for parallel calls.
 */
function toMessages(
  messages: readonly Message[],
  warn: Warn,
): { system: TextBlockParam[]; messages: MessageParam[] } {
  const system: TextBlockParam[] = []
  const out: MessageParam[] = []
  let toolTurn: ToolResultBlockParam[] | undefined
  for (const [i, message] of messages.entries()) {
    const path = `prompt_template.messages[${i}]`
    const { role } = message
    if (role === "function") throw unsupported("message.function", path, LEGACY)
    if (role === "placeholder") throw unsupported("message.placeholder", path, RENDER_FIRST)
    if (typeof message.name === "string") warn("message.name", `${path}.name`, "not sent: no such field")
    if (role === "tool") {
      const content = toBlocks(message.content, "tool", path, warn) as ToolResultBlockParam["content"] &
        object[]
      const result: ToolResultBlockParam = {
        type: "tool_result",
        tool_use_id: message.tool_call_id,
        ...(content.length > 0 && { content }),
        ...(typeof message.is_error === "boolean" && { is_error: message.is_error }),
        ...cacheControl(message),
      }
      if (toolTurn) toolTurn.push(result)
      else {
        toolTurn = [result]
        out.push({ role: "user", content: toolTurn })
      }
      continue
    }
    const turn = role === "developer" ? "system" : role
    const blocks = toBlocks(message.content ?? [], turn, path, warn)
    if (role === "assistant") {
      if (message.function_call) throw unsupported("function_call", `${path}.function_call`, LEGACY)
      for (const [j, call] of (message.tool_calls ?? []).entries())
        blocks.push(toToolUse(call, `${path}.tool_calls[${j}]`, warn))
    }
    withMessageCacheControl(blocks, message)
    if (turn === "system" && out.length === 0) system.push(...(blocks as TextBlockParam[]))
    else if (blocks.length > 0) {
      out.push({ role: turn, content: blocks } as MessageParam)
      // Only a turn actually sent ends a run of tool results: a message with nothing to send does not.
      toolTurn = undefined
    }
  }
  return { system, messages: out }
}

function toToolUse(call: ToolCall, path: string, warn: Warn): ContentBlockParam {
  if (call.provider_metadata?.thought_signature)
    warn("tool_calls.provider_metadata", path, "not sent: Gemini only")
  return {
    type: "tool_use",
    id: call.id,
    name: call.function.name,
    input: parseToolArguments(call.function.arguments),
  }
}

/** Anthropic has no message-level `cache_control`: a message's goes on its last block that takes one. */
function withMessageCacheControl(blocks: ContentBlockParam[], message: Message) {
  const control = cacheControl(message)
  const last = blocks.findLast((block) => block.type !== "thinking" && block.type !== "redacted_thinking")
  if (control.cache_control && last && !("cache_control" in last)) Object.assign(last, control)
}
