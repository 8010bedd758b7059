import { type Completion, ProviderResponseError, stringifyToolArguments, type ToolCall } from "@pl/blueprint"
import type { ChatCompletionResponse } from "@mistralai/mistralai/models/components"
import { ContentBuilder } from "./content-builder.js"
import { field, isRecord, stringOf, toolCallIdOf } from "./fields.js"
import { mistralFinishReason } from "./finish-reason.js"
import { readUsage } from "./usage.js"

const PROVIDER = "mistral"

/**
 * A Mistral chat completion (what `client.chat.complete` returns, camelCase, or the wire JSON) as a
 * {@link Completion}: choice 0's message, usage, finish reason, id and model. Content is built the way the
 * accumulator builds it from a stream, so a streamed answer equals the same answer whole.
 *
 * @example
 * const completion = mistral.fromResponse(await client.chat.complete(request))
 * completion.message.content // [{ type: "text", text: "..." }]
 */
export function fromResponse(response: ChatCompletionResponse | Record<string, unknown>): Completion {
  if (!isRecord(response)) throw new ProviderResponseError(PROVIDER, "a response must be a JSON object")
  const choices = response.choices
  if (!Array.isArray(choices)) throw new ProviderResponseError(PROVIDER, "a response must have a list of choices")
  const choice = choices.find((c) => isRecord(c) && (c.index ?? 0) === 0) ?? choices[0]
  if (!isRecord(choice)) throw new ProviderResponseError(PROVIDER, "a response must have at least one choice")
  const message = choice.message ?? {}
  if (!isRecord(message)) throw new ProviderResponseError(PROVIDER, "a choice's message must be an object")

  const content = new ContentBuilder()
  content.add(message.content)
  const completion: Completion = { message: { role: "assistant", content: content.parts } }
  const calls = field(message, "toolCalls", "tool_calls")
  if (Array.isArray(calls) && calls.length > 0) completion.message.tool_calls = calls.map(readToolCall)

  const usage = readUsage(response.usage)
  if (usage) completion.usage = usage
  Object.assign(completion, mistralFinishReason(field(choice, "finishReason", "finish_reason")))
  const id = stringOf(response.id)
  if (id) completion.id = id
  const model = stringOf(response.model)
  if (model) completion.model = model
  return completion
}

function readToolCall(call: unknown): ToolCall {
  if (!isRecord(call) || !isRecord(call.function))
    throw new ProviderResponseError(PROVIDER, "a tool call must be an object with a function")
  const args = call.function.arguments
  return {
    id: toolCallIdOf(call.id) ?? "",
    type: "function",
    function: {
      name: typeof call.function.name === "string" ? call.function.name : "",
      arguments: typeof args === "string" ? args : stringifyToolArguments(args),
    },
  }
}
