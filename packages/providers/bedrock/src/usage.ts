import { makeUsage, ProviderResponseError, type Usage } from "@pl/blueprint"

/** Bedrock's `TokenUsage`, as the SDK returns it and as the wire JSON holds it (same field names). */
export interface BedrockTokenUsage {
  inputTokens?: number | undefined
  outputTokens?: number | undefined
  totalTokens?: number | undefined
  cacheReadInputTokens?: number | undefined
  cacheWriteInputTokens?: number | undefined
}

const count = (value: unknown, field: string): number => {
  if (value === undefined || value === null) return 0
  if (typeof value !== "number" || !Number.isFinite(value))
    throw new ProviderResponseError("amazon.bedrock", `usage.${field} is not a number`)
  return value
}

/**
 * Bedrock usage → {@link Usage}. Bedrock's `inputTokens` leaves out the tokens read from and written to the
 * prompt cache, so they are added back: our `input_tokens` counts every input token. The total is ours
 * (input + output), so it agrees with `input_tokens` whatever Bedrock's `totalTokens` counted.
 */
export function toUsage(usage: BedrockTokenUsage): Usage {
  const cacheRead = count(usage.cacheReadInputTokens, "cacheReadInputTokens")
  const cacheWrite = count(usage.cacheWriteInputTokens, "cacheWriteInputTokens")
  return makeUsage({
    input_tokens: count(usage.inputTokens, "inputTokens") + cacheRead + cacheWrite,
    output_tokens: count(usage.outputTokens, "outputTokens"),
    cache_read_tokens: cacheRead,
    cache_write_tokens: cacheWrite,
  })
}
