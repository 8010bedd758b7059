import type { AudioFormat, DocumentFormat, ImageFormat, VideoFormat } from "@aws-sdk/client-bedrock-runtime"

// Bedrock names a media block's format by a short name (`png`, `pdf`, `mov`) where the blueprint holds a mime
// type. The enums are the service model's `ImageFormat`, `DocumentFormat`, `AudioFormat` and `VideoFormat`.
// The first mime type listed for a format is the one `fromRequest` writes back.

const IMAGE: Readonly<Record<ImageFormat, readonly string[]>> = {
  png: ["image/png"],
  jpeg: ["image/jpeg", "image/jpg"],
  gif: ["image/gif"],
  webp: ["image/webp"],
}

const DOCUMENT: Readonly<Record<DocumentFormat, readonly string[]>> = {
  pdf: ["application/pdf"],
  csv: ["text/csv"],
  doc: ["application/msword"],
  docx: ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
  xls: ["application/vnd.ms-excel"],
  xlsx: ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
  html: ["text/html"],
  txt: ["text/plain"],
  md: ["text/markdown", "text/x-markdown"],
}

const AUDIO: Readonly<Record<AudioFormat, readonly string[]>> = {
  mp3: ["audio/mpeg", "audio/mp3"],
  wav: ["audio/wav", "audio/x-wav", "audio/wave"],
  ogg: ["audio/ogg"],
  flac: ["audio/flac", "audio/x-flac"],
  aac: ["audio/aac"],
  mp4: ["audio/mp4"],
  m4a: ["audio/x-m4a", "audio/m4a"],
  opus: ["audio/opus"],
  webm: ["audio/webm"],
  mkv: ["audio/x-matroska-video"],
  mka: ["audio/x-matroska"],
  "x-aac": ["audio/x-aac"],
  mpeg: ["audio/x-mpeg"],
  mpga: ["audio/mpga"],
  pcm: ["audio/pcm", "audio/l16"],
}

const VIDEO: Readonly<Record<VideoFormat, readonly string[]>> = {
  mp4: ["video/mp4"],
  mov: ["video/quicktime"],
  webm: ["video/webm"],
  mkv: ["video/x-matroska"],
  flv: ["video/x-flv"],
  mpeg: ["video/mpeg"],
  mpg: ["video/mpg"],
  wmv: ["video/x-ms-wmv"],
  three_gp: ["video/3gpp"],
}

/** A mime type ↔ format table for one kind of media block. */
export interface FormatTable<F extends string> {
  /** The Bedrock format for a mime type; `undefined` when Bedrock has none. */
  format(mimeType: string | undefined): F | undefined
  /** The mime type for a Bedrock format (as received: an unknown format gives `undefined`). */
  mimeType(format: string | undefined): string | undefined
}

function table<F extends string>(formats: Readonly<Record<F, readonly string[]>>): FormatTable<F> {
  const byMime = new Map<string, F>()
  for (const [format, mimes] of Object.entries(formats) as [F, readonly string[]][])
    for (const mime of mimes) byMime.set(mime, format)
  return {
    format: (mimeType) =>
      mimeType ? byMime.get(mimeType.split(";", 1)[0]!.trim().toLowerCase()) : undefined,
    mimeType: (format) =>
      format !== undefined && Object.hasOwn(formats, format) ? formats[format as F][0] : undefined,
  }
}

export const imageFormats = table(IMAGE)
export const documentFormats = table(DOCUMENT)
export const audioFormats = table(AUDIO)
export const videoFormats = table(VIDEO)
