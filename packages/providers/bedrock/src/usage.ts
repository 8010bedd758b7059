import { makeUsage, type Usage } from "@pl/blueprint"

/** Bedrock's `TokenUsage`, as the SDK returns it and as the wire JSON holds it (same field names). */
export interface BedrockTokenUsage {
  inputTokens?: number | undefined
  outputTokens?: number | undefined
  totalTokens?: number | undefined
  cacheReadInputTokens?: number | undefined
  cacheWriteInputTokens?: number | undefined
}

// A count Bedrock left out (or sent as something else than a number) counts as 0.
const count = (value: unknown): number => (typeof value === "number" ? value : 0)

/**
 * Bedrock usage → {@link Usage}. Bedrock's `inputTokens` leaves out the tokens read from and written to the
 * prompt cache, so they are added back: our `input_tokens` counts every input token. The total is ours
 * (input + output), so it agrees with `input_tokens` whatever Bedrock's `totalTokens` counted.
 */
export function toUsage(usage: BedrockTokenUsage): Usage {
  const cacheRead = count(usage.cacheReadInputTokens)
  const cacheWrite = count(usage.cacheWriteInputTokens)
  return makeUsage({
    input_tokens: count(usage.inputTokens) + cacheRead + cacheWrite,
    output_tokens: count(usage.outputTokens),
    cache_read_tokens: cacheRead,
    cache_write_tokens: cacheWrite,
  })
}
