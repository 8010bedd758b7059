import type { Content, TextContent, ThinkingContent } from "@pl/blueprint"
import { readChunk } from "./read-content.js"

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
    else if (Array.isArray(content)) for (const chunk of content) this.part(readChunk(chunk))
  }

  text(delta: string): void {
    if (delta === "") return
    const open = this.#open
    if (open?.type === "text") open.text += delta
    else this.#push({ type: "text", text: delta })
  }

  part(part: Content | undefined): void {
    if (part?.type === "text") this.text(part.text as string)
    else if (part?.type === "thinking") this.#thinking(part as ThinkingContent)
    else if (part) {
      this.parts.push(part)
      this.#open = undefined
    }
  }

  #thinking(part: ThinkingContent): void {
    const open = this.#open
    if (open?.type !== "thinking" || open.signature) {
      if (part.thinking !== "" || part.signature) this.#push(part)
      return
    }
    open.thinking += part.thinking
    if (part.signature) open.signature = part.signature
  }

  #push(part: TextContent | ThinkingContent): void {
    this.parts.push(part)
    this.#open = part
  }
}
