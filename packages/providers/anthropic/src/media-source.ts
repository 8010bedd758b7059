import type { MediaSource } from "@pl/blueprint"
import { unsupported } from "./context.js"

// TODO(shared): use @pl/blueprint's parseMediaSource once its mime-type guessing (file-signature and
// extension tables, ~1 KB of the 6 KB converter budget) can be left out of a bundle. Anthropic needs no
// guessing: image URLs go as URLs, and every other source declares its type (data URL or `media.type`).
const DATA_URL = /^data:([^;,]*)(?:;[^;,]*)*;base64,(.*)$/s
const URL = /^[a-z][a-z0-9+.-]*:\/\//i
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/

/** An http(s) URL, a base64 `data:` URL, or bare base64 (of type `mimeType`), told apart. */
export function mediaSource(value: string, mimeType: string | undefined, path: string): MediaSource {
  const text = value.trim()
  const data = DATA_URL.exec(text)
  if (data) return { kind: "base64", data: data[2] ?? "", mimeType: data[1] || mimeType }
  if (URL.test(text)) return { kind: "url", url: text, mimeType }
  const base64 = text.replace(/\s+/g, "")
  if (!BASE64.test(base64)) throw unsupported("content.media", path, "not a URL, base64 data URL or base64")
  return { kind: "base64", data: base64, mimeType }
}
