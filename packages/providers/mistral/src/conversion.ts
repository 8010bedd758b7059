import { type ConversionWarning, ProviderResponseError, UnsupportedFeatureError } from "@pl/blueprint"
import { isRecord } from "./fields.js"

/** The adapter's name, in warnings and errors. */
export const PROVIDER = "mistral"

/** Reports a feature that was dropped: what (`content.output_media`), where, and why. */
export type Warn = (feature: string, path: string, message: string) => void

export function warner(onWarning: ((warning: ConversionWarning) => void) | undefined): Warn {
  return (feature, path, message) => onWarning?.({ provider: PROVIDER, feature, path, message })
}

export function unsupported(feature: string, path: string, message: string): UnsupportedFeatureError {
  return new UnsupportedFeatureError({ provider: PROVIDER, feature, path, message })
}

/** Placeholders, media and tool variables are filled by @pl/templating before conversion. */
export const RENDER_FIRST = "render the template first (@pl/templating)"

/** `value` as an object; a response or chunk where Mistral documents one but has none is malformed. */
export function expectObject(value: unknown, what: string): Record<string, unknown> {
  if (isRecord(value)) return value
  throw new ProviderResponseError(PROVIDER, `malformed ${what}: not an object`)
}

/** `value` as a list; see {@link expectObject}. */
export function expectList(value: unknown, what: string): unknown[] {
  if (Array.isArray(value)) return value
  throw new ProviderResponseError(PROVIDER, `malformed ${what}: not a list`)
}
