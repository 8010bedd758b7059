import { type Content, type ImageUrlContent, mimeTypeFromBase64 } from "@pl/blueprint"
import { definedOnly, field, isRecord, type JsonRecord } from "./fields.js"

/** `input_audio` carries no mime type; this is what a part gets when the data does not tell. */
export const DEFAULT_AUDIO_TYPE = "audio/wav"
/**
 * `document_url` carries no mime type either: a data URL says it, else a document reads as a PDF, the kind
 * Mistral's document understanding is made for.
 */
export const DEFAULT_DOCUMENT_TYPE = "application/pdf"

/** The reasoning text of a thinking chunk: its text items joined (tool references carry no text). */
function thinkingText(chunk: JsonRecord): string {
  const items = chunk.thinking
  if (!Array.isArray(items)) return ""
  let text = ""
  for (const item of items) if (isRecord(item) && typeof item.text === "string") text += item.text
  return text
}

/**
 * One Mistral content chunk (SDK camelCase or wire snake_case) as a blueprint part. Chunks the blueprint has no
 * part for (`reference`, `file`, `tool_reference`, future ones) are kept as they are, as unknown parts, so
 * nothing a request held is lost; `toRequest` warns about them.
 */
export function readChunk(chunk: unknown): Content | undefined {
  if (!isRecord(chunk) || typeof chunk.type !== "string") return undefined
  switch (chunk.type) {
    case "text":
      return { type: "text", text: typeof chunk.text === "string" ? chunk.text : "" }
    case "thinking":
      return definedOnly({
        type: "thinking" as const,
        thinking: thinkingText(chunk),
        signature: typeof chunk.signature === "string" ? chunk.signature : undefined,
      })
    case "image_url": {
      const image = field(chunk, "imageUrl", "image_url")
      const { url, detail } = isRecord(image) ? image : { url: image, detail: undefined }
      if (typeof url !== "string") return undefined
      return { type: "image_url", image_url: definedOnly({ url, detail: detail as ImageUrlDetail }) }
    }
    case "document_url": {
      const url = field(chunk, "documentUrl", "document_url")
      if (typeof url !== "string") return undefined
      const title = field(chunk, "documentName", "document_name")
      const type = dataUrlType(url) ?? DEFAULT_DOCUMENT_TYPE
      return { type: "media", media: definedOnly({ title: title as string | undefined, type, url }) }
    }
    case "input_audio": {
      const audio = field(chunk, "inputAudio", "input_audio")
      if (typeof audio !== "string") return undefined
      // An http(s) URL has a ':' in its first bytes, which base64 has not: it never passes for audio data.
      return { type: "media", media: { type: mimeTypeFromBase64(audio) ?? DEFAULT_AUDIO_TYPE, url: audio } }
    }
    default:
      return chunk as Content
  }
}

type ImageUrlDetail = ImageUrlContent["image_url"]["detail"]

/** The mime type a data URL declares. */
function dataUrlType(url: string): string | undefined {
  return /^data:([^;,]+)/.exec(url)?.[1]
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
