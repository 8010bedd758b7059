import { makeUsage, ProviderResponseError, type Usage } from "@pl/blueprint"
import { field, isObject, PROVIDER } from "./wire.js"

const count = (value: unknown, path: string): number | undefined => {
  if (value === undefined || value === null) return undefined
  if (typeof value !== "number" || !Number.isFinite(value))
    throw new ProviderResponseError(PROVIDER, `usage.${path} is not a number`)
  return value
}

/**
 * Cohere usage (SDK camelCase or wire snake_case) → {@link Usage}, or `undefined` when it holds no counts.
 *
 * Cohere reports two counts: `tokens` (what the model read and wrote, including the prompt Cohere adds
 * around the messages) and `billed_units` (what is billed). `tokens` is the one that matches the other
 * providers' usage, so it is used; `billed_units` fills in when `tokens` is missing. `cached_tokens` (prompt
 * tokens served from Cohere's cache) is part of `tokens.input_tokens`, so it is not added again.
 */
export function toUsage(usage: unknown): Usage | undefined {
  if (!isObject(usage)) return undefined
  const tokens = field(usage, "tokens", "tokens")
  const billed = field(usage, "billedUnits", "billed_units")
  const source = isObject(tokens) ? tokens : isObject(billed) ? billed : undefined
  const name = source === tokens ? "tokens" : "billed_units"
  const input = source && count(field(source, "inputTokens", "input_tokens"), `${name}.input_tokens`)
  const output = source && count(field(source, "outputTokens", "output_tokens"), `${name}.output_tokens`)
  const cached = count(field(usage, "cachedTokens", "cached_tokens"), "cached_tokens")
  if (input === undefined && output === undefined && cached === undefined) return undefined
  return makeUsage({
    input_tokens: input ?? 0,
    output_tokens: output ?? 0,
    cache_read_tokens: cached ?? 0,
  })
}
