import type {
  ChatCompletionRequestMessage,
  ToolCall as MistralToolCall,
} from "@mistralai/mistralai/models/components"
import type { ChatTemplate, Message, PromptBlueprint, ToolCall } from "@pl/blueprint"
import { PROVIDER } from "./conversion.js"
import { fromMistralToolChoice, fromMistralTools } from "./convert-tools.js"
import { toolCallIdOf } from "./fields.js"
import { fromMistralParameters } from "./parameters.js"
import { readContent } from "./read-content.js"
import type { MistralRequest } from "./to-request.js"

/**
 * A Mistral chat-completion request (SDK form) → a blueprint, the inverse of `toRequest` up to the
 * normalisations in the README: string content becomes one text part; `tool_choice: "any"` reads as
 * `required`; `random_seed` as `seed`; a tool message without `toolCallId` reads as a legacy `function`
 * result; `prefix: true` stays on its assistant message (and a last assistant message sent without it gets
 * `prefix: false`, so converting back does not add it); `stream` is not part of a prompt and is dropped.
 *
 * @example
 * const blueprint = mistral.fromRequest({ model: "mistral-small-latest", messages: [{ role: "user", content: "Hi" }] })
 */
export function fromRequest(request: MistralRequest): PromptBlueprint {
  const last = request.messages.length - 1
  const template: ChatTemplate = {
    type: "chat",
    messages: request.messages.map((message, i) => fromMistralMessage(message, i === last)),
  }
  if (request.tools != null) template.tools = fromMistralTools(request.tools)
  if (request.toolChoice !== undefined) {
    const choice = fromMistralToolChoice(request.toolChoice)
    if (choice !== undefined) template.tool_choice = choice
  }
  const parameters = fromMistralParameters(request)
  return {
    prompt_template: template,
    metadata: {
      model: {
        provider: PROVIDER,
        name: request.model,
        ...(Object.keys(parameters).length > 0 && { parameters }),
      },
    },
  }
}

function fromMistralMessage(message: ChatCompletionRequestMessage, isLast: boolean): Message {
  switch (message.role) {
    case "system":
      return { role: "system", content: readContent(message.content) }
    case "user":
      return { role: "user", content: readContent(message.content) }
    case "assistant": {
      const out: Message = { role: "assistant", content: readContent(message.content) }
      if (message.toolCalls != null) out.tool_calls = message.toolCalls.map(fromMistralToolCall)
      if (message.prefix) out.prefix = true
      else if (isLast) out.prefix = false
      return out
    }
    case "tool": {
      const content = readContent(message.content)
      const name = message.name ?? undefined
      if (message.toolCallId == null && name !== undefined) return { role: "function", content, name }
      return {
        role: "tool",
        content,
        tool_call_id: message.toolCallId ?? "",
        ...(name !== undefined && { name }),
      }
    }
  }
}

function fromMistralToolCall(call: MistralToolCall): ToolCall {
  const args = call.function.arguments
  return {
    id: toolCallIdOf(call.id) ?? "",
    type: "function",
    function: { name: call.function.name, arguments: typeof args === "string" ? args : JSON.stringify(args) },
  }
}
