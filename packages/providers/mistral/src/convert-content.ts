import type { ContentChunk, SystemMessageContentChunks } from "@mistralai/mistralai/models/components"
import {
  type Content,
  type ImageUrlContent,
  type KnownContent,
  type MediaContent,
  mediaKind,
  mimeTypeFromBase64,
  type TextContent,
  toDataUrl,
} from "@pl/blueprint"
import { RENDER_FIRST, unsupported, type Warn } from "./conversion.js"
import { definedOnly } from "./fields.js"

/**
 * Blueprint parts → Mistral content. One text part is sent as a plain string (Mistral's most common form);
 * anything else as a list of chunks: `text`, `thinking` (with its `signature`), `image_url`, `document_url`,
 * `input_audio`. What Mistral cannot take is dropped with a warning; what must be rendered first
 * (`media_variable`) or cannot be dropped without changing the question (video, media Mistral cannot fetch)
 * throws `UnsupportedFeatureError`.
 */
export function toMistralContent(
  parts: readonly Content[],
  path: string,
  warn: Warn,
): string | ContentChunk[] {
  const chunks: ContentChunk[] = []
  for (const [i, part] of parts.entries()) {
    const chunk = toChunk(part, `${path}[${i}]`, warn)
    if (chunk) chunks.push(chunk)
  }
  return collapse(chunks)
}

/** System messages take only text and thinking chunks (`SystemMessageContentChunks`); other parts are dropped. */
export function toSystemContent(
  parts: readonly Content[],
  path: string,
  warn: Warn,
): string | SystemMessageContentChunks[] {
  const chunks: SystemMessageContentChunks[] = []
  for (const [i, part] of parts.entries()) {
    const partPath = `${path}[${i}]`
    if (part.type === "text" || part.type === "thinking" || part.type === "media_variable") {
      const chunk = toChunk(part, partPath, warn)
      if (chunk) chunks.push(chunk as SystemMessageContentChunks)
    } else warn(`content.${part.type}`, partPath, "dropped: system messages hold text and thinking only")
  }
  return collapse(chunks)
}

function collapse<Chunk extends { type?: string }>(chunks: Chunk[]): string | Chunk[] {
  const only = chunks.length === 1 ? chunks[0] : undefined
  return only?.type === "text" ? (only as unknown as { text: string }).text : chunks
}

function toChunk(part: Content, path: string, warn: Warn): ContentChunk | undefined {
  // A switch on the type rather than isKnownContent, whose list of types would cost converter budget: parsing
  // guarantees a part of a known type has that type's fields, and unknown types reach `default`.
  const known = part as KnownContent
  switch (known.type) {
    case "text":
      return textChunk(known, path, warn)
    case "thinking":
      return definedOnly({
        type: "thinking" as const,
        thinking: [{ type: "text" as const, text: known.thinking }],
        signature: known.signature,
      })
    case "image_url":
      return imageChunk(known, path)
    case "media":
      return mediaChunk(known, path)
    case "media_variable":
      throw unsupported(
        "content.media_variable",
        path,
        `${RENDER_FIRST} to fill the media variable ${known.name}`,
      )
    default:
      // redacted_thinking (another provider's encrypted reasoning), output_media, code, the parts of tools
      // other providers run (web search results, MCP, shell, apply_patch), and unknown types.
      warn(`content.${part.type}`, path, `dropped: Mistral messages have no ${part.type} part`)
      return undefined
  }
}

function textChunk(part: TextContent, path: string, warn: Warn): ContentChunk {
  if (part.thought_signature != null) warn("content.text.thought_signature", path, "not sent: Gemini only")
  if (part.annotations?.length)
    warn("content.text.annotations", path, "not sent: messages carry no citations")
  return { type: "text", text: part.text }
}

function imageChunk(part: ImageUrlContent, path: string): ContentChunk {
  const url = fetchableUrl(part.image_url.url, undefined, path)
  const detail = part.image_url.detail
  return { type: "image_url", imageUrl: detail != null ? { url, detail } : url }
}

function mediaChunk(part: MediaContent, path: string): ContentChunk {
  const { type, url, title } = part.media
  switch (mediaKind(type)) {
    case "image":
      return { type: "image_url", imageUrl: fetchableUrl(url, type, path) }
    case "document":
      return definedOnly({
        type: "document_url" as const,
        documentUrl: fetchableUrl(url, type, path),
        documentName: title,
      })
    case "audio":
      return { type: "input_audio", inputAudio: audioData(url, path) }
    case "video":
      throw unsupported("content.media", path, `Mistral chat models take no video (${type})`)
  }
}

// Sending to Mistral needs no guessing from a URL: a source either is a URL Mistral fetches, or is base64
// whose type the part declares (or its bytes show). TODO: @pl/blueprint's parseMediaSource (table-free now)
// could tell these forms apart here.
const HTTP = /^\s*https?:\/\//i
const DATA_URL = /^\s*data:/i
const OTHER_URL = /^[a-z][a-z0-9+.-]*:/i
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/

/**
 * An http(s) URL or a data URL, as `image_url` and `document_url` take; bare base64 becomes a data URL of the
 * declared type, else of the type its bytes show (an image_url part declares none), else `image/jpeg`.
 */
function fetchableUrl(value: string, declared: string | undefined, path: string): string {
  if (HTTP.test(value) || DATA_URL.test(value)) return value
  const data = base64Of(value, path)
  return toDataUrl(data, declared ?? mimeTypeFromBase64(data) ?? "image/jpeg")
}

/** `input_audio` takes the audio as base64 (Mistral's audio docs) or an http(s) URL; a data URL is unwrapped. */
function audioData(value: string, path: string): string {
  if (HTTP.test(value)) return value.trim()
  if (DATA_URL.test(value)) return value.slice(value.indexOf(",") + 1).trim()
  return base64Of(value, path)
}

/** Bare base64, whitespace removed; a URL of another scheme (gs://, s3://, file:) cannot be fetched by Mistral. */
function base64Of(value: string, path: string): string {
  const text = value.trim()
  if (OTHER_URL.test(text))
    throw unsupported("content.media", path, `Mistral fetches http(s) and data: URLs only, not ${text}`)
  const data = text.replace(/\s+/g, "")
  if (!BASE64.test(data)) throw unsupported("content.media", path, "not a URL, data URL or base64")
  return data
}
