import {
  type Content,
  type ImageUrlContent,
  type MediaContent,
  mediaKind,
  parseMediaSource,
  type TextContent,
  toDataUrl,
} from "@pl/blueprint"
import type { ContentChunk, SystemMessageContentChunks } from "@mistralai/mistralai/models/components"
import { unsupported, type Warn } from "./conversion.js"
import { isKnownContent } from "./known-types.js"

/**
 * Blueprint parts → Mistral content. One text part is sent as a plain string (Mistral's most common form);
 * anything else as a list of chunks: `text`, `thinking` (with its `signature`), `image_url`, `document_url`,
 * `input_audio`. What Mistral cannot take is dropped with a warning; what must be rendered first
 * (`media_variable`) or cannot be dropped without changing the question (video, media Mistral cannot fetch)
 * throws `UnsupportedFeatureError`.
 */
export function toMistralContent(parts: readonly Content[], path: string, warn: Warn): string | ContentChunk[] {
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
    if (part.type !== "text" && part.type !== "thinking" && part.type !== "media_variable") {
      warn(`content.${part.type}`, partPath, "Mistral system messages take only text and thinking; the part was dropped")
      continue
    }
    const chunk = toChunk(part, partPath, warn)
    if (chunk?.type === "text" || chunk?.type === "thinking") chunks.push(chunk)
  }
  return collapse(chunks)
}

function collapse<Chunk extends { type?: string }>(chunks: Chunk[]): string | Chunk[] {
  const only = chunks.length === 1 ? chunks[0] : undefined
  return only?.type === "text" ? (only as unknown as { text: string }).text : chunks
}

function toChunk(part: Content, path: string, warn: Warn): ContentChunk | undefined {
  if (!isKnownContent(part)) {
    warn(`content.${part.type}`, path, `unknown content type ${part.type}; the part was dropped`)
    return undefined
  }
  switch (part.type) {
    case "text":
      return textChunk(part, path, warn)
    case "thinking":
      return {
        type: "thinking",
        thinking: [{ type: "text", text: part.thinking }],
        ...(part.signature != null ? { signature: part.signature } : {}),
      }
    case "image_url":
      return imageChunk(part, path)
    case "media":
      return mediaChunk(part, path)
    case "media_variable":
      throw unsupported(
        "content.media_variable",
        path,
        `render the template first (@pl/templating) to fill the media variable ${part.name}`,
      )
    case "redacted_thinking":
      warn(
        "content.redacted_thinking",
        path,
        "Mistral has no encrypted reasoning to replay another provider's redacted thinking; the part was dropped",
      )
      return undefined
    default:
      // output_media, code, and the parts of tools other providers run themselves (web search results, MCP,
      // shell, apply_patch): Mistral's chat messages have no form for them.
      warn(`content.${part.type}`, path, `Mistral chat messages cannot hold a ${part.type} part; it was dropped`)
      return undefined
  }
}

function textChunk(part: TextContent, path: string, warn: Warn): ContentChunk {
  if (part.thought_signature != null)
    warn(
      "content.text.thought_signature",
      path,
      "a Gemini thought signature means nothing to Mistral; it was not sent",
    )
  if (part.annotations?.length)
    warn("content.text.annotations", path, "Mistral messages carry no citations; the annotations were not sent")
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
      return {
        type: "document_url",
        documentUrl: fetchableUrl(url, type, path),
        ...(title != null ? { documentName: title } : {}),
      }
    case "audio":
      return { type: "input_audio", inputAudio: audioData(url, path) }
    case "video":
      throw unsupported("content.media", path, `Mistral chat models take no video (${type})`)
  }
}

const HTTP_OR_DATA = /^\s*(?:https?:\/\/|data:)/i

/**
 * An http(s) URL or a data URL, as `image_url` and `document_url` take; bare base64 becomes a data URL of the
 * declared type, else of the type its bytes show (an image_url part declares none), else `image/jpeg`.
 */
function fetchableUrl(value: string, declared: string | undefined, path: string): string {
  if (HTTP_OR_DATA.test(value)) return value
  const source = parseMediaSource(value, declared)
  if (source.kind === "base64") return toDataUrl(source.data, source.mimeType ?? "image/jpeg")
  throw unsupported("content.media", path, `Mistral fetches only http(s) and data: URLs, not ${source.url}`)
}

/** `input_audio` takes the audio as base64 (Mistral's audio docs) or an http(s) URL. */
function audioData(value: string, path: string): string {
  const source = parseMediaSource(value)
  if (source.kind === "base64") return source.data
  if (/^https?:\/\//i.test(source.url)) return source.url
  throw unsupported("content.media", path, `Mistral fetches only http(s) URLs, not ${source.url}`)
}
