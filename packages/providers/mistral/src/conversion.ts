import { type ConversionWarning, UnsupportedFeatureError } from "@pl/blueprint"

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
