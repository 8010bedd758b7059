import type {
  CacheControlEphemeral,
  ContentBlock,
  ContentBlockParam,
  DocumentBlockParam,
  ImageBlockParam,
  TextBlockParam,
  TextCitationParam,
  ToolUseBlock,
  ToolUseBlockParam,
} from "@anthropic-ai/sdk/resources/messages"
import {
  type Content,
  type KnownContent,
  type MediaContent,
  type MediaSource,
  mediaKind,
  stringifyToolArguments,
  type TextContent,
  type ToolCall,
  toDataUrl,
} from "@pl/blueprint"
import { fromCitation, toCitation } from "./citations.js"
import { isObject, RENDER_FIRST, unsupported, type Warn } from "./context.js"
import { mediaSource } from "./media-source.js"

/** Where content goes: the top-level `system`, a user turn, an assistant turn, or a `tool_result` block. */
export type Turn = "system" | "user" | "assistant" | "tool"

// What Anthropic takes where. Since API version 2026-10-21 a document in an assistant turn is an error.
const ALLOWED: Readonly<Record<Turn, ReadonlySet<string>>> = {
  system: new Set(["text"]),
  user: new Set(["text", "image_url", "media"]),
  tool: new Set(["text", "image_url", "media"]),
  assistant: new Set(["text", "thinking", "redacted_thinking", "server_tool_use", "web_search_tool_result"]),
}

const IMAGE_TYPE = /^image\/(jpeg|png|gif|webp)$/

/** `cache_control` of a blueprint part or message (they are loose objects), to spread into a block. */
export function cacheControl(value: object): { cache_control?: CacheControlEphemeral } {
  const control = (value as { cache_control?: unknown }).cache_control
  return isObject(control) ? { cache_control: control as unknown as CacheControlEphemeral } : {}
}

/** Blueprint parts → Anthropic content blocks for one message; what the turn cannot hold is dropped with a warning. */
export function toBlocks(
  parts: readonly Content[],
  turn: Turn,
  path: string,
  warn: Warn,
): ContentBlockParam[] {
  const blocks: ContentBlockParam[] = []
  for (const [i, part] of parts.entries()) {
    const block = toBlock(part, turn, `${path}.content[${i}]`, warn)
    if (block) blocks.push(block)
  }
  return blocks
}

function toBlock(part: Content, turn: Turn, path: string, warn: Warn): ContentBlockParam | undefined {
  if (part.type === "media_variable") throw unsupported("content.media_variable", path, RENDER_FIRST)
  // Unknown part types fail this check too. (isKnownContent would bundle zod: its module holds the schemas.)
  if (!ALLOWED[turn].has(part.type)) {
    warn(`content.${part.type}`, path, `not sent: no ${part.type} in ${turn} turns`)
    return undefined
  }
  const known = part as KnownContent
  switch (known.type) {
    case "text":
      return toText(known, turn, path, warn)
    case "thinking":
      if (known.signature) return { type: "thinking", thinking: known.thinking, signature: known.signature }
      warn("content.thinking", path, "not sent: no signature")
      return undefined
    case "redacted_thinking":
      return { type: "redacted_thinking", data: known.data }
    case "image_url":
      if (known.image_url.detail) warn("content.image_url.detail", path, "not sent: no such setting")
      return { ...toImage(mediaSource(known.image_url.url, undefined, path), path), ...cacheControl(known) }
    case "media":
      return toMedia(known, path)
    default:
      // server_tool_use and web_search_tool_result: Anthropic's own blocks, kept as received (the search
      // results opaque), so they replay exactly.
      return { ...known } as ContentBlockParam
  }
}

function toText(part: TextContent, turn: Turn, path: string, warn: Warn): TextBlockParam | undefined {
  // Anthropic rejects empty text blocks ("text content blocks must be non-empty").
  if (part.text === "") return undefined
  if (part.thought_signature) warn("content.text.thought_signature", path, "not sent: Gemini only")
  const block: TextBlockParam = { type: "text", text: part.text, ...cacheControl(part) }
  const annotations = part.annotations ?? []
  if (annotations.length === 0) return block
  if (turn !== "assistant") {
    warn("content.text.annotations", path, "not sent: only assistant turns take citations")
    return block
  }
  const citations: TextCitationParam[] = []
  for (const annotation of annotations) {
    const citation = toCitation(annotation)
    if (citation) citations.push(citation)
    else warn(`annotations.${annotation.type}`, path, "not sent: not an Anthropic citation")
  }
  if (citations.length > 0) block.citations = citations
  return block
}

function toImage(source: MediaSource, path: string): ImageBlockParam {
  if (source.kind === "url") return { type: "image", source: { type: "url", url: source.url } }
  const mime = source.mimeType ?? "unknown"
  if (!IMAGE_TYPE.test(mime))
    throw unsupported("content.image", path, `images must be JPEG, PNG, GIF or WebP, not ${mime}`)
  return {
    type: "image",
    source: { type: "base64", media_type: mime as "image/png", data: source.data },
  }
}

function toMedia(part: MediaContent, path: string): ImageBlockParam | DocumentBlockParam {
  const source = mediaSource(part.media.url, part.media.type, path)
  if (mediaKind(source.mimeType) === "image") return { ...toImage(source, path), ...cacheControl(part) }
  let document: DocumentBlockParam["source"]
  if (source.mimeType === "application/pdf")
    document =
      source.kind === "url"
        ? { type: "url", url: source.url }
        : { type: "base64", media_type: "application/pdf", data: source.data }
  else if (source.mimeType === "text/plain" && source.kind === "base64")
    document = { type: "text", media_type: "text/plain", data: decodeText(source.data) }
  else
    throw unsupported(
      "content.media",
      path,
      `files must be images, PDFs or base64 text, not ${source.mimeType} ${source.kind}`,
    )
  const { title } = part.media
  return {
    type: "document",
    source: document,
    ...(title && { title }),
    ...(isObject(part.citations) && { citations: part.citations }),
    ...(typeof part.context === "string" && { context: part.context }),
    ...cacheControl(part),
  }
}

/** A `tool_use` block (request or response) → a blueprint tool call with JSON-string arguments. */
export function fromToolUse(block: ToolUseBlock | ToolUseBlockParam): ToolCall {
  return {
    id: block.id,
    type: "function",
    function: { name: block.name, arguments: stringifyToolArguments(block.input) },
  }
}

/**
 * An Anthropic block (request or response) → a blueprint part. Thinking, redacted thinking and server tool
 * blocks have the blueprint's shape already; blocks with no blueprint type are kept as received too.
 */
export function fromBlock(block: ContentBlock | ContentBlockParam): Content {
  switch (block.type) {
    case "text": {
      const part: TextContent = { type: "text", text: block.text }
      if (block.citations?.length) part.annotations = block.citations.map(fromCitation)
      return { ...part, ...cacheControl(block) }
    }
    case "image": {
      const { source } = block
      if (source.type === "file") return { ...block }
      const url = source.type === "url" ? source.url : toDataUrl(source.data, source.media_type)
      return { type: "image_url", image_url: { url }, ...cacheControl(block) }
    }
    case "document": {
      const { source, title, citations, context } = block
      let media: MediaContent["media"]
      if (source.type === "base64") media = { type: source.media_type, url: source.data }
      else if (source.type === "url") media = { type: "application/pdf", url: source.url }
      else if (source.type === "text") media = { type: "text/plain", url: encodeText(source.data) }
      else return { ...block }
      if (title) media.title = title
      return {
        type: "media",
        media,
        ...(citations && { citations }),
        ...(context && { context }),
        ...cacheControl(block),
      }
    }
    default:
      return { ...block }
  }
}

// Plain-text documents are text on Anthropic's side and base64 in the blueprint (like every other file).
function decodeText(base64: string): string {
  return new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)))
}

function encodeText(text: string): string {
  return btoa(Array.from(new TextEncoder().encode(text), (byte) => String.fromCharCode(byte)).join(""))
}
