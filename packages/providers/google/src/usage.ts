import type { GenerateContentResponseUsageMetadata } from "@google/genai"
import { makeUsage, type Usage } from "@pl/blueprint"

/**
 * Gemini `usageMetadata` → {@link Usage}. `promptTokenCount` already includes the cached tokens
 * (`cachedContentTokenCount`, reported as `cache_read_tokens`); tool-use prompt tokens (results of
 * server-side tools fed back to the model) count as input. `candidatesTokenCount` leaves the thinking
 * tokens out, so output is candidates + `thoughtsTokenCount`, and the total matches `totalTokenCount`.
 * Gemini has no cache writes. `undefined` when the metadata has no counts (a first stream chunk may carry
 * only `trafficType`).
 */
export function toUsage(metadata: GenerateContentResponseUsageMetadata | undefined): Usage | undefined {
  if (metadata === null || typeof metadata !== "object") return undefined
  const { promptTokenCount, candidatesTokenCount, thoughtsTokenCount, totalTokenCount } = metadata
  if (promptTokenCount === undefined && candidatesTokenCount === undefined && totalTokenCount === undefined)
    return undefined
  const reasoning = thoughtsTokenCount ?? 0
  const input = (promptTokenCount ?? 0) + (metadata.toolUsePromptTokenCount ?? 0)
  const output = (candidatesTokenCount ?? 0) + reasoning
  return makeUsage({
    input_tokens: input,
    output_tokens: output,
    cache_read_tokens: metadata.cachedContentTokenCount ?? 0,
    reasoning_tokens: reasoning,
    total_tokens: totalTokenCount ?? input + output,
  })
}
