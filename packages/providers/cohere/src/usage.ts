import { makeUsage, type Usage } from "@pl/blueprint"
import { malformed } from "./context.js"
import { field, isObject } from "./wire.js"

const count = (value: unknown, path: string): number | undefined => {
  if (value === undefined || value === null) return undefined
  if (typeof value !== "number" || !Number.isFinite(value)) throw malformed(`usage.${path} is not a number`)
  return value
}

/**
 * Cohere usage (SDK camelCase or wire snake_case) → {@link Usage}, or `undefined` when it holds no counts.
 *
 * Cohere reports two counts: `tokens` (what the model read and wrote, including the prompt Cohere adds
 * around the messages) and `billed_units` (what is billed). `tokens` is the one that matches the other
 * providers' usage, so it is used; `billed_units` fills in when `tokens` is missing. `cached_tokens` (prompt
 * tokens served from Cohere's cache) is part of `tokens.input_tokens` (in the recorded responses, 992 of 1683
 * and 448 of 507), so it is not added again.
 */
export function toUsage(usage: unknown): Usage | undefined {
  if (!isObject(usage)) return undefined
  const name = isObject(usage.tokens) ? "tokens" : "billed_units"
  const source = usage.tokens ?? field(usage, "billedUnits", "billed_units")
  const counts = isObject(source) ? source : {}
  const input = count(field(counts, "inputTokens", "input_tokens"), `${name}.input_tokens`)
  const output = count(field(counts, "outputTokens", "output_tokens"), `${name}.output_tokens`)
  const cached = count(field(usage, "cachedTokens", "cached_tokens"), "cached_tokens")
  if (input === undefined && output === undefined && cached === undefined) return undefined
  return makeUsage({ input_tokens: input ?? 0, output_tokens: output ?? 0, cache_read_tokens: cached ?? 0 })
}
