import type { Usage as AnthropicUsage } from "@anthropic-ai/sdk/resources/messages"
import { makeUsage, type Usage } from "@pl/blueprint"

/** The usage counters of a `Message` or a `message_delta` event; streams send some as `null` or not at all. */
export type UsageCounters = Partial<
  Pick<
    AnthropicUsage,
    | "input_tokens"
    | "output_tokens"
    | "cache_read_input_tokens"
    | "cache_creation_input_tokens"
    | "output_tokens_details"
  >
>

/**
 * Anthropic counts cache reads and writes apart from `input_tokens`; ours includes them, so every
 * provider's `input_tokens` means the whole prompt.
 */
export function toUsage(usage: UsageCounters): Usage {
  const cacheRead = usage.cache_read_input_tokens ?? 0
  const cacheWrite = usage.cache_creation_input_tokens ?? 0
  return makeUsage({
    input_tokens: (usage.input_tokens ?? 0) + cacheRead + cacheWrite,
    output_tokens: usage.output_tokens ?? 0,
    cache_read_tokens: cacheRead,
    cache_write_tokens: cacheWrite,
    reasoning_tokens: usage.output_tokens_details?.thinking_tokens ?? 0,
  })
}
