/**
 * A shallow copy without `null` and `undefined` values: the blueprint's nullish fields (the PromptLayer API
 * sends `null` for absent ones), as provider SDKs want them: left out rather than sent empty.
 *
 * @example
 * definedOnly({ name: "f", description: null, strict: undefined }) // { name: "f" }
 */
export function definedOnly<T extends object>(value: T): { [K in keyof T]: NonNullable<T[K]> } {
  const out: Record<string, unknown> = {}
  for (const [key, v] of Object.entries(value)) if (v != null) out[key] = v
  return out as { [K in keyof T]: NonNullable<T[K]> }
}
