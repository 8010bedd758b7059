import type { Content, TextContent, ThinkingContent } from "@pl/blueprint"
import { isRecord } from "./fields.js"
import { readChunk, thinkingText } from "./read-content.js"

/**
 * Builds an assistant message's content from Mistral content, whole (a response) or in deltas (a stream),
 * so both give the same parts: consecutive text joins into one text part, consecutive reasoning into one
 * thinking part until a signature closes it. Appends in place (`+=` on the open part), O(1) amortized.
 */
export class ContentBuilder {
  readonly parts: Content[]
  #open: TextContent | ThinkingContent | undefined

  constructor(parts: Content[] = []) {
    this.parts = parts
  }

  /** Adds message content: a string (text) or a list of chunks. */
  add(content: unknown): void {
    if (typeof content === "string") this.text(content)
    else if (Array.isArray(content)) for (const chunk of content) this.chunk(chunk)
  }

  /** Adds one content chunk. */
  chunk(chunk: unknown): void {
    if (!isRecord(chunk)) return
    if (chunk.type === "text") this.text(typeof chunk.text === "string" ? chunk.text : "")
    else if (chunk.type === "thinking") {
      const signature = chunk.signature
      this.thinking(thinkingText(chunk), typeof signature === "string" ? signature : undefined)
    } else {
      const part = readChunk(chunk)
      if (part) {
        this.parts.push(part)
        this.#open = undefined
      }
    }
  }

  text(delta: string): void {
    if (delta === "") return
    const open = this.#open
    if (open?.type === "text") open.text += delta
    else {
      const part: TextContent = { type: "text", text: delta }
      this.parts.push(part)
      this.#open = part
    }
  }

  thinking(delta: string, signature?: string): void {
    if (delta === "" && !signature) return
    let open = this.#open
    if (open?.type !== "thinking" || open.signature) {
      open = { type: "thinking", thinking: "" }
      this.parts.push(open)
      this.#open = open
    }
    open.thinking += delta
    if (signature) open.signature = signature
  }
}
