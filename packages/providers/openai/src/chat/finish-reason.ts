import type { FinishReason } from "@pl/blueprint"

/** Chat Completions `finish_reason` → the blueprint's vocabulary (the raw value is kept beside it). */
export const CHAT_FINISH_REASONS: Readonly<Record<string, FinishReason>> = {
  stop: "stop",
  length: "length",
  tool_calls: "tool_calls",
  // The legacy `functions` API ends a turn that calls a function with `function_call`.
  function_call: "tool_calls",
  content_filter: "content_filter",
}
