import type { Candidate, FunctionCall, GenerateContentResponse, Part } from "@google/genai"
import {
  type Accumulator,
  type Completion,
  type Content,
  ProviderResponseError,
  stringifyToolArguments,
  type TextContent,
  type ThinkingContent,
  type ToolCall,
} from "@pl/blueprint"
import { responseCallId } from "./call-ids.js"
import { isObject, isRecord, PROVIDER } from "./conversion.js"
import { fromPart } from "./convert-content.js"
import { finishReason } from "./finish-reason.js"
import { groundingCitations } from "./grounding.js"
import { PartialArguments } from "./partial-args.js"
import { toUsage } from "./usage.js"

const malformed = (what: string) =>
  new ProviderResponseError(PROVIDER, `malformed GenerateContentResponse: ${what}`)

/** A function call whose arguments are still streaming (Vertex AI `willContinue`). */
interface OpenCall {
  call: ToolCall
  args: PartialArguments
}

/**
 * Joins `generateContentStream` chunks (the SDK's `GenerateContentResponse` objects, or the wire JSON of
 * `streamGenerateContent?alt=sse`) into a {@link Completion}; `fromResponse` folds a whole response the same
 * way, so a stream and its non-streaming twin read alike.
 *
 * - Only candidate 0 is read (requests with `candidateCount > 1` get the first answer).
 * - Text parts are appended to the current text part, thought parts (`thought: true`) to the current
 *   thinking part; a `thoughtSignature` lands on that part, and a part with a different signature starts a
 *   new one, so no signature is lost or moved to another part.
 * - Each `functionCall` part is one tool call (an id is generated when Gemini gives none, see
 *   `call-ids.ts`), its signature in `provider_metadata.thought_signature`. Vertex AI's partial arguments
 *   (`partialArgs` + `willContinue`) continue the open call until a part without `willContinue`.
 * - Usage (cumulative in every chunk) and the finish reason land when they arrive; grounding metadata
 *   becomes `url_citation` annotations on the last text part.
 *
 * Each `push` costs O(1) amortized (text is appended with `+=`) and returns the same live completion.
 */
export class GoogleAccumulator implements Accumulator<GenerateContentResponse> {
  readonly #completion: Completion = { message: { role: "assistant", content: [] } }
  readonly #content: Content[] = this.#completion.message.content!
  #calls: ToolCall[] | undefined
  /** The part text and thought deltas go to; reset by any other part. */
  #current: TextContent | ThinkingContent | undefined
  #open: OpenCall | undefined
  #annotated: TextContent | undefined

  push(chunk: GenerateContentResponse): Completion {
    if (!isObject(chunk)) throw malformed("not an object")
    const completion = this.#completion
    if (typeof chunk.responseId === "string" && completion.id === undefined) completion.id = chunk.responseId
    if (typeof chunk.modelVersion === "string" && completion.model === undefined)
      completion.model = chunk.modelVersion
    const candidates = chunk.candidates
    if (candidates !== undefined && candidates !== null) {
      if (!Array.isArray(candidates)) throw malformed("candidates is not a list")
      const candidate =
        candidates.length === 1 ? candidates[0] : candidates.find((c) => (c?.index ?? 0) === 0)
      if (candidate !== undefined) this.#candidate(candidate)
    }
    const usage = toUsage(chunk.usageMetadata)
    if (usage) completion.usage = usage
    const blocked = chunk.promptFeedback?.blockReason
    if (blocked && completion.finish_reason === undefined) {
      completion.finish_reason = "content_filter"
      completion.raw_finish_reason = blocked
    }
    return completion
  }

  result(): Completion {
    return this.#completion
  }

  #candidate(candidate: Candidate) {
    if (!isObject(candidate)) throw malformed("a candidate is not an object")
    if ((candidate.index ?? 0) !== 0) return
    const content = candidate.content
    if (content !== undefined && content !== null) {
      if (!isObject(content)) throw malformed("candidate content is not an object")
      const parts = content.parts
      if (parts !== undefined && parts !== null) {
        if (!Array.isArray(parts)) throw malformed("content.parts is not a list")
        for (const part of parts) this.#part(part)
      }
    }
    if (candidate.finishReason)
      Object.assign(this.#completion, finishReason(candidate.finishReason, !!this.#calls))
    if (candidate.groundingMetadata) this.#ground(candidate)
  }

  #part(part: Part) {
    if (!isObject(part)) throw malformed("a part is not an object")
    const signature =
      typeof part.thoughtSignature === "string" && part.thoughtSignature ? part.thoughtSignature : undefined
    if (part.functionCall) return this.#functionCall(part.functionCall, signature)
    if (part.text !== undefined && typeof part.text !== "string") throw malformed("part.text is not a string")
    const onlySignature = signature !== undefined && Object.keys(part).length === 1
    if (typeof part.text === "string" || part.thought === true || onlySignature) {
      return part.thought
        ? this.#thinking(part.text ?? "", signature)
        : this.#text(part.text ?? "", signature)
    }
    const item = fromPart(part, "model")
    if (item) {
      this.#content.push(item)
      this.#current = undefined
    }
  }

  #text(text: string, signature: string | undefined) {
    const current = this.#current
    if (
      current?.type === "text" &&
      (!signature || !current.thought_signature || current.thought_signature === signature)
    ) {
      current.text += text
      if (signature) current.thought_signature = signature
    } else if (text !== "" || signature) {
      const part: TextContent = { type: "text", text }
      if (signature) part.thought_signature = signature
      this.#content.push(part)
      this.#current = part
    }
  }

  #thinking(text: string, signature: string | undefined) {
    const current = this.#current
    if (
      current?.type === "thinking" &&
      (!signature || !current.signature || current.signature === signature)
    ) {
      current.thinking += text
      if (signature) current.signature = signature
    } else if (text !== "" || signature) {
      const part: ThinkingContent = { type: "thinking", thinking: text }
      if (signature) part.signature = signature
      this.#content.push(part)
      this.#current = part
    }
  }

  #functionCall(fc: FunctionCall, signature: string | undefined) {
    if (!isObject(fc)) throw malformed("functionCall is not an object")
    this.#current = undefined
    const open = this.#open
    if (open && (!fc.name || fc.name === open.call.function.name) && (!fc.id || fc.id === open.call.id)) {
      // The open call goes on (a repeated start, more partial arguments, or its closing part).
      this.#extend(open, fc)
      if (signature) open.call.provider_metadata = { thought_signature: signature }
      if (!fc.willContinue) this.#open = undefined
      return
    }
    this.#open = undefined
    if (!fc.name && !fc.id && fc.args === undefined && !fc.partialArgs) return // a stray closing part
    let calls = this.#calls
    if (!calls) {
      calls = this.#calls = []
      this.#completion.message.tool_calls = calls
    }
    const call: ToolCall = {
      id: fc.id || responseCallId(this.#completion.id, calls.length),
      type: "function",
      function: { name: fc.name ?? "", arguments: "" },
    }
    if (signature) call.provider_metadata = { thought_signature: signature }
    calls.push(call)
    if (fc.willContinue || fc.partialArgs) {
      const streaming: OpenCall = {
        call,
        args: new PartialArguments(isRecord(fc.args) ? fc.args : undefined),
      }
      this.#extend(streaming, fc)
      if (fc.willContinue) this.#open = streaming
    } else call.function.arguments = stringifyToolArguments(fc.args)
  }

  #extend(open: OpenCall, fc: FunctionCall) {
    if (fc.partialArgs !== undefined && !Array.isArray(fc.partialArgs))
      throw malformed("partialArgs is not a list")
    for (const arg of fc.partialArgs ?? []) open.args.apply(arg)
    open.call.function.arguments = open.args.text
  }

  #ground(candidate: Candidate) {
    let target: TextContent | undefined
    for (let i = this.#content.length - 1; i >= 0 && !target; i--) {
      const part = this.#content[i]!
      if (part.type === "text") target = part as TextContent
    }
    if (this.#annotated && this.#annotated !== target) delete this.#annotated.annotations
    if (!target) return
    const citations = groundingCitations(candidate.groundingMetadata!, target.text)
    if (citations.length > 0) target.annotations = citations
    this.#annotated = target
  }
}
