import type { ToolCall } from "./tool.js"

/**
 * Joins streamed tool calls: each provider sends a call's id and name once and its JSON arguments as
 * string deltas, keyed by an index (several calls may interleave, several may arrive in one chunk).
 * `calls` is live: it grows in place, so reading it after every chunk costs nothing.
 *
 * @example
 * const joiner = new ToolCallJoiner()
 * joiner.start(0, { id: "call_1", name: "get_weather" })
 * joiner.append(0, '{"city":')
 * joiner.append(0, '"Paris"}')
 * joiner.calls[0].function.arguments // '{"city":"Paris"}'
 */
export class ToolCallJoiner {
  readonly calls: ToolCall[] = []
  readonly #byIndex = new Map<number | string, ToolCall>()

  /** Starts (or updates) the call at `index`; fields already set are not overwritten by empty ones. */
  start(
    index: number | string,
    fields: { id?: string | null; name?: string | null; arguments?: string | null },
  ): ToolCall {
    const call = this.#get(index)
    if (fields.id) call.id = fields.id
    if (fields.name) call.function.name = fields.name
    if (fields.arguments) call.function.arguments += fields.arguments
    return call
  }

  /** Appends an argument delta to the call at `index`, creating it if its start was not seen. */
  append(index: number | string, delta: string | null | undefined): ToolCall {
    const call = this.#get(index)
    if (delta) call.function.arguments += delta
    return call
  }

  /** The call at `index`, if started. */
  get(index: number | string): ToolCall | undefined {
    return this.#byIndex.get(index)
  }

  #get(index: number | string): ToolCall {
    let call = this.#byIndex.get(index)
    if (!call) {
      call = { id: "", type: "function", function: { name: "", arguments: "" } }
      this.#byIndex.set(index, call)
      this.calls.push(call)
    }
    return call
  }
}

/** Thrown when tool-call arguments are not a JSON object. */
export class ToolArgumentsError extends SyntaxError {
  override readonly name = "ToolArgumentsError"
}

/**
 * Parses tool-call arguments into an object, for providers that take them as one (Anthropic, Gemini,
 * Bedrock, Cohere). Empty arguments (a call with no parameters) are `{}`.
 *
 * @throws {ToolArgumentsError} when the text is not a JSON object.
 */
export function parseToolArguments(text: string): Record<string, unknown> {
  if (text.trim() === "") return {}
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw new ToolArgumentsError(`tool-call arguments are not valid JSON: ${(error as Error).message}`)
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new ToolArgumentsError("tool-call arguments must be a JSON object")
  }
  return value as Record<string, unknown>
}

/** The blueprint's string form of arguments a provider gave as an object. */
export function stringifyToolArguments(value: unknown): string {
  return value == null ? "{}" : JSON.stringify(value)
}
