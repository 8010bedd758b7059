import type { GenerateContentResponse } from "@google/genai"
import type { Completion } from "@pl/blueprint"
import { GoogleAccumulator } from "./accumulator.js"

/**
 * A `generateContent` response (the SDK's `GenerateContentResponse`, or the wire JSON) → a
 * {@link Completion}: candidate 0's parts as the assistant message, `usageMetadata` as usage, its
 * `finishReason`, `responseId` as id and `modelVersion` as model. The parts are folded exactly as a stream's
 * chunks are (see `GoogleAccumulator`), so a response and the stream of the same answer convert alike.
 *
 * @example
 * const completion = google.fromResponse(await ai.models.generateContent(request))
 */
export function fromResponse(response: GenerateContentResponse): Completion {
  const accumulator = new GoogleAccumulator()
  accumulator.push(response)
  return accumulator.result()
}
