import type { DocumentFormat, ImageFormat } from "@aws-sdk/client-bedrock-runtime"

// Bedrock names a media block's format (`png`, `pdf`, `docx`) where the blueprint holds a mime type. Most
// formats are their mime type's subtype (`image/png` ↔ `png`); the others are listed with their mime type.
// The format lists are the service model's `ImageFormat` and `DocumentFormat`. (Bedrock's audio and video
// blocks are not written or read by this adapter yet.)

/** A mime type ↔ format table for one kind of media block. */
export interface FormatTable<F extends string> {
  /** The Bedrock format for a mime type; `undefined` when Bedrock has none. */
  format(mimeType: string | undefined): F | undefined
  /** The mime type of a Bedrock format; `undefined` for a format this version does not know. */
  mimeType(format: string | undefined): string | undefined
}

function table<F extends string>(
  kind: string,
  formats: readonly F[],
  named: Partial<Record<F, string>> = {},
): FormatTable<F> {
  const mimeOf = (format: F) => named[format] ?? `${kind}/${format}`
  return {
    format: (mimeType) => {
      const mime = mimeType?.split(";")[0]?.trim().toLowerCase()
      return formats.find((format) => mimeOf(format) === mime)
    },
    mimeType: (format) => (formats.includes(format as F) ? mimeOf(format as F) : undefined),
  }
}

const imageFormats = table<ImageFormat>("image", ["png", "jpeg", "gif", "webp"])

const documentFormats = table<DocumentFormat>(
  "application",
  ["pdf", "csv", "doc", "docx", "xls", "xlsx", "html", "txt", "md"],
  {
    csv: "text/csv",
    doc: "application/msword",
    docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    xls: "application/vnd.ms-excel",
    xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    html: "text/html",
    txt: "text/plain",
    md: "text/markdown",
  },
)

/** The format tables by media kind, which is also the name of the block's member (`{ image: ... }`). */
export const MEDIA_FORMATS: Readonly<Record<string, FormatTable<string> | undefined>> = {
  image: imageFormats,
  document: documentFormats,
}
