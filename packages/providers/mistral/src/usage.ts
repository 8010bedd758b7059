import { makeUsage, type Usage } from "@pl/blueprint"
import { field, isRecord, numberOf } from "./fields.js"

/**
 * Mistral usage → {@link Usage}. `prompt_tokens` already counts cached tokens (as OpenAI's does), so it is
 * `input_tokens` as is. Cache reads arrive as `prompt_tokens_details.cached_tokens` (some responses say
 * `prompt_token_details` or `num_cached_tokens`), reasoning as `completion_tokens_details.reasoning_tokens`.
 * The SDK renames only the fields it declares (`promptTokens`, `completionTokens`, `totalTokens`) and keeps the
 * others snake_case; both spellings are read.
 */
export function readUsage(value: unknown): Usage | undefined {
  if (!isRecord(value)) return undefined
  const input = numberOf(field(value, "promptTokens", "prompt_tokens")) ?? 0
  const output = numberOf(field(value, "completionTokens", "completion_tokens")) ?? 0
  const total = numberOf(field(value, "totalTokens", "total_tokens"))
  const promptDetails =
    field(value, "promptTokensDetails", "prompt_tokens_details") ??
    field(value, "promptTokenDetails", "prompt_token_details")
  const completionDetails = field(value, "completionTokensDetails", "completion_tokens_details")
  const cached =
    (isRecord(promptDetails) ? numberOf(field(promptDetails, "cachedTokens", "cached_tokens")) : undefined) ??
    numberOf(field(value, "numCachedTokens", "num_cached_tokens"))
  const reasoning = isRecord(completionDetails)
    ? numberOf(field(completionDetails, "reasoningTokens", "reasoning_tokens"))
    : undefined
  return makeUsage({
    input_tokens: input,
    output_tokens: output,
    cache_read_tokens: cached ?? 0,
    reasoning_tokens: reasoning ?? 0,
    // The SDK fills a missing total with 0; the sum is right then.
    ...(total ? { total_tokens: total } : {}),
  })
}
