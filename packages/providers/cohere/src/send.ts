import { ClientCache, isStreamingRequest, type SendContext } from "@pl/blueprint"
import type { CohereClientV2 } from "cohere-ai"
import type { CohereChunk, CohereRequest, CohereResponse } from "./types.js"

/** What `send` needs besides the request. */
export interface CohereSendContext extends SendContext {
  /** A client to send with; otherwise one is built from `apiKey` and `baseURL`. */
  client?: CohereClientV2
  /** Retries the SDK makes on 408, 429 and 5xx (the SDK's default is 2). */
  maxRetries?: number
}

/**
 * Sends a request with `cohere-ai`, loaded only now. Returns the response, or, for a streaming request,
 * the SDK's async iterable of stream events. Without `apiKey` the SDK reads `CO_API_KEY`.
 *
 * @example
 * const stream = await send(toRequest(blueprint, { stream: true }), { baseURL: "http://127.0.0.1:8080" })
 */
export async function send(
  request: CohereRequest,
  context: CohereSendContext = {},
): Promise<CohereResponse | AsyncIterable<CohereChunk>> {
  const client = context.client ?? (await createClient(context))
  // Unset options stay `undefined`, which the SDK reads as its default.
  const options = {
    abortSignal: context.signal,
    timeoutInSeconds: context.timeoutMs === undefined ? undefined : context.timeoutMs / 1000,
    maxRetries: context.maxRetries,
    headers: context.headers,
  }
  return (context.stream ?? isStreamingRequest(request))
    ? await client.chatStream(request, options)
    : await client.chat(request, options)
}

const clients = new ClientCache<CohereClientV2>()

/** One client per key and base URL, kept for later sends (see `ClientCache`). */
function createClient({ apiKey, baseURL }: CohereSendContext): Promise<CohereClientV2> {
  return clients.get({ apiKey, baseURL }, async () => {
    const { CohereClientV2 } = await import("cohere-ai")
    // Without a token the SDK reads CO_API_KEY; it appends "v2/chat" to `baseUrl` (default api.cohere.com).
    return new CohereClientV2({ token: apiKey, baseUrl: baseURL })
  })
}
