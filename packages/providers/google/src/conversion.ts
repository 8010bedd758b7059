import { type ConversionWarning, UnsupportedFeatureError } from "@pl/blueprint"

/** The adapter's name, as warnings and errors report it. */
export const PROVIDER = "google"

/** Reports a dropped feature: what it was (`content.redacted_thinking`), where in the blueprint, and why. */
export type Warn = (feature: string, path: string, why?: string) => undefined

// One message shape for every warning keeps the converter small: the feature names what was dropped.
export function warner(onWarning: ((warning: ConversionWarning) => void) | undefined): Warn {
  return (feature, path, why) =>
    void onWarning?.({
      provider: PROVIDER,
      feature,
      path,
      message: `Gemini cannot take ${feature}${why ? ` (${why})` : ""}; not sent`,
    })
}

export function unsupported(feature: string, path: string, message: string): UnsupportedFeatureError {
  return new UnsupportedFeatureError({ provider: PROVIDER, feature, path, message })
}

/** Throws for the template slots @pl/templating fills (placeholder messages, media and tool variables). */
export function notRendered(what: string, path: string): UnsupportedFeatureError {
  return unsupported(what, path, `render the template first (@pl/templating fills ${what})`)
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
}
