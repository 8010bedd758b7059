import type { Anthropic } from "@anthropic-ai/sdk"
import type {
  Message,
  MessageCreateParams,
  RawMessageStreamEvent,
} from "@anthropic-ai/sdk/resources/messages"
import { ClientCache, type SendContext } from "@pl/blueprint"

/** What {@link send} needs besides the request. */
export interface AnthropicSendContext extends SendContext {
  /**
   * A client to send with, e.g. one configured for Claude on Bedrock or Vertex AI (their clients share
   * `messages`). Without one, a client is built from `apiKey` and `baseURL` (the SDK reads
   * `ANTHROPIC_API_KEY` and `ANTHROPIC_BASE_URL` when they are not given).
   */
  client?: Pick<Anthropic, "messages">
  /** Retries on 408, 409, 429 and 5xx; the SDK's default is 2. */
  maxRetries?: number
}

/**
 * Sends a request with the official SDK (`@anthropic-ai/sdk`, loaded only now). Returns the `Message`,
 * or the SDK's stream of events when `request.stream` is set.
 *
 * @example
 * const stream = await anthropic.send(anthropic.toRequest(blueprint, { stream: true }))
 */
export async function send(
  request: MessageCreateParams,
  context: AnthropicSendContext = {},
): Promise<Message | AsyncIterable<RawMessageStreamEvent>> {
  const client = context.client ?? (await createClient(context))
  return client.messages.create(request, {
    signal: context.signal,
    headers: context.headers,
    maxRetries: context.maxRetries,
    // The SDK rejects `timeout: undefined`.
    ...(context.timeoutMs !== undefined && { timeout: context.timeoutMs }),
  })
}

const clients = new ClientCache<Anthropic>()

/** One client per key and base URL, kept for later sends (see `ClientCache`). */
function createClient({ apiKey, baseURL }: AnthropicSendContext): Promise<Anthropic> {
  return clients.get({ apiKey, baseURL }, async () => {
    const { default: Client } = await import("@anthropic-ai/sdk")
    // Unset options stay undefined, so the SDK reads ANTHROPIC_API_KEY and ANTHROPIC_BASE_URL.
    return new Client({ apiKey, baseURL })
  })
}
