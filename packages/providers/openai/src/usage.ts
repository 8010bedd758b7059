/**
 * OpenAI usage → {@link Usage}. Both APIs count cached input inside the input total and reasoning inside
 * the output total, which is the blueprint's convention already: nothing is added back.
 */
import { makeUsage, type Usage } from "@pl/blueprint"
import type { CompletionUsage } from "openai/resources/completions"
import type { ResponseUsage } from "openai/resources/responses/responses"

/** Chat Completions `usage` (`prompt_tokens`, `completion_tokens`, details). */
export function chatUsage(usage: CompletionUsage): Usage {
  return makeUsage({
    input_tokens: usage.prompt_tokens ?? 0,
    output_tokens: usage.completion_tokens ?? 0,
    cache_read_tokens: usage.prompt_tokens_details?.cached_tokens ?? 0,
    reasoning_tokens: usage.completion_tokens_details?.reasoning_tokens ?? 0,
    total_tokens: usage.total_tokens ?? undefined,
  })
}

/** Responses API `usage` (`input_tokens`, `output_tokens`, details). */
export function responsesUsage(usage: ResponseUsage): Usage {
  return makeUsage({
    input_tokens: usage.input_tokens ?? 0,
    output_tokens: usage.output_tokens ?? 0,
    cache_read_tokens: usage.input_tokens_details?.cached_tokens ?? 0,
    reasoning_tokens: usage.output_tokens_details?.reasoning_tokens ?? 0,
    total_tokens: usage.total_tokens ?? undefined,
  })
}
