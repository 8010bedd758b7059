/**
 * @pl/provider-google: the prompt blueprint to and from Google's `generateContent` (Gemini API and Vertex
 * AI), through `@google/genai`, which is loaded only when sending.
 */
import type { GenerateContentParameters, GenerateContentResponse } from "@google/genai"
import type { ProviderAdapter } from "@pl/blueprint"
import { GoogleAccumulator } from "./accumulator.js"
import { fromRequest } from "./from-request.js"
import { fromResponse } from "./from-response.js"
import { type GoogleSendContext, send } from "./send.js"
import { toRequest } from "./to-request.js"

/**
 * The Google adapter: blueprints to `GenerateContentParameters` and back, responses and stream chunks to
 * completions, and `send` through `@google/genai` (Gemini API by default, Vertex AI with `vertexai`).
 *
 * @example
 * import { google } from "@pl/provider-google"
 * const request = google.toRequest(blueprint, { stream: true })
 * const acc = google.accumulator()
 * for await (const chunk of await google.send(request)) render(acc.push(chunk).message)
 */
export const google: ProviderAdapter<
  GenerateContentParameters,
  GenerateContentResponse,
  GenerateContentResponse,
  GoogleSendContext
> = {
  name: "google",
  toRequest,
  fromRequest,
  fromResponse,
  accumulator: () => new GoogleAccumulator(),
  send,
}

export { isStreamingRequest } from "@pl/blueprint"
export { GoogleAccumulator } from "./accumulator.js"
export { GENERATED_CALL_ID_PREFIX } from "./call-ids.js"
export { CODE_EXECUTION_RESULT, type CodeExecutionResultContent } from "./convert-content.js"
export { FINISH_REASONS } from "./finish-reason.js"
export { NATIVE_PARAMETERS } from "./parameters.js"
export { PartialArguments } from "./partial-args.js"
export type { GoogleSendContext } from "./send.js"
export { fromRequest, fromResponse, send, toRequest }
