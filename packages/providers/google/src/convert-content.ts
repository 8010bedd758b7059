import type { FunctionResponse, FunctionResponsePart, Language, Outcome, Part } from "@google/genai"
import {
  type Content,
  guessMimeType,
  type KnownContent,
  MediaSourceError,
  mimeTypeFromUrl,
  parseMediaSource,
  toDataUrl,
} from "@pl/blueprint"
import { isRecord, unsupported, type Warn } from "./conversion.js"

/**
 * A Gemini `codeExecutionResult` part (what the code execution tool printed), kept in the blueprint as a
 * part of this type so that replaying the turn sends it back. The blueprint has no type for it yet.
 *
 * @example
 * { type: CODE_EXECUTION_RESULT, outcome: "OUTCOME_OK", output: "55\n" }
 */
// TODO(shared): a code-result content type in @pl/blueprint (OpenAI's code interpreter has outputs too).
export const CODE_EXECUTION_RESULT = "code_execution_result"

export interface CodeExecutionResultContent {
  type: typeof CODE_EXECUTION_RESULT
  outcome?: string
  output?: string
  thought_signature?: string
}

/**
 * The Gemini thought signature a blueprint part carries: `thinking.signature`, `text.thought_signature`, or
 * the same `thought_signature` field kept on any other part (media, code) that came with one.
 */
export function signatureOf(part: Content): string | undefined {
  const signature = part.type === "thinking" ? part.signature : part.thought_signature
  return typeof signature === "string" && signature !== "" ? signature : undefined
}

/**
 * A blueprint content part → a Gemini part, or `undefined` when it has nothing to send (an empty text) or
 * Gemini cannot express it (reported through `warn`).
 */
export function toPart(part: Content, path: string, warn: Warn): Part | undefined {
  const signature = signatureOf(part)
  // By type name, not isKnownContent: its module holds the zod schemas a converter must not bundle. A
  // known type has a known part's fields (parsing guarantees it); any other type falls to `default`.
  const known = part as KnownContent | CodeExecutionResultContent
  let converted: Part | undefined
  switch (known.type) {
    case "text":
    case "thinking": {
      const text = known.type === "text" ? known.text : known.thinking
      // Gemini rejects empty text parts; one carrying a signature (a stream's last chunk) is kept.
      if (text === "" && !signature) return undefined
      converted = known.type === "text" ? { text } : { text, thought: true }
      break
    }
    case "image_url":
      if (known.image_url.detail === "low" || known.image_url.detail === "high")
        warn("content.image_url.detail", `${path}.image_url.detail`)
      converted = toMediaPart(known.image_url.url, undefined, path)
      break
    case "media":
      converted = toMediaPart(known.media.url, known.media.type, path)
      break
    case "output_media":
      converted = toMediaPart(known.url, known.mime_type, path)
      break
    case "code":
      if (known.language && known.language.toLowerCase() !== "python")
        return warn("content.code", path, "Python only")
      converted = { executableCode: { language: "PYTHON" as Language, code: known.code } }
      break
    case CODE_EXECUTION_RESULT:
      converted = {
        codeExecutionResult: {
          outcome: (known.outcome ?? "OUTCOME_OK") as Outcome,
          output: known.output ?? "",
        },
      }
      break
    case "media_variable":
      throw unsupported(
        "media_variable",
        path,
        "render the template first (@pl/templating fills media_variable)",
      )
    default:
      return warn(`content.${part.type}`, path)
  }
  if (signature) converted.thoughtSignature = signature
  return converted
}

/** A URL, `gs://` URI or file URI → `fileData`; a data URL or base64 → `inlineData`. */
function toMediaPart(source: string, mimeType: string | undefined, path: string): Part {
  let media: ReturnType<typeof parseMediaSource>
  try {
    media = parseMediaSource(source, mimeType)
  } catch (error) {
    throw error instanceof MediaSourceError ? unsupported("content.media", path, error.message) : error
  }
  // Gemini wants a mime type on both forms: an undeclared one is guessed from the extension or the bytes.
  const type = guessMimeType(media)
  if (media.kind === "url") return { fileData: { fileUri: media.url, mimeType: type } }
  if (!type) throw unsupported("content.media", path, "inline data needs a mime type")
  return { inlineData: { mimeType: type, data: media.data } }
}

/**
 * A Gemini part → a blueprint part, or `undefined` for parts the blueprint has no type for (function calls
 * and responses are the messages' business). Media in model turns (generated images) become
 * `output_media`; in user turns an image the blueprint can name back exactly becomes `image_url`, other
 * files `media`. A signature on a part other than text or thought is kept as its `thought_signature`.
 */
export function fromPart(part: Part, role: "user" | "model"): Content | undefined {
  const signature = part.thoughtSignature || undefined
  const { inlineData, fileData, executableCode, codeExecutionResult } = part
  let content: Content
  if (part.thought) content = { type: "thinking", thinking: part.text ?? "" }
  else if (typeof part.text === "string") content = { type: "text", text: part.text }
  else if (inlineData) {
    const mimeType = inlineData.mimeType || "application/octet-stream"
    content = fromMedia(toDataUrl(inlineData.data ?? "", mimeType), mimeType, role)
  } else if (fileData) content = fromMedia(fileData.fileUri ?? "", fileData.mimeType, role)
  else if (executableCode)
    content = {
      type: "code",
      code: executableCode.code ?? "",
      language: (executableCode.language ?? "PYTHON").toLowerCase(),
    }
  else if (codeExecutionResult) content = { type: CODE_EXECUTION_RESULT, ...codeExecutionResult }
  // A part with nothing but a signature is kept, on an empty text, so that it is replayed.
  else if (signature && !part.functionCall && !part.functionResponse) content = { type: "text", text: "" }
  else return undefined
  if (signature) content[content.type === "thinking" ? "signature" : "thought_signature"] = signature
  return content
}

function fromMedia(url: string, mimeType: string | undefined, role: "user" | "model"): Content {
  const type = mimeType ?? mimeTypeFromUrl(url)
  if (role === "model") return { type: "output_media", url, mime_type: type ?? "application/octet-stream" }
  // `image_url` has no mime type: use it only when `toRequest` would find the same one again.
  if (!type || (type.startsWith("image/") && (url.startsWith("data:") || mimeTypeFromUrl(url) === type)))
    return { type: "image_url", image_url: { url } }
  return { type: "media", media: { type, url } }
}

/**
 * A tool result's content → `functionResponse.response` and `parts`. Gemini wants the response as a JSON
 * object: text that is a JSON object is sent as that object, any other text as `{ output: text }` (the key
 * Gemini documents for a function's output). Inline media go in `parts`; other parts are dropped.
 */
export function toFunctionResponse(
  content: readonly Content[],
  path: string,
  warn: Warn,
): Pick<FunctionResponse, "response" | "parts"> {
  let text: string | undefined
  const parts: FunctionResponsePart[] = []
  for (const [i, part] of content.entries()) {
    const partPath = `${path}.content[${i}]`
    const media =
      part.type === "image_url" || part.type === "media" ? toPart(part, partPath, warn) : undefined
    if (part.type === "text") text = (text ?? "") + part.text
    else if (media?.inlineData) parts.push({ inlineData: media.inlineData })
    else warn(`content.${part.type}`, partPath, "not in a function response")
  }
  const response = text === undefined ? {} : (jsonObject(text) ?? { output: text })
  return parts.length > 0 ? { response, parts } : { response }
}

/** The inverse of {@link toFunctionResponse}. */
export function fromFunctionResponse(response: Pick<FunctionResponse, "response" | "parts">): Content[] {
  const content: Content[] = []
  const value = response.response ?? {}
  const keys = Object.keys(value)
  if (keys.length === 1 && typeof value.output === "string" && !jsonObject(value.output))
    content.push({ type: "text", text: value.output })
  else if (keys.length > 0 || !response.parts?.length)
    content.push({ type: "text", text: JSON.stringify(value) })
  for (const part of response.parts ?? []) {
    const media = fromPart(part as Part, "user")
    if (media) content.push(media)
  }
  return content
}

function jsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = text.trimStart()[0] === "{" ? JSON.parse(text) : undefined
    return isRecord(value) ? value : undefined
  } catch {
    return undefined
  }
}
