/**
 * @pl/provider-bedrock: the prompt blueprint ⇄ Amazon Bedrock Converse and ConverseStream. Conversion is
 * pure; only `send` loads `@aws-sdk/client-bedrock-runtime`, when it sends.
 */
import type { ProviderAdapter } from "@pl/blueprint"
import { accumulator, type BedrockStreamEvent } from "./accumulator.js"
import { fromRequest } from "./from-request.js"
import { type BedrockResponse, fromResponse } from "./from-response.js"
import { type BedrockSendContext, send } from "./send.js"
import { type BedrockRequest, toRequest } from "./to-request.js"

export { isStreamingRequest } from "@pl/blueprint"
export type { BedrockStreamEvent } from "./accumulator.js"
export { BEDROCK_FINISH_REASONS } from "./finish-reason.js"
export type { BedrockResponse } from "./from-response.js"
export { MODEL_FIELDS, REQUEST_FIELDS } from "./parameters.js"
export type { BedrockSendContext } from "./send.js"
export type { BedrockRequest } from "./to-request.js"
export { type BedrockTokenUsage, toUsage } from "./usage.js"
/** The converters on their own, for bundles that only convert (tree-shaken apart from the adapter object). */
export { fromRequest, fromResponse, toRequest }

/**
 * The Amazon Bedrock adapter (Converse and ConverseStream), named `amazon.bedrock` like PromptLayer's provider.
 *
 * @example
 * import { bedrock } from "@pl/provider-bedrock"
 *
 * const request = bedrock.toRequest(blueprint, { stream: true })
 * const acc = bedrock.accumulator()
 * for await (const event of (await bedrock.send(request, { region: "us-east-1" })) as AsyncIterable<BedrockStreamEvent>)
 *   process.stdout.write(JSON.stringify(acc.push(event).message.content))
 */
export const bedrock: ProviderAdapter<
  BedrockRequest,
  BedrockResponse,
  BedrockStreamEvent,
  BedrockSendContext
> = {
  name: "amazon.bedrock",
  toRequest,
  fromRequest,
  fromResponse,
  accumulator,
  send,
}
