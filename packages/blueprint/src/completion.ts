import type { AssistantMessage } from "./message.js"

/**
 * Token usage, the same shape for every provider. `input_tokens` counts every input token, cached ones
 * included (Anthropic and Bedrock report cache reads and writes apart; adapters add them back), and
 * `output_tokens` counts reasoning tokens too.
 */
export interface Usage {
  input_tokens: number
  output_tokens: number
  /** Input tokens served from the provider's prompt cache (part of `input_tokens`). */
  cache_read_tokens: number
  /** Input tokens written to the provider's prompt cache (part of `input_tokens`). */
  cache_write_tokens: number
  /** Output tokens spent on reasoning (part of `output_tokens`). */
  reasoning_tokens: number
  total_tokens: number
}

/**
 * Why the model stopped, in one vocabulary for every provider; the provider's own value is kept beside
 * it as `raw_finish_reason`.
 *
 * - `stop`: a natural end, or a stop sequence;
 * - `length`: the output token limit;
 * - `tool_calls`: the model called tools and waits for their results;
 * - `content_filter`: a safety or content filter;
 * - `refusal`: the model refused;
 * - `pause`: a long-running turn paused by the provider (Anthropic `pause_turn`), to be continued;
 * - `error`: the provider reported an error;
 * - `other`: anything else, see `raw_finish_reason`.
 */
export const FINISH_REASONS = [
  "stop",
  "length",
  "tool_calls",
  "content_filter",
  "refusal",
  "pause",
  "error",
  "other",
] as const

export type FinishReason = (typeof FINISH_REASONS)[number]

/**
 * One model answer in blueprint form: the assistant message, with usage and why it ended.
 */
export interface Completion {
  message: AssistantMessage
  usage?: Usage
  finish_reason?: FinishReason
  /** The provider's own finish reason, as received. */
  raw_finish_reason?: string
  /** The provider's id for the response. */
  id?: string
  /** The model that answered, as the provider names it. */
  model?: string
}

/**
 * Builds a {@link Usage}, filling what a provider does not report with 0 and computing the total.
 *
 * @example
 * makeUsage({ input_tokens: 12, output_tokens: 40, reasoning_tokens: 8 }) // total_tokens: 52
 */
export function makeUsage(parts: Partial<Usage> & Pick<Usage, "input_tokens" | "output_tokens">): Usage {
  return {
    input_tokens: parts.input_tokens,
    output_tokens: parts.output_tokens,
    cache_read_tokens: parts.cache_read_tokens ?? 0,
    cache_write_tokens: parts.cache_write_tokens ?? 0,
    reasoning_tokens: parts.reasoning_tokens ?? 0,
    total_tokens: parts.total_tokens ?? parts.input_tokens + parts.output_tokens,
  }
}

/**
 * Maps a provider's finish reason through its table; an unknown value maps to `other`, and the raw value
 * is kept either way.
 *
 * @example
 * mapFinishReason("end_turn", { end_turn: "stop", max_tokens: "length" })
 * // { finish_reason: "stop", raw_finish_reason: "end_turn" }
 */
export function mapFinishReason(
  raw: string | null | undefined,
  table: Readonly<Record<string, FinishReason>>,
): Pick<Completion, "finish_reason" | "raw_finish_reason"> {
  if (raw == null) return {}
  return { finish_reason: Object.hasOwn(table, raw) ? table[raw] : "other", raw_finish_reason: raw }
}
