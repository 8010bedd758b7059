import type { ConverseRequest } from "@aws-sdk/client-bedrock-runtime"
import { type ConversionWarning, UnsupportedFeatureError } from "@pl/blueprint"

/** A free-form JSON value in a Bedrock request (tool input, tool schema, model fields): Smithy's document type. */
export type DocumentType = NonNullable<ConverseRequest["additionalModelRequestFields"]>

/** The adapter's name, as warnings and errors report it. */
export const PROVIDER = "amazon.bedrock"

/** Placeholders, media and tool variables are filled by @pl/templating before conversion. */
export const RENDER_FIRST = "render it first (@pl/templating)"

/** What one `toRequest` call carries through the converters: where warnings go, and a document counter. */
export interface Conversion {
  readonly onWarning: ((warning: ConversionWarning) => void) | undefined
  /** Documents converted so far, to name the ones without a title (`document-1`, `document-2`, ...). */
  documents: number
}

/** Reports a dropped feature: what, where in the blueprint, and why (by default: Bedrock has no such thing). */
export function warn(
  conversion: Conversion,
  feature: string,
  path: string,
  message = "not sent: Bedrock has none",
) {
  conversion.onWarning?.({ provider: PROVIDER, feature, path, message })
}

export function unsupported(feature: string, path: string, message: string): never {
  throw new UnsupportedFeatureError({ provider: PROVIDER, feature, path, message })
}
