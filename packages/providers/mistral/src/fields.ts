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

/**
 * A shallow copy without `null` and `undefined` values: the blueprint's nullish fields, as the SDK wants
 * them (it rejects `strict: null`), and optional fields left out rather than sent empty.
 */
// TODO(shared): @pl/provider-openai has the same helper (`definedOnly` in its conversion.ts); one in @pl/blueprint.
export function definedOnly<T extends object>(value: T): { [K in keyof T]: NonNullable<T[K]> } {
  const out: Record<string, unknown> = {}
  for (const [key, v] of Object.entries(value)) if (v != null) out[key] = v
  return out as { [K in keyof T]: NonNullable<T[K]> }
}
