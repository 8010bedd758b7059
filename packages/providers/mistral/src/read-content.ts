import { type Content, parseMediaSource } from "@pl/blueprint"
import { field, isRecord, type JsonRecord } from "./fields.js"

/** `input_audio` carries no mime type; this is what a part gets when the data does not tell. */
export const DEFAULT_AUDIO_TYPE = "audio/wav"
/** `document_url` carries no mime type either; Mistral's document understanding is made for PDFs. */
export const DEFAULT_DOCUMENT_TYPE = "application/pdf"

/** The reasoning text of a thinking chunk: its text items joined (tool references carry no text). */
export function thinkingText(chunk: JsonRecord): string {
  const items = chunk.thinking
  if (typeof items === "string") return items
  if (!Array.isArray(items)) return ""
  let text = ""
  for (const item of items) if (isRecord(item) && typeof item.text === "string") text += item.text
  return text
}

/**
 * One Mistral content chunk (SDK camelCase or wire snake_case) as a blueprint part. Chunks the blueprint has no
 * part for (`reference`, `file`, `tool_reference`, future ones) are kept as they are, in wire form, as unknown
 * parts, so nothing a request held is lost; `toRequest` warns about them.
 */
export function readChunk(chunk: unknown): Content | undefined {
  if (!isRecord(chunk)) return undefined
  switch (chunk.type) {
    case "text":
      return { type: "text", text: typeof chunk.text === "string" ? chunk.text : "" }
    case "thinking": {
      const signature = chunk.signature
      return typeof signature === "string"
        ? { type: "thinking", thinking: thinkingText(chunk), signature }
        : { type: "thinking", thinking: thinkingText(chunk) }
    }
    case "image_url": {
      const image = field(chunk, "imageUrl", "image_url")
      if (typeof image === "string") return { type: "image_url", image_url: { url: image } }
      if (!isRecord(image) || typeof image.url !== "string") return undefined
      const detail = image.detail
      return detail === "auto" || detail === "low" || detail === "high"
        ? { type: "image_url", image_url: { url: image.url, detail } }
        : { type: "image_url", image_url: { url: image.url } }
    }
    case "document_url": {
      const url = field(chunk, "documentUrl", "document_url")
      if (typeof url !== "string") return undefined
      const title = field(chunk, "documentName", "document_name")
      const type = mimeTypeOf(url) ?? DEFAULT_DOCUMENT_TYPE
      return {
        type: "media",
        media: typeof title === "string" ? { title, type, url } : { type, url },
      }
    }
    case "input_audio": {
      const audio = field(chunk, "inputAudio", "input_audio")
      if (typeof audio !== "string") return undefined
      return { type: "media", media: { type: mimeTypeOf(audio) ?? DEFAULT_AUDIO_TYPE, url: audio } }
    }
    case "file":
      return { type: "file", file_id: field(chunk, "fileId", "file_id") }
    case "reference":
      return { type: "reference", reference_ids: field(chunk, "referenceIds", "reference_ids") }
    default:
      return typeof chunk.type === "string" ? (chunk as Content) : undefined
  }
}

/** The mime type a media string declares (data URL) or suggests (file extension, base64 signature). */
function mimeTypeOf(source: string): string | undefined {
  try {
    return parseMediaSource(source).mimeType
  } catch {
    return undefined
  }
}

/** Message content (a string or chunks) as blueprint parts, chunk for chunk (nothing is merged). */
export function readContent(content: unknown): Content[] {
  if (typeof content === "string") return [{ type: "text", text: content }]
  if (!Array.isArray(content)) return []
  const parts: Content[] = []
  for (const chunk of content) {
    const part = readChunk(chunk)
    if (part) parts.push(part)
  }
  return parts
}
