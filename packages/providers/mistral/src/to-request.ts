import type {
  ChatCompletionRequest,
  ChatCompletionRequestMessage,
  ChatCompletionRequestToolChoice,
  ChatCompletionStreamRequest,
} from "@mistralai/mistralai/models/components"
import type { AssistantMessage, Message, PromptBlueprint, ToolMessage, ToRequestOptions } from "@pl/blueprint"
import { RENDER_FIRST, unsupported, type Warn, warner } from "./conversion.js"
import { toMistralContent, toSystemContent } from "./convert-content.js"
import { toMistralToolChoice, toMistralTools } from "./convert-tools.js"
import { definedOnly } from "./fields.js"
import { toMistralParameters } from "./parameters.js"

/** What `client.chat.complete` (or, with `stream: true`, `client.chat.stream`) takes. */
export type MistralRequest = ChatCompletionRequest | ChatCompletionStreamRequest

type MistralAssistantMessage = Extract<ChatCompletionRequestMessage, { role: "assistant" }>

/**
 * A blueprint → a Mistral chat-completion request, in the SDK's (camelCase) form.
 *
 * - model: `options.model ?? metadata.model.name`;
 * - `system` and `developer` messages → `system`; `tool` → `tool` with `toolCallId` and `name` (the called
 *   function's name when the message has none); legacy `function` results → `tool` with `name` only;
 * - the last message, when it is the assistant's, is sent with `prefix: true` (Mistral accepts a conversation
 *   ending with the assistant only as a prefix the answer continues); `prefix: true | false` on an assistant
 *   message sets the flag explicitly;
 * - a completion template is sent as one user message.
 *
 * @example
 * const request = mistral.toRequest(blueprint, { stream: true, parameters: { temperature: 0.2 } })
 */
export function toRequest(blueprint: PromptBlueprint, options: ToRequestOptions = {}): MistralRequest {
  const warn = warner(options.onWarning)
  const model = options.model ?? blueprint.metadata?.model?.name
  if (!model) throw unsupported("model", "metadata.model.name", "set metadata.model.name or options.model")
  const { fields, toolChoice } = toMistralParameters(
    blueprint.metadata?.model?.parameters,
    options.parameters,
    options.onWarning,
    warn,
  )
  const request: ChatCompletionRequest = { model, messages: [], ...fields }
  const template = blueprint.prompt_template
  if (template.type === "completion") {
    request.messages = [
      { role: "user", content: toMistralContent(template.content, "prompt_template.content", warn) },
    ]
  } else {
    request.messages = toMistralMessages(template.messages, warn)
    const tools = toMistralTools(template.tools, template.functions, warn)
    if (tools) request.tools = tools
    const choice = chooseTool(toolChoice, template.tool_choice, template.function_call, warn)
    if (choice !== undefined) request.toolChoice = choice
  }
  if (options.stream) request.stream = true
  return request
}

/** Parameters override the template's `tool_choice`, which overrides the legacy `function_call`. */
function chooseTool(
  parameter: unknown,
  templateChoice: unknown,
  functionCall: unknown,
  warn: Warn,
): ChatCompletionRequestToolChoice | undefined {
  if (parameter != null) return toMistralToolChoice(parameter, "metadata.model.parameters.tool_choice", warn)
  if (templateChoice != null) return toMistralToolChoice(templateChoice, "prompt_template.tool_choice", warn)
  if (functionCall != null) return toMistralToolChoice(functionCall, "prompt_template.function_call", warn)
  return undefined
}

function toMistralMessages(messages: readonly Message[], warn: Warn): ChatCompletionRequestMessage[] {
  const out: ChatCompletionRequestMessage[] = []
  // Tool results name the function they answer; Mistral's tool messages carry that name.
  const calledNames = new Map<string, string>()
  const last = messages.length - 1
  for (const [i, message] of messages.entries()) {
    const path = `prompt_template.messages[${i}]`
    switch (message.role) {
      case "system":
      case "developer":
        warnName(message, path, warn)
        out.push({ role: "system", content: toSystemContent(message.content, `${path}.content`, warn) })
        break
      case "user":
        warnName(message, path, warn)
        out.push({ role: "user", content: toMistralContent(message.content, `${path}.content`, warn) })
        break
      case "assistant":
        warnName(message, path, warn)
        out.push(toAssistantMessage(message, path, i === last, calledNames, warn))
        break
      case "tool":
        out.push(toToolMessage(message, path, calledNames, warn))
        break
      case "function":
        out.push({
          role: "tool",
          content: toMistralContent(message.content, `${path}.content`, warn),
          name: message.name,
        })
        break
      case "placeholder":
        throw unsupported(
          "message.placeholder",
          path,
          `${RENDER_FIRST} to expand the placeholder ${message.name}`,
        )
    }
  }
  return out
}

function toAssistantMessage(
  message: AssistantMessage,
  path: string,
  isLast: boolean,
  calledNames: Map<string, string>,
  warn: Warn,
): MistralAssistantMessage {
  const out: MistralAssistantMessage = { role: "assistant" }
  if (message.content?.length) out.content = toMistralContent(message.content, `${path}.content`, warn)
  if (message.function_call != null)
    throw unsupported(
      "message.function_call",
      `${path}.function_call`,
      "no legacy function calls: write it as a tool call",
    )
  if (message.tool_calls != null) {
    out.toolCalls = message.tool_calls.map((call, j) => {
      if (call.provider_metadata?.thought_signature != null)
        warn("tool_calls.thought_signature", `${path}.tool_calls[${j}]`, "not sent: Gemini only")
      calledNames.set(call.id, call.function.name)
      return {
        id: call.id,
        type: "function",
        function: { name: call.function.name, arguments: call.function.arguments },
      }
    })
  }
  if (message.prefix === true || (isLast && message.prefix !== false)) out.prefix = true
  return out
}

function toToolMessage(
  message: ToolMessage,
  path: string,
  calledNames: ReadonlyMap<string, string>,
  warn: Warn,
): ChatCompletionRequestMessage {
  const name = message.name ?? calledNames.get(message.tool_call_id)
  return definedOnly({
    role: "tool" as const,
    content: toMistralContent(message.content, `${path}.content`, warn),
    toolCallId: message.tool_call_id,
    name,
  })
}

function warnName(message: { name?: string | null | undefined }, path: string, warn: Warn): void {
  if (message.name != null) warn("message.name", `${path}.name`, "not sent: only tool messages carry a name")
}
