/**
 * Blueprint messages → Chat Completions messages. Input the model must read (system, developer, user,
 * tool and function messages) that Chat cannot carry is an error; the model's own earlier output that it
 * cannot take back (reasoning, generated media, built-in tool calls in assistant messages) is dropped with
 * a warning.
 */

import { type AssistantMessage, type Content, isKnownContent, type Message } from "@pl/blueprint"
import type {
  ChatCompletionAssistantMessageParam,
  ChatCompletionContentPart,
  ChatCompletionContentPartText,
  ChatCompletionMessageParam,
} from "openai/resources/chat/completions"
import {
  type Conversion,
  drop,
  dropCallSignature,
  dropTextExtras,
  nameOf,
  notRendered,
  partPath,
  unsupported,
} from "../conversion.js"
import { audioFormat, filenameOf, mediaUrl, readMedia } from "../media.js"

export function toChatMessage(c: Conversion, message: Message, path: string): ChatCompletionMessageParam {
  switch (message.role) {
    case "system":
    case "developer":
      return { role: message.role, content: compact(textParts(c, message, path)), ...nameOf(message) }
    case "user":
      return { role: "user", content: compact(contentParts(c, message, path)), ...nameOf(message) }
    case "assistant":
      return toAssistantMessage(c, message, path)
    case "tool":
      if (message.name) drop(c, "message.name", path, "Chat tool messages have no name")
      return {
        role: "tool",
        tool_call_id: message.tool_call_id,
        content: compact(textParts(c, message, path)),
      }
    case "function":
      // The legacy function message takes one string: its text parts, joined.
      return {
        role: "function",
        name: message.name,
        content: textParts(c, message, path)
          .map((part) => part.text)
          .join(""),
      }
    case "placeholder":
      throw notRendered(c, "placeholder", path)
  }
}

function toAssistantMessage(
  c: Conversion,
  message: AssistantMessage,
  path: string,
): ChatCompletionAssistantMessageParam {
  const out: ChatCompletionAssistantMessageParam = { role: "assistant", ...nameOf(message) }
  const parts = textParts(c, message, path)
  const calls = message.tool_calls ?? []
  if (calls.length > 0) {
    out.tool_calls = calls.map((call, k) => {
      dropCallSignature(c, call, `${path}.tool_calls[${k}]`)
      return {
        id: call.id,
        type: "function",
        function: { name: call.function.name, arguments: call.function.arguments },
      }
    })
  }
  if (message.function_call) {
    out.function_call = { name: message.function_call.name, arguments: message.function_call.arguments }
  }
  // An assistant message needs content unless it calls tools.
  if (parts.length > 0 || (!out.tool_calls && !out.function_call)) out.content = compact(parts)
  return out
}

/** The text parts of a message whose role takes text only. */
function textParts(c: Conversion, message: Message, path: string): ChatCompletionContentPartText[] {
  // contentParts adds media for user messages only.
  return contentParts(c, message, path) as ChatCompletionContentPartText[]
}

function contentParts(c: Conversion, message: Message, path: string): ChatCompletionContentPart[] {
  const out: ChatCompletionContentPart[] = []
  const parts: readonly Content[] = message.content ?? []
  for (let j = 0; j < parts.length; j++) {
    const part = parts[j]!
    if (!isKnownContent(part)) {
      drop(c, `content.${part.type}`, partPath(path, j), "an unknown content type")
      continue
    }
    switch (part.type) {
      case "text":
        out.push({ type: "text", text: part.text })
        dropTextExtras(c, part, partPath(path, j))
        break
      case "media_variable":
        throw notRendered(c, "media_variable", partPath(path, j))
      case "image_url":
      case "media":
        if (message.role === "user") out.push(toMediaPart(c, part, partPath(path, j)))
        else if (message.role === "assistant")
          drop(c, `content.${part.type}`, partPath(path, j), "Chat assistant messages take text only")
        else
          throw unsupported(
            c,
            `content.${part.type}`,
            partPath(path, j),
            `${message.role} messages take text only`,
          )
        break
      default:
        drop(c, `content.${part.type}`, partPath(path, j), "Chat takes no such part")
    }
  }
  return out
}

function toMediaPart(
  c: Conversion,
  part: Extract<Content, { type: "image_url" | "media" }>,
  path: string,
): ChatCompletionContentPart {
  if (part.type === "image_url") {
    const { url, detail } = part.image_url
    return { type: "image_url", image_url: detail ? { url, detail } : { url } }
  }
  const media = readMedia(part)
  if (media.kind === "image") return { type: "image_url", image_url: { url: mediaUrl(media) } }
  if (media.kind === "audio") {
    const format = audioFormat(media.mimeType)
    if (media.data === undefined || format === undefined)
      throw unsupported(c, "content.media.audio", path, "Chat takes audio as base64 wav or mp3 only")
    return { type: "input_audio", input_audio: { data: media.data, format } }
  }
  if (media.kind === "video") throw unsupported(c, "content.media.video", path, "OpenAI takes no video")
  if (media.data === undefined)
    throw unsupported(c, "content.media.url", path, "Chat takes files as inline data, not by URL")
  return { type: "file", file: { file_data: mediaUrl(media), filename: filenameOf(part, media.mimeType) } }
}

/** One text part is sent as a plain string, the form most requests use. */
function compact<P extends ChatCompletionContentPart>(parts: P[]): string | P[] {
  if (parts.length === 0) return ""
  const [first] = parts
  return parts.length === 1 && first?.type === "text" ? first.text : parts
}
