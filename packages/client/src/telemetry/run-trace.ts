import {
  type Attributes,
  type Context,
  context,
  isSpanContextValid,
  type Span,
  SpanKind,
  type Tracer,
  trace,
} from "@opentelemetry/api"
import type { TemplateResponse } from "../api-types.js"
import type { RunResult } from "../execute.js"
import type { PreparedRun } from "../prepare.js"
import { PROMPTLAYER, SPAN_NAMES } from "./attributes.js"
import type { LlmCall } from "./llm-call.js"

/**
 * The code that fills spans (attributes, content, errors), loaded with `import()` the first time a run
 * is observed: an app that sets up no tracing never loads it, and its bundle can leave it out.
 */
let spanCode: typeof import("./llm-call.js") | undefined

/** Loads the span code: a promise the first time, `undefined` once it is loaded. */
export function loadSpanCode(): Promise<void> | undefined {
  if (spanCode) return undefined
  return import("./llm-call.js").then((code) => {
    spanCode = code
  })
}

/** The span code, which `RunTelemetry.start` loads before an observed run begins. */
function loaded(): typeof import("./llm-call.js") {
  if (spanCode === undefined) throw new Error("@pl/client: the span code was used before it was loaded")
  return spanCode
}

/** The run being traced: what `run()` was asked for. */
export interface RunDescription {
  promptName: string
  promptVersion?: number | undefined
  promptReleaseLabel?: string | undefined
  stream?: boolean | undefined
}

/**
 * The spans of one `run()`: the run span, and as its children the template fetch and the provider
 * call (the LLM span, see {@link LlmCall}). Parents are passed explicitly, so the tree holds even
 * without an async context manager; the run and LLM contexts are also made active around the calls
 * they cover, so spans created inside (an SDK's HTTP instrumentation) nest under them.
 *
 * Without a tracer provider every span is OpenTelemetry's no-op span, and nothing but the spans'
 * creation is done: attributes are computed only for a span that records.
 */
export class RunTrace {
  readonly #tracer: Tracer
  readonly #captureContent: boolean
  readonly #run: RunDescription
  readonly #span: Span
  readonly #context: Context
  /**
   * Nothing can observe this run: the span records nothing and carries no trace to propagate, which is
   * what OpenTelemetry's no-op tracer gives when no tracer provider is registered. Then no more spans
   * are made and no context is switched: a run costs nothing for telemetry nobody set up.
   */
  readonly #inert: boolean
  #llm: LlmCallTrace | undefined
  #ended = false

  constructor(tracer: Tracer, run: RunDescription, options: { captureContent: boolean }) {
    this.#tracer = tracer
    this.#captureContent = options.captureContent
    this.#run = run
    const parent = context.active()
    this.#span = tracer.startSpan(
      SPAN_NAMES.run,
      { kind: SpanKind.INTERNAL, attributes: promptAttributes(run) },
      parent,
    )
    this.#inert = !this.#span.isRecording() && !isSpanContextValid(this.#span.spanContext())
    this.#context = this.#inert ? parent : trace.setSpan(parent, this.#span)
  }

  /** Whether anything can observe this run (its spans are then made, with the span code loaded). */
  get observed(): boolean {
    return !this.#inert
  }

  /**
   * Runs `body` (prepare, then send) with the run span active and ends the span when the run is over:
   * when `body` settles, or for a stream when the stream ends, fails or is abandoned.
   */
  around(
    body: () => Promise<RunResult | AsyncIterable<RunResult>>,
  ): Promise<RunResult | AsyncIterable<RunResult>> {
    return this.#inert ? body() : this.#traced(body)
  }

  async #traced(
    body: () => Promise<RunResult | AsyncIterable<RunResult>>,
  ): Promise<RunResult | AsyncIterable<RunResult>> {
    let result: RunResult | AsyncIterable<RunResult>
    try {
      result = await context.with(this.#context, body)
    } catch (error) {
      this.#end({ error })
      throw error
    }
    if (Symbol.asyncIterator in result) return this.#stream(result)
    this.#end({ requestId: result.request_id })
    return result
  }

  /** Fetches the template in a child span, and notes the version and id it got on the run span. */
  fetchTemplate(fetch: () => Promise<TemplateResponse>): Promise<TemplateResponse> {
    return this.#inert ? fetch() : this.#tracedFetch(fetch)
  }

  async #tracedFetch(fetch: () => Promise<TemplateResponse>): Promise<TemplateResponse> {
    const span = this.#tracer.startSpan(
      SPAN_NAMES.templateFetch,
      { kind: SpanKind.INTERNAL, attributes: promptAttributes(this.#run) },
      this.#context,
    )
    try {
      const template = await context.with(trace.setSpan(this.#context, span), fetch)
      if (span.isRecording() || this.#span.isRecording()) {
        const found: Attributes = { [PROMPTLAYER.promptId]: template.id }
        if (template.version != null) found[PROMPTLAYER.promptVersion] = template.version
        span.setAttributes(found)
        this.#span.setAttributes(found)
      }
      return template
    } catch (error) {
      loaded().recordError(span, error)
      throw error
    } finally {
      span.end()
    }
  }

  /** Starts the LLM span of the provider call, a child of the run span. */
  llmCall(prepared: PreparedRun, sendOptions?: Readonly<Record<string, unknown>>): LlmCallTrace {
    if (this.#inert) return INERT_CALL
    this.#llm = new (loaded().LlmCall)(this.#tracer, this.#context, prepared, {
      stream: this.#run.stream ?? false,
      captureContent: this.#captureContent,
      sendOptions,
    })
    return this.#llm
  }

  async *#stream(source: AsyncIterable<RunResult>): AsyncGenerator<RunResult, void, undefined> {
    let requestId: number | null = null
    let finished = false
    let failure: { error: unknown } | undefined
    try {
      for await (const item of source) {
        requestId = item.request_id
        yield item
      }
      finished = true
    } catch (error) {
      failure = { error }
      throw error
    } finally {
      // Reached after the inner stream's own cleanup (closing the provider stream, logging).
      // A consumer that stops at the last item has not abandoned the call: the LLM span says which.
      this.#end({ requestId, ...failure, abandoned: !finished && !failure && this.#llm?.abandoned === true })
    }
  }

  #end(outcome: { requestId?: number | null; error?: unknown; abandoned?: boolean }): void {
    if (this.#ended) return
    this.#ended = true
    // The LLM span ends with the call; should a path have missed it, it must not outlive the run.
    if (this.#llm && "error" in outcome) this.#llm.fail(outcome.error)
    else this.#llm?.abandon()
    const span = this.#span
    if (outcome.requestId != null) span.setAttribute(PROMPTLAYER.requestId, outcome.requestId)
    if (outcome.abandoned) span.setAttribute(PROMPTLAYER.streamAbandoned, true)
    if ("error" in outcome) loaded().recordError(span, outcome.error)
    span.end()
  }
}

/** What a run does with its LLM call's span. */
export type LlmCallTrace = Pick<
  LlmCall,
  "abandoned" | "within" | "firstChunk" | "complete" | "succeed" | "fail" | "abandon"
>

/** The LLM call of an inert run (see `RunTrace`): each method does only the work it is given. */
const INERT_CALL: LlmCallTrace = {
  abandoned: false,
  within: (send) => send(),
  firstChunk() {},
  complete: (parse) => parse(),
  succeed() {},
  fail() {},
  abandon() {},
}

function promptAttributes(run: RunDescription): Attributes {
  const attributes: Attributes = { [PROMPTLAYER.promptName]: run.promptName }
  if (run.promptVersion !== undefined) attributes[PROMPTLAYER.promptVersion] = run.promptVersion
  if (run.promptReleaseLabel !== undefined) attributes[PROMPTLAYER.promptLabel] = run.promptReleaseLabel
  return attributes
}
