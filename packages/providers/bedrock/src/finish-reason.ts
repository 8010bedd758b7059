import type { StopReason } from "@aws-sdk/client-bedrock-runtime"
import { type FinishReason, mapFinishReason } from "@pl/blueprint"

/** Bedrock's `stopReason` values (the service model's `StopReason` enum) in the blueprint's vocabulary. */
export const BEDROCK_FINISH_REASONS: Readonly<Record<StopReason, FinishReason>> = {
  end_turn: "stop",
  stop_sequence: "stop",
  tool_use: "tool_calls",
  max_tokens: "length",
  model_context_window_exceeded: "length",
  guardrail_intervened: "content_filter",
  content_filtered: "content_filter",
  malformed_model_output: "error",
  malformed_tool_use: "error",
}

/** `stopReason` → `finish_reason`, keeping the raw value; a value this version does not know maps to `other`. */
export function finishReason(stopReason: string | null | undefined) {
  return mapFinishReason(stopReason, BEDROCK_FINISH_REASONS)
}
