import {
  type Context,
  context,
  type Span,
  SpanKind,
  SpanStatusCode,
  type Tracer,
  trace,
} from "@opentelemetry/api"
import type { Completion } from "@pl/blueprint"
import type { PreparedRun } from "../prepare.js"
import { GEN_AI, GENERAL, PROMPTLAYER } from "./attributes.js"
import { inputContent, outputMessage, toolDefinitions } from "./content.js"
import { genAiCall } from "./gen-ai-provider.js"
import { errorType, requestAttributes, responseAttributes, startAttributes } from "./llm-attributes.js"

/**
 * The LLM span of one provider call of an observed run (see `RunTrace`, which loads this module with
 * `import()` only then), following the GenAI semantic conventions: named
 * `{gen_ai.operation.name} {gen_ai.request.model}`, kind CLIENT, the request's attributes when it
 * starts, the response's (id, model, finish reasons, usage) when it ends, `error.type` and an error
 * status when it fails, and for a stream the time to the first chunk. Message content is recorded
 * only with `captureContent`. Ending is idempotent: the first of succeed, fail or abandon wins.
 */
export class LlmCall {
  readonly #span: Span
  readonly #context: Context
  readonly #captureContent: boolean
  readonly #startedAt = performance.now()
  #firstChunk = false
  #ended = false
  #abandoned = false

  constructor(
    tracer: Tracer,
    parent: Context,
    prepared: PreparedRun,
    options: {
      stream: boolean
      captureContent: boolean
      sendOptions?: Readonly<Record<string, unknown>> | undefined
    },
  ) {
    const call = genAiCall(prepared.providerId, prepared.providerName, options.sendOptions)
    this.#span = tracer.startSpan(
      `${call.operation} ${prepared.model}`,
      { kind: SpanKind.CLIENT, attributes: startAttributes(prepared, call, options.stream) },
      parent,
    )
    this.#context = trace.setSpan(parent, this.#span)
    this.#captureContent = options.captureContent && this.#span.isRecording()
    if (!this.#span.isRecording()) return
    this.#span.setAttributes(requestAttributes(prepared))
    if (this.#captureContent) {
      const { instructions, messages } = inputContent(prepared.rendered)
      const tools = toolDefinitions(prepared.rendered)
      if (instructions.length > 0)
        this.#span.setAttribute(GEN_AI.systemInstructions, JSON.stringify(instructions))
      this.#span.setAttribute(GEN_AI.inputMessages, JSON.stringify(messages))
      if (tools.length > 0) this.#span.setAttribute(GEN_AI.toolDefinitions, JSON.stringify(tools))
    }
  }

  /** Whether the consumer stopped reading the stream before its end. */
  get abandoned(): boolean {
    return this.#abandoned
  }

  /** Runs `send` with the LLM span active, so an instrumented SDK's HTTP span nests under it. */
  within<T>(send: () => T): T {
    return context.with(this.#context, send)
  }

  /** Notes the first chunk of a stream (`gen_ai.response.time_to_first_chunk`, in seconds). */
  firstChunk(): void {
    if (this.#firstChunk) return
    this.#firstChunk = true
    this.#span.setAttribute(GEN_AI.responseTimeToFirstChunk, (performance.now() - this.#startedAt) / 1000)
  }

  /** Parses the response with `parse` and ends the span with it, or with the error `parse` threw. */
  complete(parse: () => Completion): Completion {
    let completion: Completion
    try {
      completion = parse()
    } catch (error) {
      this.fail(error)
      throw error
    }
    this.succeed(completion)
    return completion
  }

  succeed(completion: Completion): void {
    if (!this.#close()) return
    this.#record(completion, "stop")
    this.#span.end()
  }

  /** Ends the span as failed, with what arrived before the failure (a stream cut mid-way). */
  fail(error: unknown, partial?: Completion): void {
    if (!this.#close()) return
    this.#record(partial, "error")
    recordError(this.#span, error)
    this.#span.end()
  }

  /** Ends the span of a stream the consumer stopped reading, with what it had read. */
  abandon(partial?: Completion): void {
    if (!this.#close()) return
    this.#abandoned = true
    this.#span.setAttribute(PROMPTLAYER.streamAbandoned, true)
    this.#record(partial, "error")
    this.#span.end()
  }

  #close(): boolean {
    if (this.#ended) return false
    this.#ended = true
    return true
  }

  /**
   * Sets what came back. `fallback` is the finish reason when the provider gave none: the conventions
   * ask for `error` when a reason was expected but never came (a failed, cancelled or cut stream).
   */
  #record(completion: Completion | undefined, fallback: "stop" | "error"): void {
    const span = this.#span
    if (!span.isRecording()) return
    if (completion) span.setAttributes(responseAttributes(completion))
    if (fallback === "error" && !completion?.raw_finish_reason && !completion?.finish_reason)
      span.setAttribute(GEN_AI.responseFinishReasons, ["error"])
    if (this.#captureContent && completion)
      span.setAttribute(GEN_AI.outputMessages, JSON.stringify([outputMessage(completion, fallback)]))
  }
}

export function recordError(span: Span, error: unknown): void {
  if (!span.isRecording()) return
  span.setAttribute(GENERAL.errorType, errorType(error))
  if (error instanceof Error) span.recordException(error)
  span.setStatus({
    code: SpanStatusCode.ERROR,
    message: error instanceof Error ? error.message : String(error),
  })
}
