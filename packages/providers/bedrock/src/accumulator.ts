import type {
  ContentBlockDeltaEvent,
  ContentBlockStartEvent,
  ConverseStreamMetadataEvent,
  ConverseStreamOutput,
} from "@aws-sdk/client-bedrock-runtime"
import {
  type Accumulator,
  type Completion,
  type Content,
  ProviderResponseError,
  type RedactedThinkingContent,
  type TextContent,
  type ThinkingContent,
  ToolCallJoiner,
} from "@pl/blueprint"
import { base64ToBytes, blobToBase64, bytesToBase64 } from "./base64.js"
import { PROVIDER } from "./conversion.js"
import { finishReason } from "./finish-reason.js"
import { urlCitation } from "./from-content.js"
import { toUsage } from "./usage.js"

/** One ConverseStream event, as the SDK yields it or as the wire JSON decodes (blobs as base64). */
export type BedrockStreamEvent = ConverseStreamOutput

// The exception events a ConverseStream may end with (the service model's `ConverseStreamOutput` members).
// The SDK throws them itself; a caller feeding decoded wire events gets them here.
const EXCEPTIONS = [
  "internalServerException",
  "modelStreamErrorException",
  "validationException",
  "throttlingException",
  "serviceUnavailableException",
] as const

const malformed = (what: string) =>
  new ProviderResponseError(PROVIDER, `malformed ConverseStream event: ${what}`)

/**
 * Joins ConverseStream events into a {@link Completion}. Content blocks are keyed by `contentBlockIndex`:
 * text and reasoning deltas are appended to their part, a reasoning `signature` delta lands on its thinking
 * part, tool-use `input` deltas are joined per index, `messageStop` sets the finish reason and `metadata` the
 * usage. Each `push` costs O(1) amortized and returns the same live completion.
 */
export class BedrockAccumulator implements Accumulator<BedrockStreamEvent> {
  readonly #completion: Completion = { message: { role: "assistant", content: [] } }
  readonly #content: Content[] = this.#completion.message.content!
  readonly #parts = new Map<number, TextContent | ThinkingContent | RedactedThinkingContent>()
  readonly #tools = new ToolCallJoiner()

  push(chunk: BedrockStreamEvent): Completion {
    if (chunk === null || typeof chunk !== "object") throw malformed("not an object")
    if (chunk.contentBlockDelta) this.#delta(chunk.contentBlockDelta)
    else if (chunk.contentBlockStart) this.#start(chunk.contentBlockStart)
    else if (chunk.contentBlockStop) this.#stop(indexOf(chunk.contentBlockStop))
    else if (chunk.messageStop) Object.assign(this.#completion, finishReason(chunk.messageStop.stopReason))
    else if (chunk.metadata) this.#metadata(chunk.metadata)
    else if (!chunk.messageStart) {
      for (const name of EXCEPTIONS) {
        const exception = (chunk as unknown as Record<string, { message?: string } | undefined>)[name]
        if (exception)
          throw new ProviderResponseError(PROVIDER, `${name}: ${exception.message ?? "no message"}`)
      }
      // Anything else is an event this version does not know (the SDK's `$unknown`): nothing to add.
    }
    return this.#completion
  }

  result(): Completion {
    for (const call of this.#tools.calls) if (call.function.arguments === "") call.function.arguments = "{}"
    return this.#completion
  }

  // A call without parameters streams no input (or an empty delta): its arguments are the empty object.
  #stop(index: number) {
    const call = this.#tools.get(index)
    if (call && call.function.arguments === "") call.function.arguments = "{}"
  }

  #delta(event: ContentBlockDeltaEvent) {
    const index = indexOf(event)
    const delta = event.delta
    if (delta === null || typeof delta !== "object") throw malformed("contentBlockDelta without a delta")
    if (typeof delta.text === "string") this.#part(index, "text").text += delta.text
    else if (delta.toolUse) {
      this.#tools.append(index, delta.toolUse.input)
      this.#completion.message.tool_calls = this.#tools.calls
    } else if (delta.reasoningContent) {
      const { text, signature, redactedContent } = delta.reasoningContent
      if (typeof text === "string") this.#part(index, "thinking").thinking += text
      if (typeof signature === "string") {
        const part = this.#part(index, "thinking")
        part.signature = (part.signature ?? "") + signature
      }
      if (redactedContent !== undefined) this.#redacted(index, redactedContent)
    } else if (delta.citation) {
      const annotation = urlCitation(delta.citation)
      if (!annotation) return
      const part = this.#part(index, "text")
      if (part.annotations) part.annotations.push(annotation)
      else part.annotations = [annotation]
    }
    // Tool-result and image deltas (server-side tools, generated images) have no blueprint part yet.
  }

  #start(event: ContentBlockStartEvent) {
    const index = indexOf(event)
    const toolUse = event.start?.toolUse
    if (!toolUse) return
    // A repeated start for the same index updates the call without losing its arguments.
    this.#tools.start(index, { id: toolUse.toolUseId, name: toolUse.name })
    this.#completion.message.tool_calls = this.#tools.calls
  }

  #metadata(event: ConverseStreamMetadataEvent) {
    if (event.usage) {
      if (typeof event.usage !== "object") throw malformed("metadata.usage is not an object")
      this.#completion.usage = toUsage(event.usage)
    }
    const model = event.trace?.promptRouter?.invokedModelId
    if (model) this.#completion.model = model
  }

  /** The part at `index`, started (and appended to the content) when the index has none of that type yet. */
  #part<T extends "text" | "thinking">(index: number, type: T): Extract<Content, { type: T }> {
    const existing = this.#parts.get(index)
    if (existing?.type === type) return existing as Extract<Content, { type: T }>
    const part = (type === "text" ? { type, text: "" } : { type, thinking: "" }) as Extract<
      Content,
      { type: T }
    >
    this.#parts.set(index, part as TextContent | ThinkingContent)
    this.#content.push(part)
    return part
  }

  #redacted(index: number, data: unknown) {
    const base64 = blobToBase64(data)
    if (base64 === undefined) throw malformed("redactedContent is neither bytes nor base64")
    const existing = this.#parts.get(index)
    if (existing?.type === "redacted_thinking") {
      // Base64 strings do not concatenate; join the bytes (Bedrock sends redacted content in one delta).
      const before = base64ToBytes(existing.data)
      const after = base64ToBytes(base64)
      const joined = new Uint8Array(before.length + after.length)
      joined.set(before)
      joined.set(after, before.length)
      existing.data = bytesToBase64(joined)
      return
    }
    const part: RedactedThinkingContent = { type: "redacted_thinking", data: base64 }
    this.#parts.set(index, part)
    this.#content.push(part)
  }
}

function indexOf(event: { contentBlockIndex?: number | undefined }): number {
  const index = event?.contentBlockIndex
  if (typeof index !== "number" || !Number.isInteger(index) || index < 0)
    throw malformed("contentBlockIndex is not a non-negative integer")
  return index
}
