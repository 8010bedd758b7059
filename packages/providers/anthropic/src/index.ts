/**
 * @pl/provider-anthropic: the prompt blueprint ↔ Anthropic's Messages API. Converting is pure and loads
 * no SDK; only `send` loads `@anthropic-ai/sdk`.
 */
import type {
  Message,
  MessageCreateParams,
  RawMessageStreamEvent,
} from "@anthropic-ai/sdk/resources/messages"
import type { ProviderAdapter } from "@pl/blueprint"
import { accumulator } from "./accumulator.js"
import { PROVIDER } from "./context.js"
import { fromRequest } from "./from-request.js"
import { fromResponse } from "./from-response.js"
import { type AnthropicSendContext, send } from "./send.js"
import { toRequest } from "./to-request.js"

/**
 * The Anthropic Messages API adapter.
 *
 * @example
 * import { anthropic } from "@pl/provider-anthropic"
 * const request = anthropic.toRequest(blueprint, { stream: true })
 * const acc = anthropic.accumulator()
 * for await (const event of await anthropic.send(request)) acc.push(event)
 * console.log(acc.result().message.content)
 */
export const anthropic: ProviderAdapter<
  MessageCreateParams,
  Message,
  RawMessageStreamEvent,
  AnthropicSendContext
> = {
  name: PROVIDER,
  toRequest,
  fromRequest,
  fromResponse,
  accumulator,
  send,
}

export { WEB_SEARCH_TOOL } from "./convert-tools.js"
export { FINISH_REASONS } from "./finish-reason.js"
export { DEFAULT_MAX_TOKENS, NATIVE_PARAMETERS, RESPONSE_FORMAT_NAME } from "./parameters.js"
export type { AnthropicSendContext } from "./send.js"
export type {
  Message as AnthropicResponse,
  MessageCreateParams as AnthropicRequest,
  RawMessageStreamEvent as AnthropicStreamEvent,
}
/** The converters on their own, for bundles that only convert (tree-shaken apart from the adapter object). */
export { fromRequest, fromResponse, toRequest }
