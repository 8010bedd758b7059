/**
 * @pl/provider-cohere: the prompt blueprint ↔ Cohere's v2 chat API (`cohere-ai`). Conversion is pure;
 * only `send` loads the SDK.
 */
import type { ProviderAdapter } from "@pl/blueprint"
import { accumulator } from "./accumulator.js"
import { fromRequest } from "./from-request.js"
import { fromResponse } from "./from-response.js"
import { type CohereSendContext, send } from "./send.js"
import { toRequest } from "./to-request.js"
import type { CohereChunk, CohereRequest, CohereResponse } from "./types.js"

/** The adapter's type. */
export type CohereAdapter = ProviderAdapter<CohereRequest, CohereResponse, CohereChunk, CohereSendContext>

/**
 * The Cohere v2 chat adapter.
 *
 * @example
 * import { cohere } from "@pl/provider-cohere"
 * const request = cohere.toRequest(blueprint, { stream: true })
 * const acc = cohere.accumulator()
 * for await (const event of (await cohere.send(request)) as AsyncIterable<CohereChunk>) acc.push(event)
 * console.log(acc.result().message.content)
 */
export const cohere: CohereAdapter = {
  name: "cohere",
  toRequest,
  fromRequest,
  fromResponse,
  accumulator,
  send,
}

export { isStreamingRequest } from "@pl/blueprint"
export { COHERE_FINISH_REASONS } from "./finish-reason.js"
export { COHERE_NATIVE_PARAMETERS } from "./parameters.js"
export type { CohereSendContext } from "./send.js"
export type { CohereChunk, CohereRequest, CohereResponse } from "./types.js"
/** The converters on their own, for bundles that only convert (tree-shaken apart from the adapter object). */
export { fromRequest, fromResponse, toRequest }
