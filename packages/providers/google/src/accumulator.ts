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
import { isRecord, PROVIDER } from "./conversion.js"
import { fromPart } from "./convert-content.js"
import { finishReason } from "./finish-reason.js"
import { groundingCitations } from "./grounding.js"
import { PartialArguments } from "./partial-args.js"
import { toUsage } from "./usage.js"

// Throws unless `ok`: what a malformed chunk is missing.
function expect(ok: unknown, what: string): void {
  if (!ok) throw new ProviderResponseError(PROVIDER, `malformed GenerateContentResponse: ${what}`)
}
const isList = (value: unknown) => value == null || Array.isArray(value)

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
 *
 * @example
 * const acc = new GoogleAccumulator() // what google.accumulator() returns
 * for await (const chunk of await ai.models.generateContentStream(request)) render(acc.push(chunk).message)
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
    expect(isRecord(chunk as unknown), "not an object")
    const completion = this.#completion
    if (chunk.responseId && !completion.id) completion.id = chunk.responseId
    if (chunk.modelVersion && !completion.model) completion.model = chunk.modelVersion
    const candidates = chunk.candidates
    expect(isList(candidates), "candidates is not a list")
    const candidate = candidates?.length === 1 ? candidates[0] : candidates?.find((c) => !c?.index)
    if (candidate !== undefined) this.#candidate(candidate)
    const usage = toUsage(chunk.usageMetadata, completion.usage)
    if (usage) completion.usage = usage
    const blocked = chunk.promptFeedback?.blockReason
    if (blocked && !completion.finish_reason)
      Object.assign(completion, { finish_reason: "content_filter", raw_finish_reason: blocked })
    return completion
  }

  result(): Completion {
    return this.#completion
  }

  #candidate(candidate: Candidate) {
    expect(isRecord(candidate as unknown), "a candidate is not an object")
    if (candidate.index) return
    const parts = candidate.content?.parts
    expect(isList(parts), "content.parts is not a list")
    for (const part of parts ?? []) this.#part(part)
    if (candidate.finishReason)
      Object.assign(this.#completion, finishReason(candidate.finishReason, !!this.#calls))
    if (candidate.groundingMetadata) this.#ground(candidate)
  }

  #part(part: Part) {
    expect(isRecord(part as unknown), "a part is not an object")
    const { text, thought, functionCall } = part
    const signature = part.thoughtSignature || undefined
    expect(text === undefined || typeof text === "string", "part.text is not a string")
    if (functionCall) return this.#functionCall(functionCall, signature)
    if (text !== undefined || thought || (signature && Object.keys(part).length === 1)) {
      const current = this.#current
      const field = thought ? "signature" : "thought_signature"
      const type = thought ? "thinking" : "text"
      if (current?.type === type && (!signature || !current[field] || current[field] === signature)) {
        if (thought) (current as ThinkingContent).thinking += text ?? ""
        else (current as TextContent).text += text ?? ""
        if (signature) current[field] = signature
      } else if (text || signature) {
        this.#current = fromPart(part, "model") as TextContent | ThinkingContent
        this.#content.push(this.#current)
      }
      return
    }
    const item = fromPart(part, "model")
    if (item) this.#content.push(item)
    this.#current = undefined
  }

  #functionCall(fc: FunctionCall, signature: string | undefined) {
    expect(isRecord(fc as unknown) && isList(fc.partialArgs), "functionCall")
    this.#current = undefined
    const open = this.#open
    // The open call goes on (a repeated start, more partial arguments, or its closing part).
    if (open && (!fc.name || fc.name === open.call.function.name) && (!fc.id || fc.id === open.call.id)) {
      this.#extend(open, fc, signature)
      return
    }
    this.#open = undefined
    if (!fc.name && !fc.id && !fc.args && !fc.partialArgs) return // a stray closing part
    const calls = this.#calls ?? []
    this.#calls = this.#completion.message.tool_calls = calls
    const call: ToolCall = {
      id: fc.id || responseCallId(this.#completion.id, calls.length),
      type: "function",
      function: { name: fc.name ?? "", arguments: stringifyToolArguments(fc.args) },
    }
    calls.push(call)
    if (fc.willContinue || fc.partialArgs)
      this.#extend({ call, args: new PartialArguments(fc.args) }, fc, signature)
    else if (signature) call.provider_metadata = { thought_signature: signature }
  }

  #extend(open: OpenCall, fc: FunctionCall, signature: string | undefined) {
    for (const arg of fc.partialArgs ?? []) open.args.apply(arg)
    open.call.function.arguments = open.args.text
    if (signature) open.call.provider_metadata = { thought_signature: signature }
    this.#open = fc.willContinue ? open : undefined
  }

  #ground(candidate: Candidate) {
    const target = this.#content.findLast((part): part is TextContent => part.type === "text")
    if (this.#annotated !== target) delete this.#annotated?.annotations
    this.#annotated = target
    const citations = target && groundingCitations(candidate.groundingMetadata!, target.text)
    if (citations?.length) target!.annotations = citations
  }
}
