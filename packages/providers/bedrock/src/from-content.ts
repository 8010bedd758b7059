import type {
  CitationsContentBlock,
  ContentBlock,
  DocumentSource,
  ReasoningContentBlock,
  ToolResultContentBlock,
} from "@aws-sdk/client-bedrock-runtime"
import {
  type Annotation,
  type Content,
  mimeTypeFromBase64,
  mimeTypeFromUrl,
  type TextContent,
  toDataUrl,
} from "@pl/blueprint"
import { blobToBase64, bytesToBase64 } from "./base64.js"
import {
  audioFormats,
  documentFormats,
  type FormatTable,
  imageFormats,
  videoFormats,
} from "./media-formats.js"

// Bedrock blocks back to blueprint parts. Blobs are bytes from the SDK and base64 in the wire JSON: both are
// read. Blocks with no blueprint part (tool use and results, cache points, guard content) give `undefined`;
// their callers handle the first three.

/** A media source: an `s3Location` URI, or the bytes as base64. */
function sourceUrl(source: { bytes?: unknown; s3Location?: { uri?: string | undefined } } | undefined) {
  if (source?.s3Location?.uri) return { url: source.s3Location.uri, s3: true }
  const data = blobToBase64(source?.bytes)
  return data === undefined ? undefined : { url: data, s3: false }
}

function mimeOf<F extends string>(formats: FormatTable<F>, format: string | undefined, kind: string): string {
  return formats.mimeType(format) ?? `${kind}/${format ?? "octet-stream"}`
}

/** A message content block as a blueprint part; images become `image_url` parts (data URL or s3 URI). */
export function fromContentBlock(block: ContentBlock): Content | undefined {
  if (typeof block.text === "string") return { type: "text", text: block.text }
  if (block.reasoningContent) return fromReasoning(block.reasoningContent)
  if (block.image) {
    const source = sourceUrl(block.image.source)
    if (!source) return undefined
    const mime = mimeOf(imageFormats, block.image.format, "image")
    return { type: "image_url", image_url: { url: source.s3 ? source.url : toDataUrl(source.url, mime) } }
  }
  if (block.document) {
    const { name, format, source } = block.document
    const document = documentUrl(source)
    if (document === undefined) return undefined
    const type = format ? mimeOf(documentFormats, format, "application") : document.mimeType
    return { type: "media", media: { ...(name ? { title: name } : {}), type, url: document.url } }
  }
  if (block.audio || block.video) {
    const [media, formats, kind] = block.audio
      ? [block.audio, audioFormats as FormatTable<string>, "audio"]
      : [block.video!, videoFormats as FormatTable<string>, "video"]
    const source = sourceUrl(media.source)
    if (!source) return undefined
    return { type: "media", media: { type: mimeOf(formats, media.format, kind), url: source.url } }
  }
  if (block.citationsContent) return fromCitations(block.citationsContent)
  return undefined
}

/** A tool result's block as a blueprint part of the tool message; JSON results become their JSON text. */
export function fromToolResultBlock(block: ToolResultContentBlock): Content | undefined {
  if (block.json !== undefined) return { type: "text", text: JSON.stringify(block.json) }
  if (block.image || block.document || block.video || typeof block.text === "string")
    return fromContentBlock(block as ContentBlock)
  return undefined
}

function fromReasoning(reasoning: ReasoningContentBlock): Content | undefined {
  if (reasoning.reasoningText) {
    const { text, signature } = reasoning.reasoningText
    return { type: "thinking", thinking: text ?? "", ...(signature ? { signature } : {}) }
  }
  const data = blobToBase64(reasoning.redactedContent)
  return data === undefined ? undefined : { type: "redacted_thinking", data }
}

// A document given as text (or as text chunks) becomes a plain-text file, so it is sent back as one. The mime
// type is for a document without `format`.
function documentUrl(source: DocumentSource | undefined): { url: string; mimeType: string } | undefined {
  const media = sourceUrl(source)
  if (media) {
    const sniffed = media.s3 ? mimeTypeFromUrl(media.url) : mimeTypeFromBase64(media.url)
    return { url: media.url, mimeType: sniffed ?? "application/octet-stream" }
  }
  const text = source?.text ?? source?.content?.map((chunk) => chunk.text ?? "").join("")
  if (text === undefined) return undefined
  return { url: bytesToBase64(new TextEncoder().encode(text)), mimeType: "text/plain" }
}

/** Cited text as a text part; web sources become `url_citation` annotations. */
export function fromCitations(block: CitationsContentBlock): TextContent {
  const text = (block.content ?? []).map((chunk) => chunk.text ?? "").join("")
  const annotations: Annotation[] = []
  for (const citation of block.citations ?? []) {
    const annotation = urlCitation(citation)
    if (annotation) annotations.push(annotation)
  }
  return annotations.length > 0 ? { type: "text", text, annotations } : { type: "text", text }
}

/** A Bedrock citation of a web page as a `url_citation`; `undefined` for other sources. */
export function urlCitation(citation: {
  title?: string | undefined
  location?: { web?: { url?: string | undefined } | undefined } | undefined
}): Annotation | undefined {
  const url = citation.location?.web?.url
  if (!url) return undefined
  return { type: "url_citation", url, ...(citation.title ? { title: citation.title } : {}) }
}
