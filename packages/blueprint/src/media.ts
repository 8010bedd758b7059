/**
 * Media sources as blueprints hold them: an http(s) URL, a provider file URI (`gs://`, `s3://`), a
 * `data:` URL, or bare base64. Providers want either a URL or base64 data with a mime type; this is the
 * one place that tells them apart.
 */
export type MediaSource =
  | { kind: "url"; url: string; mimeType: string | undefined }
  | { kind: "base64"; data: string; mimeType: string | undefined }

/** Thrown when a media string is neither a URL, a data URL nor base64. */
export class MediaSourceError extends TypeError {
  override readonly name = "MediaSourceError"
}

const DATA_URL = /^data:([^;,]*)((?:;[^;,]*)*?);base64,(.*)$/s
const URI_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/

/**
 * Tells a media string's form apart: a URL (any scheme), a base64 `data:` URL, or bare base64. The mime
 * type is the data URL's, else `mimeType`; nothing is guessed here (guessing needs lookup tables a
 * converter-only bundle should not carry): call {@link guessMimeType} where a provider needs a type.
 *
 * @throws {MediaSourceError} when the string is none of those forms.
 * @example
 * parseMediaSource("data:image/png;base64,iVBORw0KGgo=") // { kind: "base64", data: "iVBORw0KGgo=", mimeType: "image/png" }
 * parseMediaSource("https://x.test/cat.jpg")             // { kind: "url", url: "https://x.test/cat.jpg", mimeType: undefined }
 * parseMediaSource("JVBERi0xLjQK", "application/pdf")    // { kind: "base64", data: "JVBERi0xLjQK", mimeType: "application/pdf" }
 */
export function parseMediaSource(value: string, mimeType?: string): MediaSource {
  const text = value.trim()
  if (text.startsWith("data:")) {
    const match = DATA_URL.exec(text)
    if (!match) throw new MediaSourceError("a data: URL must be base64 (data:<mime>;base64,<data>)")
    return { kind: "base64", data: match[3] ?? "", mimeType: match[1] || mimeType }
  }
  if (URI_SCHEME.test(text)) return { kind: "url", url: text, mimeType }
  const data = text.replace(/\s+/g, "")
  if (data.length > 0 && BASE64.test(data)) return { kind: "base64", data, mimeType }
  throw new MediaSourceError(`not a URL, data URL or base64: ${JSON.stringify(text.slice(0, 40))}`)
}

/**
 * The source's mime type: the declared one, else a guess from a URL's extension or from the first bytes
 * of base64 data; `undefined` when it cannot tell.
 *
 * @example
 * guessMimeType(parseMediaSource("https://x.test/cat.jpg")) // "image/jpeg"
 * guessMimeType(parseMediaSource("JVBERi0xLjQK"))           // "application/pdf"
 */
export function guessMimeType(source: MediaSource): string | undefined {
  if (source.mimeType) return source.mimeType
  return source.kind === "url" ? mimeTypeFromUrl(source.url) : mimeTypeFromBase64(source.data)
}

/** `data:<mime>;base64,<data>` for a base64 source. */
export function toDataUrl(data: string, mimeType: string): string {
  return `data:${mimeType};base64,${data}`
}

// File signatures: [offset, bytes as latin1 text, mime type].
const SIGNATURES: readonly (readonly [number, string, string])[] = [
  [0, "\x89PNG", "image/png"],
  [0, "\xFF\xD8\xFF", "image/jpeg"],
  [0, "GIF8", "image/gif"],
  [0, "%PDF-", "application/pdf"],
  [0, "ID3", "audio/mpeg"],
  [0, "OggS", "audio/ogg"],
  [0, "fLaC", "audio/flac"],
  [0, "\x1A\x45\xDF\xA3", "video/webm"],
  [0, "BM", "image/bmp"],
]

/**
 * Guesses a mime type from the first bytes of base64 data (PNG, JPEG, GIF, WebP, PDF, MP3, WAV, OGG,
 * FLAC, MP4, MOV, HEIC, WebM, BMP); `undefined` when it cannot tell.
 */
export function mimeTypeFromBase64(data: string): string | undefined {
  const head = decodeBase64Prefix(data.slice(0, 24))
  if (head.startsWith("RIFF")) {
    const format = head.slice(8, 12)
    return format === "WEBP" ? "image/webp" : format === "WAVE" ? "audio/wav" : undefined
  }
  if (head.slice(4, 8) === "ftyp") {
    const brand = head.slice(8, 12)
    if (brand.startsWith("heic") || brand.startsWith("heix") || brand.startsWith("mif1")) return "image/heic"
    if (brand.startsWith("qt")) return "video/quicktime"
    if (brand.startsWith("M4A")) return "audio/mp4"
    return "video/mp4"
  }
  for (const [offset, bytes, mime] of SIGNATURES) if (head.startsWith(bytes, offset)) return mime
  // MPEG audio frame sync without an ID3 tag: 11 set bits.
  if (head.charCodeAt(0) === 0xff && (head.charCodeAt(1) & 0xe0) === 0xe0) return "audio/mpeg"
  return undefined
}

function decodeBase64Prefix(prefix: string): string {
  const usable = prefix
    .slice(0, prefix.length - (prefix.length % 4))
    .replace(/-/g, "+")
    .replace(/_/g, "/")
  try {
    return atob(usable)
  } catch {
    return ""
  }
}

const EXTENSION_MIME_TYPES: Readonly<Record<string, string>> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  heic: "image/heic",
  heif: "image/heif",
  bmp: "image/bmp",
  svg: "image/svg+xml",
  pdf: "application/pdf",
  txt: "text/plain",
  md: "text/markdown",
  csv: "text/csv",
  html: "text/html",
  json: "application/json",
  doc: "application/msword",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xls: "application/vnd.ms-excel",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  mp3: "audio/mpeg",
  wav: "audio/wav",
  ogg: "audio/ogg",
  flac: "audio/flac",
  m4a: "audio/mp4",
  aac: "audio/aac",
  mp4: "video/mp4",
  mov: "video/quicktime",
  webm: "video/webm",
}

/** Guesses a mime type from a URL's file extension; `undefined` when it has none we know. */
export function mimeTypeFromUrl(url: string): string | undefined {
  const path = url.split(/[?#]/, 1)[0] ?? ""
  const dot = path.lastIndexOf(".")
  if (dot < 0 || dot < path.lastIndexOf("/")) return undefined
  return EXTENSION_MIME_TYPES[path.slice(dot + 1).toLowerCase()]
}

/** What kind of media a mime type names, the way providers group their content blocks. */
export type MediaKind = "image" | "audio" | "video" | "document"

/**
 * @example
 * mediaKind("application/pdf") // "document"
 */
export function mediaKind(mimeType: string | undefined): MediaKind {
  const top = mimeType?.split("/", 1)[0]
  if (top === "image" || top === "audio" || top === "video") return top
  return "document"
}
