/**
 * Media parts as both OpenAI APIs take them: an image as a URL or a `data:` URL, audio as bare base64 with
 * a `wav`/`mp3` format, a document as a `data:` URL (`file_data`) with a file name.
 */
import { type MediaContent, type MediaKind, mediaKind, parseMediaSource, toDataUrl } from "@pl/blueprint"

export interface Media {
  kind: MediaKind
  mimeType: string
  /** Set for an http(s) or provider URL. */
  url?: string
  /** Bare base64, set for inline data. */
  data?: string
}

/** Reads a `media` part: its kind, mime type, and URL or base64 data. */
export function readMedia(part: MediaContent): Media {
  const source = parseMediaSource(part.media.url, part.media.type)
  const mimeType = source.mimeType ?? part.media.type
  return source.kind === "url"
    ? { kind: mediaKind(mimeType), mimeType, url: source.url }
    : { kind: mediaKind(mimeType), mimeType, data: source.data }
}

/** The media as one string: its URL, or a `data:` URL for inline data. */
export function mediaUrl(media: Media): string {
  return media.url ?? toDataUrl(media.data ?? "", media.mimeType)
}

/** OpenAI takes audio input as `wav` or `mp3` only. */
export function audioFormat(mimeType: string): "wav" | "mp3" | undefined {
  if (/^audio\/(?:x-|vnd\.)?wave?$/.test(mimeType)) return "wav"
  if (mimeType === "audio/mpeg" || mimeType === "audio/mp3") return "mp3"
  return undefined
}

/** The mime type of an OpenAI audio `format`. */
export function audioMimeType(format: string): string {
  return format === "mp3" ? "audio/mpeg" : `audio/${format}`
}

/** OpenAI wants a file name with inline file data; the part's title, else (or if empty) a neutral one. */
export function filenameOf(part: MediaContent, mimeType: string): string {
  return part.media.title || (mimeType === "application/pdf" ? "document.pdf" : "document")
}

/** A `media` part for inline file data as OpenAI sends it (`data:` URL or bare base64). */
export function mediaFromFileData(fileData: string, filename: string | null | undefined): MediaContent {
  const mimeType = parseMediaSource(fileData).mimeType ?? "application/octet-stream"
  return {
    type: "media",
    media: { type: mimeType, url: fileData, ...(filename != null && { title: filename }) },
  }
}
