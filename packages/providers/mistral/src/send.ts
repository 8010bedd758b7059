import type { Mistral } from "@mistralai/mistralai"
import type { ChatCompletionResponse, CompletionEvent } from "@mistralai/mistralai/models/components"
import { ClientCache, type SendContext } from "@pl/blueprint"
import { definedOnly } from "./fields.js"
import type { MistralRequest } from "./to-request.js"

/** What {@link send} needs besides the request. */
export interface MistralSendContext extends SendContext {
  /** A client of your own (its key, server and retry settings are used; `apiKey`, `baseURL`, `server` are not). */
  client?: Mistral
  /** Mistral's regional servers: `global` (default), `eu` or `us`. `baseURL` wins over it. */
  server?: "global" | "eu" | "us"
}

/**
 * Sends a request with the official SDK (`@mistralai/mistralai`, loaded here and only here): the
 * `ChatCompletionResponse`, or with `stream: true` the SDK's async iterable of `{ data: chunk }` events. The key
 * defaults to the SDK's own `MISTRAL_API_KEY`; `baseURL` becomes the SDK's `serverURL`.
 *
 * @example
 * const response = await send(mistral.toRequest(blueprint), { timeoutMs: 30_000 })
 */
export async function send(
  request: MistralRequest,
  context: MistralSendContext = {},
): Promise<ChatCompletionResponse | AsyncIterable<CompletionEvent>> {
  const client = context.client ?? (await createClient(context))
  const options = definedOnly({
    headers: context.headers,
    timeoutMs: context.timeoutMs,
    // The SDK lets a signal replace its timeout; with both, either one aborts.
    signal: context.signal && withTimeout(context.signal, context.timeoutMs),
  })
  return request.stream ? client.chat.stream(request, options) : client.chat.complete(request, options)
}

const clients = new ClientCache<Mistral>()

/** One client per key, server and timeout, kept for later sends (see `ClientCache`). */
function createClient({ apiKey, baseURL, server, timeoutMs }: MistralSendContext): Promise<Mistral> {
  return clients.get({ apiKey, baseURL, server, timeoutMs }, async () => {
    const { Mistral } = await import("@mistralai/mistralai")
    return new Mistral(definedOnly({ apiKey, serverURL: baseURL, server, timeoutMs }))
  })
}

function withTimeout(signal: AbortSignal, timeoutMs: number | undefined): AbortSignal {
  return timeoutMs === undefined ? signal : AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)])
}
