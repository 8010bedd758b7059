import { type MediaSource, MediaSourceError, parseMediaSource } from "@pl/blueprint"
import { unsupported } from "./context.js"

/**
 * An http(s) URL, a base64 `data:` URL, or bare base64 (of type `mimeType`), told apart. Anthropic needs no
 * guessing: image URLs go as URLs, and every other source declares its type (data URL or `media.type`).
 */
export function mediaSource(value: string, mimeType: string | undefined, path: string): MediaSource {
  try {
    return parseMediaSource(value, mimeType)
  } catch (error) {
    if (error instanceof MediaSourceError) throw unsupported("content.media", path, error.message)
    throw error
  }
}
