/**
 * @pl/provider-mistral: the prompt blueprint ↔ Mistral chat completions (`@mistralai/mistralai`).
 * Converting is pure and loads no SDK; only `send` does.
 */

import type { ChatCompletionResponse, CompletionEvent } from "@mistralai/mistralai/models/components"
import type { ProviderAdapter } from "@pl/blueprint"
import { MistralAccumulator } from "./accumulator.js"
import { fromRequest } from "./from-request.js"
import { fromResponse } from "./from-response.js"
import { type MistralSendContext, send } from "./send.js"
import { type MistralRequest, toRequest } from "./to-request.js"

export type { MistralStreamChunk } from "./accumulator.js"
export { MistralAccumulator } from "./accumulator.js"
export { MISTRAL_FINISH_REASONS } from "./finish-reason.js"
export { NATIVE_PARAMETERS } from "./parameters.js"
export type { MistralSendContext } from "./send.js"
export type { MistralRequest } from "./to-request.js"
export type { ChatCompletionResponse as MistralResponse, CompletionEvent as MistralStreamEvent }
/** The converters on their own, for bundles that only convert (tree-shaken apart from the adapter object). */
export { fromRequest, fromResponse, toRequest }

/**
 * The Mistral chat-completions adapter: `toRequest` / `fromRequest` between a blueprint and the SDK's
 * `ChatCompletionRequest`, `fromResponse` and `accumulator()` for answers, `send` through the official SDK.
 *
 * @example
 * import { mistral } from "@pl/provider-mistral"
 * const request = mistral.toRequest(blueprint, { stream: true })
 * const acc = mistral.accumulator()
 * for await (const event of await mistral.send(request)) process.stdout.write(JSON.stringify(acc.push(event).message))
 */
export const mistral: ProviderAdapter<
  MistralRequest,
  ChatCompletionResponse,
  CompletionEvent,
  MistralSendContext
> = {
  name: "mistral",
  toRequest,
  fromRequest,
  fromResponse,
  accumulator: () => new MistralAccumulator(),
  send,
}
