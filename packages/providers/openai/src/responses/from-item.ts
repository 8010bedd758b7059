/**
 * Responses API items → blueprint content parts, for what the model produced (`fromResponse`, the
 * accumulator) and for assistant-side items replayed in a request (`fromRequest`).
 *
 * - `message` → `text` parts carrying the message's item `id` (and its citations);
 * - `reasoning` → one `thinking` part per summary part, each with the item `id`; the first carries the
 *   `encrypted_content` as `signature` (an item with no summary gives one empty `thinking` part);
 * - `web_search_call` / `file_search_call` → `server_tool_use` named `web_search` / `file_search`;
 * - `code_interpreter_call` → `code`; `image_generation_call` → `output_media`;
 * - `mcp_*`, `shell_call*`, `apply_patch_call*` have the blueprint's own shape and are copied;
 * - anything else (`custom_tool_call`, `computer_call`, ...) is kept as received, a part the blueprint does
 *   not know.
 */
import {
  type Annotation,
  type Content,
  mimeTypeFromBase64,
  type ThinkingContent,
  toDataUrl,
} from "@pl/blueprint"
import type { ResponseOutputRefusal, ResponseOutputText } from "openai/resources/responses/responses"
import { definedOnly } from "../conversion.js"

/** An output item, or an input item replayed on the assistant side, as far as this mapping reads it. */
export type ItemLike = { type?: string | null; id?: string | null; [field: string]: unknown }

export function fromItem(output: { type?: string | null; id?: string | null }): Content[] {
  const item = output as ItemLike
  const id = item.id ?? undefined
  switch (item.type) {
    case "message":
      return ((item.content ?? []) as (ResponseOutputText | ResponseOutputRefusal)[]).map((part) =>
        fromOutputText(part, id),
      )
    case "reasoning":
      return fromReasoning(item, id)
    case "web_search_call":
      return [serverToolUse(item, "web_search", (item.action ?? {}) as Record<string, unknown>)]
    case "file_search_call":
      return [
        {
          ...serverToolUse(item, "file_search", { queries: item.queries ?? [] }),
          ...(item.results != null && { results: item.results }),
        },
      ]
    case "code_interpreter_call":
      return [
        definedOnly({
          type: "code" as const,
          code: typeof item.code === "string" ? item.code : "",
          language: "python",
          id,
          container_id: item.container_id as string | undefined,
          outputs: item.outputs,
          status: item.status,
        }),
      ]
    case "image_generation_call": {
      if (typeof item.result !== "string") return []
      const mimeType = mimeTypeFromBase64(item.result) ?? "image/png"
      return [
        {
          type: "output_media",
          url: toDataUrl(item.result, mimeType),
          mime_type: mimeType,
          ...(id && { id }),
        },
      ]
    }
    default:
      return [{ ...item, type: item.type ?? "item_reference" }]
  }
}

/** An `output_text` (or `refusal`) part of an assistant message item. */
export function fromOutputText(
  part: ResponseOutputText | ResponseOutputRefusal,
  id: string | undefined,
): Content {
  const text = part.type === "refusal" ? part.refusal : part.text
  const annotations = part.type === "output_text" ? (part.annotations ?? []).map(fromAnnotation) : []
  return { type: "text", text, ...(annotations.length > 0 && { annotations }), ...(id && { id }) }
}

/** The Responses citation types have the blueprint's shape; `file_path` and newer ones are kept as received. */
export function fromAnnotation(annotation: unknown): Annotation {
  return { ...(annotation as Annotation) }
}

function fromReasoning(item: ItemLike, id: string | undefined): ThinkingContent[] {
  const summary = (item.summary ?? []) as { text: string }[]
  const parts: ThinkingContent[] =
    summary.length > 0
      ? summary.map((s) => ({ type: "thinking", thinking: s.text, ...(id && { id }) }))
      : [{ type: "thinking", thinking: "", ...(id && { id }) }]
  if (typeof item.encrypted_content === "string") parts[0]!.signature = item.encrypted_content
  return parts
}

function serverToolUse(item: ItemLike, name: string, input: Record<string, unknown>): Content {
  return {
    type: "server_tool_use",
    id: item.id ?? "",
    name,
    input,
    ...(item.status != null && { status: item.status }),
  }
}
