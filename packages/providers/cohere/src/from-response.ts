import type { Completion } from "@pl/blueprint"
import { malformed } from "./context.js"
import { finishReason } from "./finish-reason.js"
import { fromCohereAssistant } from "./from-messages.js"
import type { CohereResponse } from "./types.js"
import { toUsage } from "./usage.js"
import { field, isObject, optionalString } from "./wire.js"

/**
 * A v2 chat response → {@link Completion}. Takes what `CohereClientV2.chat` returns (camelCase) and the wire
 * JSON (snake_case). The tool plan is a text part before the calls; citations are `file_citation`
 * annotations on the text they cite. Cohere's response names no model, so `model` is absent.
 *
 * @example
 * const completion = cohere.fromResponse(await client.chat(request))
 * completion.message.content // [{ type: "text", text: "The capital of France is Paris." }]
 */
export function fromResponse(response: CohereResponse): Completion {
  const body: unknown = response
  if (!isObject(body) || !isObject(body.message)) throw malformed("a response needs a message")
  const { content, tool_calls } = fromCohereAssistant(body.message)
  const completion: Completion = { message: { role: "assistant", content } }
  if (tool_calls.length > 0) completion.message.tool_calls = tool_calls
  const usage = toUsage(body.usage)
  if (usage) completion.usage = usage
  Object.assign(completion, finishReason(field(body, "finishReason", "finish_reason")))
  const id = optionalString(body.id)
  if (id !== undefined) completion.id = id
  return completion
}
