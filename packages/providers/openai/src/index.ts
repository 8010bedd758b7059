/**
 * @pl/provider-openai: the prompt blueprint to and from OpenAI's Chat Completions (`openai`) and Responses
 * API (`openaiResponses`). Converting is pure; only `send` loads the `openai` SDK.
 */
import type { PromptBlueprint, ProviderAdapter } from "@pl/blueprint"
import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionCreateParams,
} from "openai/resources/chat/completions"
import type {
  Response,
  ResponseCreateParams,
  ResponseStreamEvent,
} from "openai/resources/responses/responses"
import { chatAccumulator } from "./chat/accumulator.js"
import { fromChatRequest } from "./chat/from-request.js"
import { fromChatResponse } from "./chat/from-response.js"
import { toChatRequest } from "./chat/to-request.js"
import { responsesAccumulator } from "./responses/accumulator.js"
import { fromResponsesRequest } from "./responses/from-request.js"
import { fromResponsesResponse } from "./responses/from-response.js"
import { toResponsesRequest } from "./responses/to-request.js"
import { type OpenAISendContext, sendChatCompletion, sendResponse } from "./send.js"

export { CHAT_PARAMETERS } from "./chat/to-request.js"
export { RESPONSES_PARAMETERS } from "./responses/to-request.js"
export type { OpenAISendContext } from "./send.js"
export type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionCreateParams,
  Response,
  ResponseCreateParams,
  ResponseStreamEvent,
}

/** The Chat Completions adapter type. */
export type OpenAIChatAdapter = ProviderAdapter<
  ChatCompletionCreateParams,
  ChatCompletion,
  ChatCompletionChunk,
  OpenAISendContext
>

/** The Responses API adapter type. */
export type OpenAIResponsesAdapter = ProviderAdapter<
  ResponseCreateParams,
  Response,
  ResponseStreamEvent,
  OpenAISendContext
>

/**
 * OpenAI Chat Completions (`POST /chat/completions`), also for Azure OpenAI and OpenAI-compatible servers
 * (DeepSeek, xAI, vLLM, Ollama) through `baseURL` or a `client`.
 *
 * @example
 * const request = openai.toRequest(blueprint, { stream: true })
 * const acc = openai.accumulator()
 * const chunks = (await openai.send(request)) as AsyncIterable<ChatCompletionChunk>
 * for await (const chunk of chunks) render(acc.push(chunk).message)
 */
export const openai = {
  name: "openai",
  toRequest: toChatRequest,
  fromRequest: fromChatRequest,
  fromResponse: fromChatResponse,
  accumulator: chatAccumulator,
  send: sendChatCompletion,
} as const satisfies OpenAIChatAdapter

/**
 * OpenAI Responses API (`POST /responses`): reasoning items with encrypted content, built-in tools (web
 * search, file search, code interpreter, image generation, MCP, shell, apply_patch) and their output items.
 *
 * @example
 * const response = await openaiResponses.send(openaiResponses.toRequest(blueprint))
 * const completion = openaiResponses.fromResponse(response as Response)
 */
export const openaiResponses = {
  name: "openai.responses",
  toRequest: toResponsesRequest,
  fromRequest: fromResponsesRequest,
  fromResponse: fromResponsesResponse,
  accumulator: responsesAccumulator,
  send: sendResponse,
} as const satisfies OpenAIResponsesAdapter

/**
 * The adapter a blueprint asks for: `openaiResponses` when `metadata.model.api_type` is `"responses"`,
 * else `openai` (Chat Completions).
 *
 * @example
 * const adapter = openaiFor(blueprint)
 * const response = await adapter.send(adapter.toRequest(blueprint))
 */
export function openaiFor(blueprint: PromptBlueprint): typeof openai | typeof openaiResponses {
  return blueprint.metadata?.model?.api_type === "responses" ? openaiResponses : openai
}
