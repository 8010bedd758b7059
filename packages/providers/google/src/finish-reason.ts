import { type Completion, type FinishReason, mapFinishReason } from "@pl/blueprint"

/**
 * Gemini's `finishReason` values (the SDK's `FinishReason` enum) in the blueprint's vocabulary. Anything
 * not listed (`OTHER`, `LANGUAGE`, `NO_IMAGE`, `IMAGE_OTHER`, `FINISH_REASON_UNSPECIFIED`, and reasons added
 * later) maps to `other`; the raw value is kept as `raw_finish_reason` either way.
 *
 * @example
 * FINISH_REASONS.MAX_TOKENS // "length"
 */
export const FINISH_REASONS: Readonly<Record<string, FinishReason>> = {
  STOP: "stop",
  MAX_TOKENS: "length",
  SAFETY: "content_filter",
  RECITATION: "content_filter",
  BLOCKLIST: "content_filter",
  PROHIBITED_CONTENT: "content_filter",
  SPII: "content_filter",
  IMAGE_SAFETY: "content_filter",
  IMAGE_PROHIBITED_CONTENT: "content_filter",
  IMAGE_RECITATION: "content_filter",
  MALFORMED_FUNCTION_CALL: "error",
  UNEXPECTED_TOOL_CALL: "error",
  TOO_MANY_TOOL_CALLS: "error",
  // The per-request token limit was reached; the turn resumes with the returned continuation token.
  CONTINUATION: "pause",
}

/**
 * Gemini ends a turn that called functions with `STOP` (there is no separate reason for it); the blueprint
 * says `tool_calls` then, as every other adapter does, and keeps `STOP` as the raw reason.
 *
 * @example
 * finishReason("STOP", true) // { finish_reason: "tool_calls", raw_finish_reason: "STOP" }
 */
export function finishReason(
  raw: string | null | undefined,
  hasToolCalls: boolean,
): Pick<Completion, "finish_reason" | "raw_finish_reason"> {
  const mapped = mapFinishReason(raw, FINISH_REASONS)
  if (mapped.finish_reason === "stop" && hasToolCalls) mapped.finish_reason = "tool_calls"
  return mapped
}
