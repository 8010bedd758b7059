import { type Completion, type FinishReason, mapFinishReason } from "@pl/blueprint"
import type { Response } from "openai/resources/responses/responses"

/**
 * The Responses API has no finish reason: a response has a `status`, and `incomplete_details.reason`
 * when it stopped early. The raw value is that reason, else the status.
 */
export const RESPONSES_FINISH_REASONS: Readonly<Record<string, FinishReason>> = {
  completed: "stop",
  max_output_tokens: "length",
  content_filter: "content_filter",
  failed: "error",
}

/** A completed response that called functions waits for their results: `tool_calls`. */
export function responsesFinishReason(
  response: Pick<Response, "status" | "incomplete_details" | "output">,
): Pick<Completion, "finish_reason" | "raw_finish_reason"> {
  const mapped = mapFinishReason(
    response.incomplete_details?.reason ?? response.status,
    RESPONSES_FINISH_REASONS,
  )
  const calls = response.output?.some(
    (item) => item.type === "function_call" || item.type === "custom_tool_call",
  )
  return mapped.finish_reason === "stop" && calls ? { ...mapped, finish_reason: "tool_calls" } : mapped
}
