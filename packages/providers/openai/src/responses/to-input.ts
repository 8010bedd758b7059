/**
 * Blueprint messages → Responses API `input` items, the inverse of `fromItem`:
 *
 * - system, developer and user messages → input messages (`input_text`, `input_image`, `input_file`);
 * - assistant text with an item `id` → an output `message` item (citations kept); without one → an
 *   assistant input message with string content (citations cannot go there: dropped with a warning);
 * - `thinking` parts with an item `id` → one `reasoning` item per id, `signature` as `encrypted_content`;
 *   thinking without an OpenAI item id (another provider's) cannot be replayed: dropped with a warning;
 * - tool calls → `function_call` items; tool messages → `function_call_output` items;
 * - built-in tool parts → their items, where they stand in the content.
 */
import {
  type AssistantMessage,
  type Content,
  isKnownContent,
  type KnownContent,
  type Message,
  parseMediaSource,
  type TextContent,
  type ThinkingContent,
} from "@pl/blueprint"
import type {
  ResponseInputContent,
  ResponseInputItem,
  ResponseOutputText,
} from "openai/resources/responses/responses"
import {
  type Conversion,
  definedOnly,
  drop,
  dropCallSignature,
  dropTextExtras,
  isRecord,
  notRendered,
  partPath,
  unsupported,
} from "../conversion.js"
import { filenameOf, mediaUrl, readMedia } from "../media.js"

/** Appends the items of one message; returns whether it sent reasoning with encrypted content. */
export function toInputItems(
  c: Conversion,
  items: ResponseInputItem[],
  message: Message,
  path: string,
): boolean {
  if (message.role === "function")
    throw unsupported(c, "message.function", path, "legacy functions are Chat only; use tools")
  if (message.role === "placeholder") throw notRendered(c, "placeholder", path)
  if (message.role === "assistant") return toAssistantItems(c, items, message, path)
  if (message.name) drop(c, "message.name", path, "Responses input items have no name")
  const start = items.length
  const content: ResponseInputContent[] = []
  const later: [KnownContent, string][] = []
  eachPart(c, message, path, (part, at) => {
    const input = toInputContent(c, part, at)
    if (input) content.push(input)
    else later.push([part, at])
  })
  if (message.role === "tool") {
    // A tool message that only carries built-in tool outputs (shell, apply_patch) is those items alone.
    if (content.length > 0 || later.length === 0)
      items.push({ type: "function_call_output", call_id: message.tool_call_id, output: compact(content) })
  } else if (content.length > 0 || later.length === 0) {
    items.push({ role: message.role, content: compact(content) })
  }
  let signed = false
  for (const [part, at] of later) signed = pushItem(c, items, part, at) || signed
  // Every message says something, if only an empty text (a tool result must answer its call).
  if (items.length === start)
    items.push(
      message.role === "tool"
        ? { type: "function_call_output", call_id: message.tool_call_id, output: "" }
        : { role: message.role, content: "" },
    )
  return signed
}

function toAssistantItems(
  c: Conversion,
  items: ResponseInputItem[],
  message: AssistantMessage,
  path: string,
) {
  const start = items.length
  let signed = false
  // Consecutive text (or thinking) parts of one item id are one item.
  let run: { type: string; id: string; parts: (TextContent | ThinkingContent)[] } | undefined
  const flush = () => {
    if (run?.type === "text") items.push(toOutputMessage(c, run.id, run.parts as TextContent[], path))
    else if (run) signed = pushReasoning(items, run.id, run.parts as ThinkingContent[]) || signed
    run = undefined
  }
  eachPart(c, message, path, (part, at) => {
    if ((part.type === "text" || part.type === "thinking") && part.id) {
      if (run && (run.type !== part.type || run.id !== part.id)) flush()
      run ??= { type: part.type, id: part.id, parts: [] }
      run.parts.push(part)
      return
    }
    flush()
    if (part.type === "text") {
      dropTextExtras(c, part, at)
      items.push({ role: "assistant", content: part.text })
    } else signed = pushItem(c, items, part, at) || signed
  })
  flush()
  message.tool_calls?.forEach((call, k) => {
    dropCallSignature(c, call, `${path}.tool_calls[${k}]`)
    items.push({
      type: "function_call",
      call_id: call.id,
      name: call.function.name,
      arguments: call.function.arguments,
    })
  })
  if (message.function_call)
    throw unsupported(c, "message.function_call", path, "legacy functions are Chat only; use tools")
  if (items.length === start) items.push({ role: "assistant", content: "" })
  return signed
}

function toOutputMessage(c: Conversion, id: string, parts: TextContent[], path: string): ResponseInputItem {
  const content = parts.map((part): ResponseOutputText => {
    dropTextExtras(c, part, path, true)
    const annotations: ResponseOutputText["annotations"] = []
    for (const annotation of part.annotations ?? []) {
      const fields = CITATION_FIELDS[annotation.type]
      const a = annotation as Record<string, unknown>
      // Only OpenAI's fields: it refuses unknown ones (another provider's `cited_text`).
      if (fields?.every((field) => a[field] != null))
        annotations.push(
          Object.fromEntries(fields.map((f) => [f, a[f]])) as unknown as (typeof annotations)[number],
        )
      else drop(c, `content.text.annotations.${annotation.type}`, path, "a citation OpenAI cannot take back")
    }
    return { type: "output_text", text: part.text, annotations, logprobs: [] }
  })
  return { type: "message", role: "assistant", id, status: "completed", content }
}

/** The citations OpenAI returns, with the fields it requires; others (another provider's) are left out. */
const CITATION_FIELDS: Readonly<Record<string, readonly string[]>> = {
  url_citation: ["type", "url", "title", "start_index", "end_index"],
  file_citation: ["type", "file_id", "filename", "index"],
  container_file_citation: ["type", "container_id", "file_id", "filename", "start_index", "end_index"],
  file_path: ["type", "file_id", "index"],
}

function pushReasoning(items: ResponseInputItem[], id: string, parts: ThinkingContent[]): boolean {
  const signature = parts.find((part) => part.signature)?.signature
  // One empty part stands for a reasoning item with no summary.
  const summary = parts.length === 1 && parts[0]!.thinking === "" ? [] : parts
  items.push({
    type: "reasoning",
    id,
    summary: summary.map((part) => ({ type: "summary_text", text: part.thinking })),
    ...(signature && { encrypted_content: signature }),
  })
  return signature !== undefined
}

/** A part an input message or tool output holds: text, image or file. `undefined` for any other part. */
function toInputContent(c: Conversion, part: KnownContent, path: string): ResponseInputContent | undefined {
  if (part.type === "text") {
    dropTextExtras(c, part, path)
    return { type: "input_text", text: part.text }
  }
  if (part.type === "image_url")
    return { type: "input_image", image_url: part.image_url.url, detail: part.image_url.detail ?? "auto" }
  if (part.type !== "media") return undefined
  const media = readMedia(part)
  if (media.kind === "image") return { type: "input_image", image_url: mediaUrl(media), detail: "auto" }
  if (media.kind === "audio" || media.kind === "video")
    throw unsupported(c, `content.media.${media.kind}`, path, `OpenAI takes no ${media.kind} here`)
  return media.url
    ? { type: "input_file", file_url: media.url, ...(part.media.title && { filename: part.media.title }) }
    : { type: "input_file", file_data: mediaUrl(media), filename: filenameOf(part, media.mimeType) }
}

/** A part that is an item of its own; returns whether it sent encrypted reasoning. */
function pushItem(c: Conversion, items: ResponseInputItem[], part: KnownContent, path: string): boolean {
  if (part.type === "thinking") {
    if (part.id) return pushReasoning(items, part.id, [part])
    drop(c, "content.thinking", path, "reasoning without its OpenAI item id cannot be replayed")
    return false
  }
  const item = toItem(c, part, path)
  if (item) items.push(item)
  else drop(c, `content.${part.type}`, path, "OpenAI takes no such part back")
  return false
}

/** Built-in tool parts → their items; `undefined` for a part with no item form (or another provider's). */
function toItem(c: Conversion, part: KnownContent, path: string): ResponseInputItem | undefined {
  const p = part as Record<string, unknown> & { id?: string | null }
  const status = p.status ?? "completed"
  switch (part.type) {
    case "server_tool_use": {
      const input = isRecord(p.input) ? p.input : {}
      if (p.name === "web_search" && typeof input.type === "string")
        return { type: "web_search_call", id: p.id, status, action: input } as unknown as ResponseInputItem
      if (p.name === "file_search" && Array.isArray(input.queries))
        return definedOnly({
          type: "file_search_call",
          id: p.id,
          status,
          queries: input.queries,
          results: p.results,
        }) as ResponseInputItem
      return undefined
    }
    case "code":
      if (!p.id || !p.container_id) return undefined
      return {
        type: "code_interpreter_call",
        id: p.id,
        code: p.code,
        container_id: p.container_id,
        outputs: p.outputs ?? null,
        status,
      } as ResponseInputItem
    case "output_media": {
      const source = parseMediaSource(String(p.url))
      if (!p.id || source.kind !== "base64" || !String(p.mime_type).startsWith("image/")) return undefined
      return { type: "image_generation_call", id: p.id, result: source.data, status: "completed" }
    }
    case "shell_call_output":
      // OpenAI needs each output's outcome (exit code or timeout); inventing one would change the result.
      if ((p.output as { outcome?: unknown }[]).some((out) => out.outcome == null))
        throw unsupported(c, "content.shell_call_output.outcome", path, "each shell output needs its outcome")
      return definedOnly(p) as ResponseInputItem
    case "apply_patch_call":
    case "apply_patch_call_output":
      return { ...definedOnly(p), status } as ResponseInputItem
    case "mcp_list_tools":
    case "mcp_call":
    case "mcp_approval_request":
    case "mcp_approval_response":
    case "shell_call":
      // The blueprint's MCP and shell parts have OpenAI's item shape; a listing needs its item id.
      return part.type === "mcp_list_tools" && !p.id ? undefined : (definedOnly(p) as ResponseInputItem)
    default:
      return undefined
  }
}

/** Visits the known parts of a message with their paths; unknown parts are dropped with a warning. */
function eachPart(
  c: Conversion,
  message: Message,
  path: string,
  visit: (part: KnownContent, at: string) => void,
) {
  const parts: readonly Content[] = message.content ?? []
  for (let j = 0; j < parts.length; j++) {
    const part = parts[j]!
    if (!isKnownContent(part)) drop(c, `content.${part.type}`, partPath(path, j), "an unknown content type")
    else if (part.type === "media_variable") throw notRendered(c, "media_variable", partPath(path, j))
    else visit(part, partPath(path, j))
  }
}

/** One text part is sent as a plain string, the form most requests use. */
function compact<P extends { type: string }>(parts: P[]): string | P[] {
  const [first] = parts
  if (parts.length === 0) return ""
  return parts.length === 1 && first?.type === "input_text"
    ? (first as unknown as { text: string }).text
    : parts
}
