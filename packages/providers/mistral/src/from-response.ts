import type { ChatCompletionResponse } from "@mistralai/mistralai/models/components"
import { type Completion, ProviderResponseError } from "@pl/blueprint"
import { MistralAccumulator } from "./accumulator.js"
import { expectList, expectObject, PROVIDER } from "./conversion.js"
import { field, isRecord } from "./fields.js"

/**
 * A Mistral chat completion (what `client.chat.complete` returns, camelCase, or the wire JSON) as a
 * {@link Completion}: choice 0's message, usage, finish reason, id and model.
 *
 * A response is read as a stream of one chunk whose delta is the whole message, so a streamed answer and the
 * same answer whole give equal completions by construction.
 *
 * @example
 * const completion = mistral.fromResponse(await client.chat.complete(request))
 * completion.message.content // [{ type: "text", text: "..." }]
 */
export function fromResponse(response: ChatCompletionResponse | Record<string, unknown>): Completion {
  const choices = expectList(expectObject(response, "response").choices, "response choices")
  if (choices.length === 0) throw new ProviderResponseError(PROVIDER, "a response without choices")
  const accumulator = new MistralAccumulator()
  accumulator.push({ ...response, choices: choices.map(asStreamChoice) })
  return accumulator.result()
}

/** A response choice as a stream choice: its message as the delta, its tool calls (whole) numbered apart. */
function asStreamChoice(choice: unknown): Record<string, unknown> {
  const { message: raw, ...rest } = expectObject(choice, "choice")
  if (raw == null) return rest
  const message = expectObject(raw, "message")
  const calls = field(message, "toolCalls", "tool_calls")
  if (!Array.isArray(calls)) return { ...rest, delta: message }
  const numbered = calls.map((call: unknown, index) => (isRecord(call) ? { ...call, index } : call))
  return { ...rest, delta: { ...message, toolCalls: numbered } }
}
