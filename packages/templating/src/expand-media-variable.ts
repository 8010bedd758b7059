import {
  guessMimeType,
  type MediaContent,
  type MediaSource,
  MediaSourceError,
  parseMediaSource,
} from "@pl/blueprint"
import { describeValue } from "./describe-value.js"
import { MediaVariableError } from "./errors.js"

/** The mime type of media whose type neither its URL nor its bytes reveal. */
export const UNKNOWN_MEDIA_TYPE = "application/octet-stream"

/**
 * The `media` parts a `media_variable` part expands into, one per string in the variable: an http(s) URL,
 * a provider file URI, a `data:` URL or bare base64. Every kind of media (images included) becomes a
 * `media` part, `{ title, type: mime, url }`, so there is one rule; `url` is the string as given (trimmed),
 * the mime type is the data URL's, else guessed from the URL's file extension or the data's file
 * signature, `application/octet-stream` when none says. The title is the URL's file name, or `name[index]`.
 *
 * @throws {MediaVariableError} when the variable is not an array of such strings.
 */
export function expandMediaVariable(name: string, value: unknown): MediaContent[] {
  if (!Array.isArray(value)) {
    throw new MediaVariableError(name, `expected an array of strings, received ${describeValue(value)}`)
  }
  return value.map((entry: unknown, index) => {
    if (typeof entry !== "string") {
      throw new MediaVariableError(name, `expected a string, received ${describeValue(entry)}`, index)
    }
    let source: MediaSource
    try {
      source = parseMediaSource(entry)
    } catch (error) {
      if (error instanceof MediaSourceError) throw new MediaVariableError(name, error.message, index)
      throw error
    }
    return {
      type: "media" as const,
      media: {
        title: titleOf(source, name, index),
        type: guessMimeType(source) ?? UNKNOWN_MEDIA_TYPE,
        url: entry.trim(),
      },
    }
  })
}

function titleOf(source: MediaSource, name: string, index: number): string {
  if (source.kind === "url") {
    const path = source.url.split(/[?#]/, 1)[0] ?? ""
    const file = path.slice(path.lastIndexOf("/") + 1)
    if (file && !path.endsWith("//")) {
      try {
        return decodeURIComponent(file)
      } catch {
        return file
      }
    }
  }
  return `${name}[${index}]`
}
