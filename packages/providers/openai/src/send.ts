/**
 * The only file that touches the `openai` SDK: loaded with `import()` when a request is sent, so
 * converting never loads it.
 */
import { ClientCache, type SendContext } from "@pl/blueprint"
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
 * What `send` needs besides the request. Without `client`, one SDK client is built per `apiKey` and
 * `baseURL` and kept for later sends; the other options go with each request.
 *
 * @example
 * // Azure OpenAI through the SDK's own client:
 * import { AzureOpenAI } from "openai"
 * await openai.send(request, { client: new AzureOpenAI({ endpoint, apiVersion: "2024-10-21", deployment }) })
 * // An OpenAI-compatible server:
 * await openai.send(request, { baseURL: "http://localhost:11434/v1", apiKey: "ollama" })
 */
export interface OpenAISendContext extends SendContext {
  /** A client to use as is (e.g. `AzureOpenAI`); `apiKey` and `baseURL` are then ignored. */
  client?: OpenAI
  /** The SDK retries 429s and 5xx twice by default; set 0 when the caller retries itself. */
  maxRetries?: number
}

/** Sends a Chat Completions request: the completion, or the SDK's chunk stream when `stream` is set. */
export async function sendChatCompletion(
  request: ChatCompletionCreateParams,
  context: OpenAISendContext = {},
): Promise<ChatCompletion | AsyncIterable<ChatCompletionChunk>> {
  const client = context.client ?? (await clientFor(context))
  return client.chat.completions.create(request, requestOptions(context))
}

/** Sends a Responses API request: the response, or the SDK's event stream when `stream` is set. */
export async function sendResponse(
  request: ResponseCreateParams,
  context: OpenAISendContext = {},
): Promise<Response | AsyncIterable<ResponseStreamEvent>> {
  const client = context.client ?? (await clientFor(context))
  return client.responses.create(request, requestOptions(context))
}

const clients = new ClientCache<OpenAI>()

/** One client per key and base URL, kept for later sends (see `ClientCache`); the rest goes with each request. */
function clientFor({ apiKey, baseURL }: OpenAISendContext): Promise<OpenAI> {
  return clients.get({ apiKey, baseURL }, async () => {
    const { default: OpenAIClient } = await import("openai")
    // Options left undefined fall back to the SDK's defaults (OPENAI_API_KEY, OPENAI_BASE_URL, ...).
    return new OpenAIClient({ apiKey, baseURL })
  })
}

/** Per-request options, or none at all (the SDK's plainest path) when there are none to give. */
function requestOptions(context: OpenAISendContext) {
  const { signal, timeoutMs, maxRetries, headers } = context
  if (!signal && timeoutMs === undefined && maxRetries === undefined && !headers) return undefined
  return {
    ...(context.signal && { signal: context.signal }),
    ...(context.timeoutMs !== undefined && { timeout: context.timeoutMs }),
    ...(context.maxRetries !== undefined && { maxRetries: context.maxRetries }),
    ...(context.headers && { headers: context.headers }),
  }
}
