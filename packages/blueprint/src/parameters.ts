import type { ResponseFormat } from "./blueprint.js"
import type { ConversionWarning } from "./errors.js"

/**
 * The parameters every adapter understands whatever the blueprint's provider, with the names each
 * provider uses for them. A blueprint written for one provider runs on another: `stop_sequences`
 * (Anthropic) reads as `stop`, `maxOutputTokens` (Gemini) as `max_tokens`, and the target adapter writes
 * them in its own form.
 */
export const PORTABLE_PARAMETERS = {
  temperature: ["temperature"],
  top_p: ["top_p", "topP", "p"],
  top_k: ["top_k", "topK", "k"],
  max_tokens: ["max_tokens", "max_completion_tokens", "max_output_tokens", "maxOutputTokens", "maxTokens"],
  stop: ["stop", "stop_sequences", "stopSequences"],
  seed: ["seed", "random_seed", "randomSeed"],
  frequency_penalty: ["frequency_penalty", "frequencyPenalty"],
  presence_penalty: ["presence_penalty", "presencePenalty"],
  response_format: ["response_format"],
  tool_choice: ["tool_choice"],
  parallel_tool_calls: ["parallel_tool_calls"],
} as const satisfies Record<string, readonly string[]>

export type PortableParameterName = keyof typeof PORTABLE_PARAMETERS

/** Portable parameters, normalised: `stop` is always a list. */
export interface PortableParameters {
  temperature?: number
  top_p?: number
  top_k?: number
  max_tokens?: number
  stop?: string[]
  seed?: number
  frequency_penalty?: number
  presence_penalty?: number
  response_format?: ResponseFormat
  tool_choice?: unknown
  parallel_tool_calls?: boolean
}

const aliasOf: ReadonlyMap<string, PortableParameterName> = new Map(
  Object.entries(PORTABLE_PARAMETERS).flatMap(([name, aliases]) =>
    aliases.map((alias) => [alias, name as PortableParameterName] as const),
  ),
)

/**
 * Splits model parameters into the portable ones (by any provider's name, normalised) and the rest
 * (provider-native, passed through as written). `null` values are treated as absent. `overrides` (e.g.
 * `toRequest`'s `options.parameters`) win over `parameters` whatever name either uses.
 *
 * @example
 * splitParameters({ stop_sequences: ["\n"], maxOutputTokens: 100, logit_bias: {} })
 * // { portable: { stop: ["\n"], max_tokens: 100 }, native: { logit_bias: {} } }
 * splitParameters({ maxOutputTokens: 100 }, { max_completion_tokens: 5 }).portable // { max_tokens: 5 }
 */
export function splitParameters(
  parameters: Readonly<Record<string, unknown>> | null | undefined,
  overrides?: Readonly<Record<string, unknown>> | null,
): {
  portable: PortableParameters
  native: Record<string, unknown>
} {
  if (overrides) {
    const base = splitParameters(parameters)
    const over = splitParameters(overrides)
    return { portable: { ...base.portable, ...over.portable }, native: { ...base.native, ...over.native } }
  }
  const portable: Record<string, unknown> = {}
  const native: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(parameters ?? {})) {
    if (value === null || value === undefined) continue
    const name = aliasOf.get(key)
    if (name === undefined) native[key] = value
    else if (!(name in portable))
      portable[name] = name === "stop" && typeof value === "string" ? [value] : value
  }
  return { portable: portable as PortableParameters, native }
}

/**
 * Keeps the native parameters a provider accepts and reports the others as dropped, so a parameter
 * written for one provider is never sent to fail at another.
 */
export function keepNativeParameters(
  native: Readonly<Record<string, unknown>>,
  accepted: ReadonlySet<string>,
  provider: string,
  onWarning: ((warning: ConversionWarning) => void) | undefined,
): Record<string, unknown> {
  const kept: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(native)) {
    if (accepted.has(key)) kept[key] = value
    else
      onWarning?.({
        provider,
        feature: `parameters.${key}`,
        path: `metadata.model.parameters.${key}`,
        message: `${provider} does not accept the parameter ${key}; it was not sent`,
      })
  }
  return kept
}
