import { type Completion, type FinishReason, mapFinishReason } from "@pl/blueprint"

/**
 * Mistral's finish reasons (`ChatCompletionChoice.finish_reason` in the OpenAPI document: `stop`, `length`,
 * `model_length`, `error`, `tool_calls`). `model_length` means the model's context length was reached.
 */
export const MISTRAL_FINISH_REASONS: Readonly<Record<string, FinishReason>> = {
  stop: "stop",
  length: "length",
  model_length: "length",
  error: "error",
  tool_calls: "tool_calls",
}

/** Mistral's finish reason in the blueprint's vocabulary, the raw value kept beside it. */
export function mistralFinishReason(raw: unknown): Pick<Completion, "finish_reason" | "raw_finish_reason"> {
  return mapFinishReason(typeof raw === "string" ? raw : null, MISTRAL_FINISH_REASONS)
}
