/**
 * Gemini function calls may come without an `id` (the Gemini API leaves it out for most models), but a
 * blueprint tool call needs one to pair it with its result. Such calls get a generated id, stable for the
 * same input so that a replayed conversation converts to the same blueprint:
 *
 * - from a response: `gemini_call_<responseId>_<n>`, `n` counting the calls of that response from 0;
 * - from a request (`fromRequest`): `gemini_call_<content index>_<part index>`.
 *
 * Generated ids are never sent to Gemini: `toRequest` leaves them out of the function call and of the
 * function response that answers it, which is how the call looked when Gemini produced it.
 */
/**
 * How every generated call id starts (see above).
 *
 * @example
 * call.id.startsWith(GENERATED_CALL_ID_PREFIX) // true: Gemini gave this call no id
 */
export const GENERATED_CALL_ID_PREFIX = "gemini_call_"

export function responseCallId(responseId: string | undefined, n: number): string {
  return `${GENERATED_CALL_ID_PREFIX}${responseId ? `${responseId}_` : ""}${n}`
}

export function requestCallId(contentIndex: number, partIndex: number): string {
  return `${GENERATED_CALL_ID_PREFIX}${contentIndex}_${partIndex}`
}

export function isGeneratedCallId(id: string): boolean {
  return id.startsWith(GENERATED_CALL_ID_PREFIX)
}
