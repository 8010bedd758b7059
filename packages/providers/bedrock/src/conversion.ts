import type { ConverseRequest } from "@aws-sdk/client-bedrock-runtime"
import { type ConversionWarning, UnsupportedFeatureError } from "@pl/blueprint"

/** A free-form JSON value in a Bedrock request (tool input, tool schema, model fields): Smithy's document type. */
export type DocumentType = NonNullable<ConverseRequest["additionalModelRequestFields"]>

/** The adapter's name, as warnings and errors report it. */
export const PROVIDER = "amazon.bedrock"

/** What one `toRequest` call carries through the converters: where warnings go, and a document counter. */
export interface Conversion {
  readonly onWarning: ((warning: ConversionWarning) => void) | undefined
  /** Documents converted so far, to name the ones without a title (`document-1`, `document-2`, ...). */
  documents: number
}

export function warn(conversion: Conversion, feature: string, path: string, message: string): void {
  conversion.onWarning?.({ provider: PROVIDER, feature, path, message })
}

export function unsupported(feature: string, path: string | undefined, message: string): never {
  throw new UnsupportedFeatureError({
    provider: PROVIDER,
    feature,
    ...(path === undefined ? {} : { path }),
    message,
  })
}
