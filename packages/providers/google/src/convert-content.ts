import type { FunctionResponse, FunctionResponsePart, Language, Outcome, Part } from "@google/genai"
import {
  type Content,
  isKnownContent,
  MediaSourceError,
  mimeTypeFromUrl,
  parseMediaSource,
  type TextContent,
  type ThinkingContent,
  toDataUrl,
} from "@pl/blueprint"
import { isRecord, unsupported, type Warn } from "./conversion.js"

/**
 * A Gemini `codeExecutionResult` part (what the code execution tool printed), kept in the blueprint as a
 * part of this type so that replaying the turn sends it back. The blueprint has no type for it yet.
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
  const signature =
    part.type === "thinking" ? part.signature : (part as { thought_signature?: unknown }).thought_signature
  return typeof signature === "string" && signature !== "" ? signature : undefined
}

/**
 * A blueprint content part → a Gemini part, or `undefined` when it has nothing to send (an empty text) or
 * Gemini cannot express it (reported through `warn`).
 */
export function toPart(part: Content, path: string, warn: Warn): Part | undefined {
  const converted = convertPart(part, path, warn)
  const signature = signatureOf(part)
  if (converted && signature) converted.thoughtSignature = signature
  return converted
}

function convertPart(part: Content, path: string, warn: Warn): Part | undefined {
  if (part.type === CODE_EXECUTION_RESULT) {
    const { outcome, output } = part as CodeExecutionResultContent
    return { codeExecutionResult: { outcome: (outcome ?? "OUTCOME_OK") as Outcome, output: output ?? "" } }
  }
  if (!isKnownContent(part)) {
    warn(`content.${part.type}`, path, `Gemini has no content part like ${part.type}; it was not sent`)
    return undefined
  }
  switch (part.type) {
    case "text":
      // Gemini rejects empty text parts; one carrying a signature (a stream's last chunk) is kept.
      return part.text === "" && !signatureOf(part) ? undefined : { text: part.text }
    case "thinking":
      return part.thinking === "" && !signatureOf(part) ? undefined : { text: part.thinking, thought: true }
    case "image_url":
      if (part.image_url.detail === "low" || part.image_url.detail === "high")
        warn("content.image_url.detail", `${path}.image_url.detail`, "Gemini has no per-image detail setting")
      return toMediaPart(part.image_url.url, undefined, path)
    case "media":
      return toMediaPart(part.media.url, part.media.type, path)
    case "output_media":
      return toMediaPart(part.url, part.mime_type, path)
    case "code":
      if (part.language && part.language.toLowerCase() !== "python") {
        warn("content.code", path, `Gemini runs Python code only; the ${part.language} code was not sent`)
        return undefined
      }
      return { executableCode: { language: "PYTHON" as Language, code: part.code } }
    case "media_variable":
      throw unsupported(
        "media_variable",
        path,
        "render the template first (@pl/templating fills media_variable)",
      )
    default:
      warn(`content.${part.type}`, path, `Gemini cannot express a ${part.type} part; it was not sent`)
      return undefined
  }
}

/** A URL, `gs://` URI or file URI → `fileData`; a data URL or base64 → `inlineData`. */
export function toMediaPart(source: string, mimeType: string | undefined, path: string): Part {
  let media: ReturnType<typeof parseMediaSource>
  try {
    media = parseMediaSource(source, mimeType)
  } catch (error) {
    if (error instanceof MediaSourceError) throw unsupported("content.media", path, error.message)
    throw error
  }
  if (media.kind === "url") {
    return {
      fileData: media.mimeType ? { fileUri: media.url, mimeType: media.mimeType } : { fileUri: media.url },
    }
  }
  if (!media.mimeType)
    throw unsupported("content.media", path, "inline data needs a mime type, and none was given")
  return { inlineData: { mimeType: media.mimeType, data: media.data } }
}

/**
 * A Gemini part → a blueprint part, or `undefined` for parts the blueprint has no type for (function calls
 * and responses are the messages' business). Media sent by the model (generated images) become
 * `output_media`; in user turns an image the blueprint can name back exactly becomes `image_url`, other
 * files `media`.
 */
export function fromPart(part: Part, role: "user" | "model"): Content | undefined {
  const signature =
    typeof part.thoughtSignature === "string" && part.thoughtSignature ? part.thoughtSignature : undefined
  if (typeof part.text === "string" || part.thought === true) {
    const text = part.text ?? ""
    if (part.thought) {
      const thinking: ThinkingContent = { type: "thinking", thinking: text }
      if (signature) thinking.signature = signature
      return thinking
    }
    const content: TextContent = { type: "text", text }
    if (signature) content.thought_signature = signature
    return content
  }
  let content: Record<string, unknown> & Content
  if (part.inlineData) {
    const mimeType = part.inlineData.mimeType || "application/octet-stream"
    content = fromMedia(toDataUrl(part.inlineData.data ?? "", mimeType), mimeType, role)
  } else if (part.fileData) {
    content = fromMedia(part.fileData.fileUri ?? "", part.fileData.mimeType, role)
  } else if (part.executableCode) {
    const { code, language } = part.executableCode
    content = { type: "code", code: code ?? "", language: (language ?? "PYTHON").toLowerCase() }
  } else if (part.codeExecutionResult) {
    const { outcome, output } = part.codeExecutionResult
    const result: CodeExecutionResultContent = { type: CODE_EXECUTION_RESULT }
    if (outcome !== undefined) result.outcome = outcome
    if (output !== undefined) result.output = output
    content = { ...result }
  } else if (signature && !part.functionCall && !part.functionResponse) {
    // A part with nothing but a signature: kept, on an empty text, so that it is replayed.
    content = { type: "text", text: "" }
  } else {
    return undefined
  }
  if (signature) content.thought_signature = signature
  return content
}

function fromMedia(url: string, mimeType: string | undefined, role: "user" | "model"): Content {
  const type = mimeType ?? mimeTypeFromUrl(url)
  if (role === "model") return { type: "output_media", url, mime_type: type ?? "application/octet-stream" }
  // `image_url` has no mime type: use it only when `toRequest` would find the same one again.
  const recoverable = url.startsWith("data:") || mimeTypeFromUrl(url) === type
  if (type === undefined || (type.startsWith("image/") && recoverable))
    return { type: "image_url", image_url: { url } }
  return { type: "media", media: { type, url } }
}

/**
 * A tool result's content → `functionResponse.response` and `parts`. Gemini wants the response as a JSON
 * object: text that is a JSON object is sent as that object, any other text as `{ output: text }` (the key
 * Gemini documents for a function's output). Inline media go in `parts`.
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
    if (part.type === "text") text = (text ?? "") + (part as TextContent).text
    else if (part.type === "image_url" || part.type === "media") {
      const media = toPart(part, partPath, warn)
      if (media?.inlineData) parts.push({ inlineData: media.inlineData })
      else warn(`content.${part.type}`, partPath, "Gemini takes only inline media in a function response")
    } else
      warn(`content.${part.type}`, partPath, `Gemini cannot put a ${part.type} part in a function response`)
  }
  const response = text === undefined ? {} : (jsonObject(text) ?? { output: text })
  return parts.length > 0 ? { response, parts } : { response }
}

/** The inverse of {@link toFunctionResponse}. */
export function fromFunctionResponse(response: Pick<FunctionResponse, "response" | "parts">): Content[] {
  const content: Content[] = []
  const value = response.response ?? {}
  const keys = Object.keys(value)
  const output = value.output
  if (keys.length === 1 && typeof output === "string" && jsonObject(output) === undefined) {
    content.push({ type: "text", text: output })
  } else if (keys.length > 0 || !response.parts?.length) {
    content.push({ type: "text", text: JSON.stringify(value) })
  }
  for (const part of response.parts ?? []) {
    const media = part.inlineData
      ? fromPart({ inlineData: part.inlineData }, "user")
      : part.fileData
        ? fromPart({ fileData: part.fileData }, "user")
        : undefined
    if (media) content.push(media)
  }
  return content
}

function jsonObject(text: string): Record<string, unknown> | undefined {
  if (!text.trimStart().startsWith("{")) return undefined
  try {
    const value: unknown = JSON.parse(text)
    return isRecord(value) ? value : undefined
  } catch {
    return undefined
  }
}
