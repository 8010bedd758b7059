import { ProviderResponseError, type ToRequestOptions, UnsupportedFeatureError } from "@pl/blueprint"

/** The adapter's name, as warnings and errors report it. */
export const PROVIDER = "anthropic"

/** Reports a dropped feature: what it was, where in the blueprint, and why. */
export type Warn = (feature: string, path: string, message: string) => void

export function warner(options: ToRequestOptions): Warn {
  return (feature, path, message) => options.onWarning?.({ provider: PROVIDER, feature, path, message })
}

export function unsupported(feature: string, path: string, message: string): UnsupportedFeatureError {
  return new UnsupportedFeatureError({ provider: PROVIDER, feature, path, message })
}

/** Placeholders, media and tool variables are filled by @pl/templating before conversion. */
export const RENDER_FIRST = "render the template first (@pl/templating)"

/** Legacy function calls and results carry no call id, which Anthropic pairs them by. */
export const LEGACY = "legacy function calls have no ids: use tool calls"

/** A response or stream event without the shape Anthropic documents. */
export function malformed(message: string): ProviderResponseError {
  return new ProviderResponseError(PROVIDER, message)
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
}
