import type { ContentBlock, DocumentSource, ToolResultContentBlock } from "@aws-sdk/client-bedrock-runtime"
import { type Content, toDataUrl } from "@pl/blueprint"
import { blobToBase64 } from "./base64.js"
import { MEDIA_FORMATS } from "./media-formats.js"

// Bedrock blocks back to blueprint parts. Blobs are bytes from the SDK and base64 in the wire JSON: both are
// read. Blocks with no blueprint part (tool use and results, cache points, guard content) give `undefined`;
// the callers handle the first three.

/**
 * A message content block as a blueprint part: images become `image_url` parts (a data URL, or the S3 URI),
 * documents `media` parts (base64 or the S3 URI; the document's name is the title).
 */
export function fromContentBlock(block: ContentBlock): Content | undefined {
  if (typeof block.text === "string") return { type: "text", text: block.text }
  const reasoning = block.reasoningContent
  if (reasoning?.reasoningText) {
    const { text, signature } = reasoning.reasoningText
    return { type: "thinking", thinking: text ?? "", ...(signature ? { signature } : {}) }
  }
  const redacted = blobToBase64(reasoning?.redactedContent)
  if (redacted !== undefined) return { type: "redacted_thinking", data: redacted }
  for (const [kind, formats] of Object.entries(MEDIA_FORMATS)) {
    const media = block[kind as "image" | "document"] as
      | { format?: string; name?: string; source?: DocumentSource }
      | undefined
    if (!media) continue
    const { source, name } = media
    // A document given as text or text chunks (not bytes) has no blueprint form: it is left out.
    const url = source?.s3Location?.uri ?? blobToBase64(source?.bytes)
    if (url === undefined) return undefined
    const type = formats!.mimeType(media.format) ?? "application/octet-stream"
    if (kind === "image")
      return { type: "image_url", image_url: { url: source?.bytes ? toDataUrl(url, type) : url } }
    return { type: "media", media: { ...(name ? { title: name } : {}), type, url } }
  }
  // Cited text (only in answers about documents with citations enabled, which toRequest never asks for),
  // guard content and audio or video blocks have no part here.
  return undefined
}

/** A tool result's block as a blueprint part of the tool message; JSON results become their JSON text. */
export function fromToolResultBlock(block: ToolResultContentBlock): Content | undefined {
  return block.json === undefined
    ? fromContentBlock(block as ContentBlock)
    : { type: "text", text: JSON.stringify(block.json) }
}
