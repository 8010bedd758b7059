import type {
  CachePointBlock,
  ContentBlock,
  DocumentBlock,
  ImageBlock,
  ToolResultContentBlock,
} from "@aws-sdk/client-bedrock-runtime"
import { type Content, isKnownContent, type MediaSource, mediaKind, parseMediaSource } from "@pl/blueprint"
import { base64ToBytes } from "./base64.js"
import { type Conversion, unsupported, warn } from "./conversion.js"
import {
  audioFormats,
  documentFormats,
  type FormatTable,
  imageFormats,
  videoFormats,
} from "./media-formats.js"

/** A media block as both a message and a tool result can hold it. */
type MediaBlock =
  | { image: ImageBlock }
  | { document: DocumentBlock }
  | Extract<ContentBlock, { audio: unknown }>
  | Extract<ContentBlock, { video: unknown }>

/**
 * A `cache_control` field (Anthropic's, which blueprints use for prompt caching) as the `cachePoint` block
 * Bedrock wants after the cached content; `undefined` when there is none. Bedrock's TTLs are `5m` and `1h`.
 */
export function cachePointOf(holder: object): CachePointBlock | undefined {
  const control = (holder as { cache_control?: unknown }).cache_control
  if (control === null || typeof control !== "object") return undefined
  const ttl = (control as { ttl?: unknown }).ttl
  return ttl === "5m" || ttl === "1h" ? { type: "default", ttl } : { type: "default" }
}

/**
 * A content part of a user or assistant message as a Bedrock content block; `undefined` when the part was
 * dropped (with a warning). Parts that must be rendered first, and media Bedrock cannot take, throw
 * `UnsupportedFeatureError`.
 */
export function toContentBlock(
  part: Content,
  path: string,
  conversion: Conversion,
): ContentBlock | undefined {
  if (!isKnownContent(part)) return dropPart(part.type, path, conversion)
  switch (part.type) {
    case "text":
      if (part.annotations?.length)
        warn(
          conversion,
          "content.text.annotations",
          path,
          "Bedrock takes no annotations on input text; dropped",
        )
      if (part.thought_signature)
        warn(
          conversion,
          "content.text.thought_signature",
          path,
          "a Gemini thought signature means nothing to Bedrock; dropped",
        )
      return { text: part.text }
    case "thinking":
      return {
        reasoningContent: {
          reasoningText: part.signature
            ? { text: part.thinking, signature: part.signature }
            : { text: part.thinking },
        },
      }
    case "redacted_thinking":
      return { reasoningContent: { redactedContent: base64ToBytes(part.data) } }
    case "image_url":
      return imageBlock(part.image_url.url, undefined, `${path}.image_url.url`)
    case "media":
      return mediaBlock(part.media, `${path}.media`, conversion)
    case "media_variable":
      return unsupported(
        "content.media_variable",
        path,
        `the media variable "${part.name}" must be rendered first (@pl/templating renderTemplate)`,
      )
    default:
      return dropPart(part.type, path, conversion)
  }
}

/**
 * A content part of a tool message as a block of a Bedrock `toolResult`, which holds text, images,
 * documents and videos only.
 */
export function toToolResultBlock(
  part: Content,
  path: string,
  conversion: Conversion,
): ToolResultContentBlock | undefined {
  if (isKnownContent(part)) {
    if (part.type === "text") return { text: part.text }
    if (part.type === "image_url" || part.type === "media" || part.type === "media_variable") {
      const block = toContentBlock(part, path, conversion)
      if (block?.image) return { image: block.image }
      if (block?.document) return { document: block.document }
      if (block?.video) return { video: block.video }
    }
  }
  return dropPart(part.type, path, conversion, TOOL_RESULT_HOLDS)
}

const TOOL_RESULT_HOLDS = "a Bedrock tool result holds text, images, documents and videos, not"

function dropPart(type: string, path: string, conversion: Conversion, why = "Bedrock has no"): undefined {
  warn(conversion, `content.${type}`, path, `${why} ${type} parts; dropped`)
  return undefined
}

function mediaSource(url: string, mimeType: string | undefined, path: string): MediaSource {
  const source = parseMediaSource(url, mimeType)
  if (source.kind === "url" && !source.url.startsWith("s3://"))
    unsupported(
      "content.media_url",
      path,
      "Bedrock takes media as bytes or an s3:// URI, never by URL; fetch it and pass a data: URL or base64",
    )
  if (source.kind === "base64" && source.data === "") unsupported("content.media", path, "the media is empty")
  return source
}

function sourceOf(source: MediaSource) {
  return source.kind === "url" ? { s3Location: { uri: source.url } } : { bytes: base64ToBytes(source.data) }
}

function formatOf<F extends string>(
  formats: FormatTable<F>,
  source: MediaSource,
  kind: string,
  path: string,
): F {
  const format = formats.format(source.mimeType)
  if (format === undefined)
    unsupported(
      `content.${kind}`,
      path,
      source.mimeType
        ? `Bedrock takes no ${kind} of type ${source.mimeType}`
        : `the ${kind}'s type is unknown; give a data: URL with a mime type or a file extension`,
    )
  return format
}

function imageBlock(url: string, mimeType: string | undefined, path: string): { image: ImageBlock } {
  const source = mediaSource(url, mimeType, path)
  return { image: { format: formatOf(imageFormats, source, "image", path), source: sourceOf(source) } }
}

function mediaBlock(
  media: { url: string; type: string; title?: string | null | undefined },
  path: string,
  conversion: Conversion,
): MediaBlock {
  const source = mediaSource(media.url, media.type, `${path}.url`)
  switch (mediaKind(source.mimeType)) {
    case "image":
      return { image: { format: formatOf(imageFormats, source, "image", path), source: sourceOf(source) } }
    case "audio":
      return { audio: { format: formatOf(audioFormats, source, "audio", path), source: sourceOf(source) } }
    case "video":
      return { video: { format: formatOf(videoFormats, source, "video", path), source: sourceOf(source) } }
    default:
      return {
        document: {
          format: formatOf(documentFormats, source, "document", path),
          name: documentName(media.title) ?? `document-${++conversion.documents}`,
          source: sourceOf(source),
        },
      }
  }
}

/**
 * A document's name as Bedrock accepts it: letters, digits, single spaces, hyphens, parentheses and square
 * brackets, at most 200 characters (the service model's `DocumentBlock.name`). Anything else becomes a space.
 */
export function documentName(title: string | null | undefined): string | undefined {
  const name = (title ?? "")
    .replace(/[^A-Za-z0-9\-()[\]]+/g, " ")
    .trim()
    .slice(0, 200)
    .trim()
  return name === "" ? undefined : name
}
