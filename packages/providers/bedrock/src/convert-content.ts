import type { CachePointBlock, ContentBlock } from "@aws-sdk/client-bedrock-runtime"
import { type Content, type KnownContent, mediaKind } from "@pl/blueprint"
import { base64ToBytes } from "./base64.js"
import { type Conversion, RENDER_FIRST, unsupported, warn } from "./conversion.js"
import { MEDIA_FORMATS } from "./media-formats.js"

/**
 * A `cache_control` field (Anthropic's, which blueprints use for prompt caching) as the `cachePoint` block
 * Bedrock wants after the cached content; `undefined` when there is none. The TTL (`5m` or `1h`, the same
 * values for both) is passed on.
 */
export function cachePointOf(holder: object): CachePointBlock | undefined {
  const control = (holder as { cache_control?: { ttl?: CachePointBlock["ttl"] } | null }).cache_control
  return control && typeof control === "object"
    ? { type: "default", ...(control.ttl && { ttl: control.ttl }) }
    : undefined
}

/**
 * A content part as a Bedrock content block; `undefined` when the part was dropped (with a warning). In a
 * system prompt only non-empty text goes (the service model's `NonEmptyString`), in a tool result no
 * reasoning. Parts that must be rendered first, and media this adapter cannot send, throw
 * `UnsupportedFeatureError`.
 */
export function toContentBlock(
  part: Content,
  path: string,
  conversion: Conversion,
  where: "message" | "system prompt" | "tool result" = "message",
): ContentBlock | undefined {
  const message = where === "message"
  if (
    message ||
    (where === "system prompt" ? part.type === "text" && part.text : !/thinking/.test(part.type))
  ) {
    return convert(part, path, conversion)
  }
  warn(conversion, `content.${part.type}`, path, `not in a Bedrock ${where}`)
  return undefined
}

function convert(part: Content, path: string, conversion: Conversion): ContentBlock | undefined {
  // A switch on the type, not isKnownContent: its module holds the zod schemas a converter must not bundle.
  // A known type has a known part's fields (parsing guarantees it); any other type falls to `default`.
  const known = part as KnownContent
  switch (known.type) {
    case "text":
      // Annotations are the answer's, Gemini's signature means nothing to Bedrock.
      for (const key of ["annotations", "thought_signature"] as const)
        if (known[key]?.length) warn(conversion, `content.text.${key}`, path)
      return { text: known.text }
    case "thinking":
      return {
        reasoningContent: {
          reasoningText: known.signature
            ? { text: known.thinking, signature: known.signature }
            : { text: known.thinking },
        },
      }
    case "redacted_thinking":
      return { reasoningContent: { redactedContent: base64ToBytes(known.data) } }
    case "image_url":
      return mediaBlock(known.image_url.url, undefined, undefined, `${path}.image_url.url`, conversion)
    case "media":
      return mediaBlock(known.media.url, known.media.type, known.media.title, `${path}.media.url`, conversion)
    case "media_variable":
      return unsupported("content.media_variable", path, RENDER_FIRST)
    default:
      warn(conversion, `content.${part.type}`, path)
      return undefined
  }
}

// Bedrock takes media as bytes or by S3 location, in a block named for its kind (`image`, `document`) with
// the format its mime type names; a document needs a name too. Audio and video (Bedrock's `audio` and
// `video` blocks) have no format table here: refused.
//
// Bedrock needs no mime-type guessing: media parts and data URLs declare their type, and an image URL is an
// s3:// URI whose extension names the format. TODO: @pl/blueprint's parseMediaSource (table-free now) could
// replace the data-URL and base64 checks here.
function mediaBlock(
  url: string,
  mimeType: string | undefined,
  title: string | null | undefined,
  path: string,
  conversion: Conversion,
): ContentBlock {
  const s3 = url.startsWith("s3://")
  // `data:<mime>;base64,<data>`, or bare base64: `atob` refuses anything else (a URL, say).
  const comma = url.startsWith("data:") ? url.indexOf(",") : -1
  const declared = comma > 0 ? url.slice(5, url.search(/[;,]/)) : undefined
  let bytes: Uint8Array | undefined
  if (!s3)
    try {
      bytes = base64ToBytes(url.slice(comma + 1))
    } catch {
      unsupported("content.media_url", path, "Bedrock takes bytes or s3:// URIs, no URL")
    }
  // An image part without a data URL is an s3:// URI: its extension names the format.
  const extension = s3 ? /\.(\w+)$/.exec(url)?.[1]?.toLowerCase() : undefined
  const type = declared || mimeType || (extension && `image/${extension === "jpg" ? "jpeg" : extension}`)
  const kind = mimeType === undefined ? "image" : mediaKind(type)
  const format = MEDIA_FORMATS[kind]?.format(type)
  if (!format) unsupported(`content.${kind}`, path, `this adapter sends no ${kind} of type ${type}`)
  const source = bytes ? { bytes } : { s3Location: { uri: url } }
  const name =
    kind === "document" ? { name: documentName(title) ?? `document-${++conversion.documents}` } : {}
  // The member named for the kind: `{ image: ImageBlock }`, `{ document: DocumentBlock }`, ...
  return { [kind]: { format, ...name, source } } as unknown as ContentBlock
}

/**
 * A document's name as Bedrock accepts it: letters, digits, single spaces, hyphens, parentheses and square
 * brackets, at most 200 characters (the service model's `DocumentBlock.name`). Anything else becomes a space.
 */
function documentName(title: string | null | undefined): string | undefined {
  return (
    (title ?? "")
      .replace(/[^A-Za-z0-9\-()[\]]+/g, " ")
      .slice(0, 200)
      .trim() || undefined
  )
}
