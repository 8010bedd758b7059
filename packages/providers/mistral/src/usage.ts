import { makeUsage, type Usage } from "@pl/blueprint"
import { field, isRecord, type JsonRecord, numberOf } from "./fields.js"

/**
 * Mistral usage → {@link Usage}. `prompt_tokens` already counts cached tokens (as OpenAI's does), so it is
 * `input_tokens` as is. Cache reads arrive as `prompt_tokens_details.cached_tokens` (some responses say
 * `prompt_token_details` or `num_cached_tokens`), reasoning as `completion_tokens_details.reasoning_tokens`.
 * The SDK renames only the fields it declares (`promptTokens`, `completionTokens`, `totalTokens`) and keeps the
 * others snake_case; both spellings are read.
 */
export function readUsage(value: JsonRecord): Usage {
  const total = count(value, "totalTokens", "total_tokens")
  const promptDetails =
    field(value, "promptTokensDetails", "prompt_tokens_details") ??
    field(value, "promptTokenDetails", "prompt_token_details")
  return makeUsage({
    input_tokens: count(value, "promptTokens", "prompt_tokens") ?? 0,
    output_tokens: count(value, "completionTokens", "completion_tokens") ?? 0,
    cache_read_tokens:
      count(promptDetails, "cachedTokens", "cached_tokens") ??
      count(value, "numCachedTokens", "num_cached_tokens") ??
      0,
    reasoning_tokens:
      count(
        field(value, "completionTokensDetails", "completion_tokens_details"),
        "reasoningTokens",
        "reasoning_tokens",
      ) ?? 0,
    // The SDK fills a missing total with 0; the sum is right then.
    ...(total && { total_tokens: total }),
  })
}

/** A token count under its SDK or wire name, when `record` is an object holding one. */
function count(record: unknown, camel: string, snake: string): number | undefined {
  return isRecord(record) ? numberOf(field(record, camel, snake)) : undefined
}
