import type { FinishReason } from "@pl/blueprint"

/**
 * Anthropic `stop_reason` → {@link FinishReason}. `model_context_window_exceeded` is a length limit like
 * `max_tokens`; `pause_turn` is a long server-tool turn the caller continues by sending it back.
 */
export const FINISH_REASONS: Readonly<Record<string, FinishReason>> = {
  end_turn: "stop",
  stop_sequence: "stop",
  max_tokens: "length",
  model_context_window_exceeded: "length",
  tool_use: "tool_calls",
  pause_turn: "pause",
  refusal: "refusal",
}
