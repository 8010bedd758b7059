import type { GenerateContentResponseUsageMetadata } from "@google/genai"
import { makeUsage, type Usage } from "@pl/blueprint"

/**
 * Gemini `usageMetadata` → {@link Usage}. `promptTokenCount` already includes the cached tokens
 * (`cachedContentTokenCount`, reported as `cache_read_tokens`); tool-use prompt tokens (results of
 * server-side tools fed back to the model) count as input. `candidatesTokenCount` leaves the thinking
 * tokens out, so output is candidates + `thoughtsTokenCount`, and the total matches `totalTokenCount`.
 * Gemini has no cache writes. `undefined` when the metadata has no counts (a first stream chunk may carry
 * only `trafficType`). With `into`, the counts are written into that object (a stream's live usage,
 * updated by every chunk without allocating) and it is returned.
 */
export function toUsage(
  metadata: GenerateContentResponseUsageMetadata | undefined,
  into?: Usage,
): Usage | undefined {
  if (metadata === null || typeof metadata !== "object") return undefined
  const { promptTokenCount, candidatesTokenCount, thoughtsTokenCount, totalTokenCount } = metadata
  if (promptTokenCount === undefined && candidatesTokenCount === undefined && totalTokenCount === undefined)
    return undefined
  const reasoning = thoughtsTokenCount ?? 0
  const input = (promptTokenCount ?? 0) + (metadata.toolUsePromptTokenCount ?? 0)
  const output = (candidatesTokenCount ?? 0) + reasoning
  const usage = into ?? makeUsage({ input_tokens: 0, output_tokens: 0 })
  usage.input_tokens = input
  usage.output_tokens = output
  usage.cache_read_tokens = metadata.cachedContentTokenCount ?? 0
  usage.reasoning_tokens = reasoning
  usage.total_tokens = totalTokenCount ?? input + output
  return usage
}
