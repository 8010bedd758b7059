/**
 * Cohere's wire JSON is snake_case; `cohere-ai` hands back the same objects with camelCase keys
 * (`tool_calls` → `toolCalls`, `finish_reason` → `finishReason`). Responses and stream events are read
 * through these helpers so both shapes work.
 */

export type JsonObject = Record<string, unknown>

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value)
}

/** The field under its SDK (camelCase) name, or else under its wire (snake_case) name. */
export function field(object: JsonObject, camel: string, snake: string): unknown {
  const value = object[camel]
  return value === undefined ? object[snake] : value
}

/** An optional string field; `undefined` when absent or `null`. */
export function optionalString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined
}

/** An optional number field; `undefined` when absent or `null`. */
export function optionalNumber(value: unknown): number | undefined {
  return typeof value === "number" ? value : undefined
}
