/**
 * The only file that touches the `openai` SDK: loaded with `import()` when a request is sent, so
 * converting never loads it.
 */
import type { SendContext } from "@pl/blueprint"
import type OpenAI from "openai"
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

/**
 * What `send` needs besides the request.
 *
 * @example
 * // Azure OpenAI through the SDK's own client:
 * import { AzureOpenAI } from "openai"
 * await openai.send(request, { client: new AzureOpenAI({ endpoint, apiVersion: "2024-10-21", deployment }) })
 * // An OpenAI-compatible server:
 * await openai.send(request, { baseURL: "http://localhost:11434/v1", apiKey: "ollama" })
 */
export interface OpenAISendContext extends SendContext {
  /** A client to use as is (e.g. `AzureOpenAI`); the other connection options are then ignored. */
  client?: OpenAI
  /** The SDK retries 429s and 5xx twice by default; set 0 when the caller retries itself. */
  maxRetries?: number
}

/** Sends a Chat Completions request: the completion, or the SDK's chunk stream when `stream` is set. */
export async function sendChatCompletion(
  request: ChatCompletionCreateParams,
  context: OpenAISendContext = {},
): Promise<ChatCompletion | AsyncIterable<ChatCompletionChunk>> {
  const client = await clientFor(context)
  return client.chat.completions.create(request, requestOptions(context))
}

/** Sends a Responses API request: the response, or the SDK's event stream when `stream` is set. */
export async function sendResponse(
  request: ResponseCreateParams,
  context: OpenAISendContext = {},
): Promise<Response | AsyncIterable<ResponseStreamEvent>> {
  const client = await clientFor(context)
  return client.responses.create(request, requestOptions(context))
}

/**
 * The SDK, imported on the first send. A client is built per send: it is a thin layer over the global
 * `fetch` (whose connection pool all clients share), so building one costs microseconds.
 */
let sdk: Promise<typeof import("openai")> | undefined

async function clientFor(context: OpenAISendContext): Promise<OpenAI> {
  if (context.client) return context.client
  sdk ??= import("openai")
  const { default: OpenAIClient } = await sdk
  // Options left undefined fall back to the SDK's defaults (OPENAI_API_KEY, OPENAI_BASE_URL, ...).
  return new OpenAIClient({
    apiKey: context.apiKey,
    baseURL: context.baseURL,
    timeout: context.timeoutMs,
    maxRetries: context.maxRetries,
    defaultHeaders: context.headers,
  })
}

function requestOptions(context: OpenAISendContext) {
  return {
    ...(context.signal && { signal: context.signal }),
    ...(context.timeoutMs !== undefined && { timeout: context.timeoutMs }),
    ...(context.client && context.headers && { headers: context.headers }),
  }
}
