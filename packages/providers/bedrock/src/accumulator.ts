import type { ConverseStreamOutput } from "@aws-sdk/client-bedrock-runtime"
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
import { blobToBase64 } from "./base64.js"
import { PROVIDER } from "./conversion.js"
import { finishReason } from "./finish-reason.js"
import { toUsage } from "./usage.js"

/** One ConverseStream event, as the SDK yields it or as the wire JSON decodes (blobs as base64). */
export type BedrockStreamEvent = ConverseStreamOutput

type Part = TextContent | ThinkingContent | RedactedThinkingContent

const malformed = (what: string) =>
  new ProviderResponseError(PROVIDER, `malformed ConverseStream event: ${what}`)

/**
 * Joins ConverseStream events into a {@link Completion}. Content blocks are keyed by `contentBlockIndex`:
 * text and reasoning deltas are appended to their part, a reasoning `signature` delta lands on its thinking
 * part, tool-use `input` deltas are joined per index, `messageStop` sets the finish reason and `metadata` the
 * usage. Each `push` costs O(1) amortized and returns the same live completion.
 *
 * @example
 * const acc = bedrock.accumulator()
 * for await (const event of stream) render(acc.push(event).message)
 * const completion = acc.result()
 */
export function accumulator(): Accumulator<BedrockStreamEvent> {
  const content: Content[] = []
  const completion: Completion = { message: { role: "assistant", content } }
  const parts = new Map<number, Part>()
  const tools = new ToolCallJoiner()

  function add<P extends Part>(index: number, part: P): P {
    parts.set(index, part)
    content.push(part)
    return part
  }
  /** The part at `index`, started (and appended to the content) when the index has none of that type yet. */
  function part<T extends "text" | "thinking">(index: number, type: T): Extract<Part, { type: T }> {
    const existing = parts.get(index)
    if (existing?.type === type) return existing as Extract<Part, { type: T }>
    return add(
      index,
      (type === "text" ? { type, text: "" } : { type, thinking: "" }) as Extract<Part, { type: T }>,
    )
  }

  return {
    push(chunk) {
      if (!chunk || typeof chunk !== "object") throw malformed("not an object")
      const { contentBlockDelta: event, contentBlockStart: start, messageStop, metadata } = chunk
      const index = (event ?? start)?.contentBlockIndex as number
      if ((event || start) && !(index >= 0)) throw malformed("bad contentBlockIndex")
      const delta = event?.delta
      if (event && (!delta || typeof delta !== "object")) throw malformed("no delta")
      const reasoning = delta?.reasoningContent
      if (typeof delta?.text === "string") part(index, "text").text += delta.text
      else if (delta?.toolUse || start?.start?.toolUse) {
        // A repeated start for the same index updates the call without losing its arguments.
        const toolUse = start?.start?.toolUse
        if (toolUse) tools.start(index, { id: toolUse.toolUseId, name: toolUse.name })
        else tools.append(index, delta!.toolUse!.input)
        completion.message.tool_calls = tools.calls
      } else if (reasoning) {
        if (typeof reasoning.text === "string") part(index, "thinking").thinking += reasoning.text
        if (typeof reasoning.signature === "string") {
          const target = part(index, "thinking")
          target.signature = (target.signature ?? "") + reasoning.signature
        }
        if (reasoning.redactedContent !== undefined) {
          // Redacted reasoning is opaque and arrives whole, in one delta.
          const data = blobToBase64(reasoning.redactedContent)
          if (data === undefined) throw malformed("bad redactedContent")
          add(index, { type: "redacted_thinking", data })
        }
      } else if (messageStop) Object.assign(completion, finishReason(messageStop.stopReason))
      else if (metadata?.usage) completion.usage = toUsage(metadata.usage)
      // Anything else adds nothing: citation, tool-result and image deltas (no blueprint part yet), start and
      // stop markers, events this version does not know. A stream that fails ends with an exception event,
      // which the SDK throws as an error.
      return completion
    },
    result() {
      // A call without parameters streams no input (or an empty delta): its arguments are the empty object.
      for (const call of tools.calls) if (call.function.arguments === "") call.function.arguments = "{}"
      return completion
    },
  }
}
