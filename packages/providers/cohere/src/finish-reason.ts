import { type Completion, type FinishReason, mapFinishReason } from "@pl/blueprint"
import type { Cohere } from "cohere-ai"

type ChatFinishReason = Cohere.ChatFinishReason

/** Cohere's `finish_reason` values (the v2 `ChatFinishReason` enum) in the blueprint's vocabulary. */
export const COHERE_FINISH_REASONS: Readonly<Record<ChatFinishReason, FinishReason>> = {
  COMPLETE: "stop",
  STOP_SEQUENCE: "stop",
  MAX_TOKENS: "length",
  TOOL_CALL: "tool_calls",
  ERROR: "error",
  // The generation ran past Cohere's time limit: the turn failed, it did not end.
  TIMEOUT: "error",
}

/** `finish_reason` → the blueprint's, keeping the raw value; a value this version does not know maps to `other`. */
export function finishReason(raw: unknown): Pick<Completion, "finish_reason" | "raw_finish_reason"> {
  return mapFinishReason(typeof raw === "string" ? raw : undefined, COHERE_FINISH_REASONS)
}
