/**
 * Reading provider data at the boundary: `@mistralai/mistralai` hands back camelCase objects
 * (`finishReason`, `toolCalls`, `promptTokens`) while the wire JSON is snake_case, and both are accepted.
 */

export type JsonRecord = Record<string, unknown>

export function isRecord(value: unknown): value is JsonRecord {
  return value !== null && typeof value === "object" && !Array.isArray(value)
}

/** The field under its SDK (camelCase) name, else under its wire (snake_case) name. */
export function field(record: JsonRecord, camel: string, snake: string): unknown {
  const value = record[camel]
  return value === undefined ? record[snake] : value
}

/** A finite number, else `undefined`. */
export function numberOf(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined
}

/**
 * A tool-call id, or `undefined` when there is none. The SDK fills a missing id with the string "null"
 * (its schema's default, `ToolCall.id` default "null" in the OpenAPI document), so that string means absent.
 */
export function toolCallIdOf(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" && value !== "null" ? value : undefined
}

export { definedOnly } from "@pl/blueprint"
