import {
  type Attributes,
  type Context,
  context,
  type Span,
  SpanKind,
  SpanStatusCode,
  type Tracer,
  type TracerProvider,
  trace,
} from "@opentelemetry/api"
import { currentTracing } from "./current-tracing.js"
import { DEFAULT_MAX_LENGTH, serialize, truncate } from "./serialize.js"

/** The instrumentation scope of `traceable` spans. */
export const TRACER_NAME = "@pl/tracing"

/**
 * The attributes `traceable` records a call's arguments and result under: the names the official
 * PromptLayer SDKs use, so PromptLayer shows them as the function's input and output.
 */
export const FUNCTION_INPUT = "function_input"
export const FUNCTION_OUTPUT = "function_output"
/** Set on the span of an async iterable the consumer stopped reading before its end. */
export const STREAM_ABANDONED = "promptlayer.stream.abandoned"

/** Options of {@link traceable}. */
export interface TraceableOptions {
  /** The span's name; default the function's name. */
  name?: string | undefined
  /** Attributes set on every span of this function. */
  attributes?: Attributes | undefined
  /** Default `INTERNAL`. */
  kind?: SpanKind | undefined
  /** Record the arguments as `function_input` (default true). */
  captureInput?: boolean | undefined
  /** Record the result as `function_output` (default true); for an async iterable, the items it yielded. */
  captureOutput?: boolean | undefined
  /** Longest `function_input` / `function_output`, in characters (default 16,384). */
  maxLength?: number | undefined
  /** Record with this provider; default the one `setupTracing` set up, else OpenTelemetry's global one. */
  tracerProvider?: TracerProvider | undefined
}

/**
 * Wraps a function so every call is a span: sync functions, async functions (the span ends when the
 * promise settles) and functions returning an async iterable (the span ends when the iteration ends,
 * fails or is abandoned with `break`; the caller gets an async generator over the same items). The
 * call runs with its span active, so spans created inside (a `run()`, an HTTP call) are its
 * children. Arguments and result are recorded serialised and size-capped (credential-named fields
 * redacted) unless turned off; a thrown error is recorded with `error.type` and an error status, then
 * rethrown. Nothing is serialised when no tracing is set up.
 *
 * @example
 * const answer = traceable(async (question: string) => pl.run({ promptName: "qa", inputVariables: { question } }), { name: "answer" })
 * await answer("What is OTLP?")
 */
export function traceable<F extends (...args: never[]) => unknown>(fn: F, options: TraceableOptions = {}): F {
  const name = options.name ?? (fn.name || "anonymous")
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH
  const captureInput = options.captureInput ?? true
  const captureOutput = options.captureOutput ?? true
  const spanOptions = { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes }
  const traced = function (this: unknown, ...args: Parameters<F>): unknown {
    const parent = context.active()
    const span = tracerFor(options.tracerProvider).startSpan(name, spanOptions, parent)
    const active = trace.setSpan(parent, span)
    const recording = span.isRecording()
    if (recording && captureInput) span.setAttribute(FUNCTION_INPUT, serialize(args, maxLength))
    const output = recording && captureOutput ? maxLength : undefined
    let result: unknown
    try {
      result = context.with(active, () => Reflect.apply(fn, this, args))
    } catch (error) {
      fail(span, error)
      throw error
    }
    if (isPromiseLike(result))
      return Promise.resolve(result).then(
        (value) => settle(span, active, value, output),
        (error: unknown) => {
          fail(span, error)
          throw error
        },
      )
    return settle(span, active, result, output)
  }
  Object.defineProperty(traced, "name", { value: fn.name })
  return traced as F
}

/**
 * The official PromptLayer SDK's form of {@link traceable}: a function's span named `functionName`,
 * with `attributes`.
 *
 * @example
 * const search = wrapWithSpan("search", (query: string) => index.search(query), { "search.engine": "bm25" })
 */
export function wrapWithSpan<F extends (...args: never[]) => unknown>(
  functionName: string,
  func: F,
  attributes?: Attributes,
): F {
  return traceable(func, { name: functionName, attributes })
}

/** Ends the span with a result, or, for an async iterable, hands back one that ends it when done. */
function settle(span: Span, active: Context, value: unknown, maxLength: number | undefined): unknown {
  if (isAsyncIterable(value)) return traceIterable(value, span, active, maxLength)
  if (maxLength !== undefined) span.setAttribute(FUNCTION_OUTPUT, serialize(value, maxLength))
  span.end()
  return value
}

async function* traceIterable(
  source: AsyncIterable<unknown>,
  span: Span,
  active: Context,
  maxLength: number | undefined,
): AsyncGenerator<unknown, unknown, undefined> {
  // Each item serialised once, until the cap: a long stream costs nothing more after that.
  const items: string[] = []
  let length = 0
  let left = 0
  let finished = false
  let failed = false
  const iterator = context.with(active, () => source[Symbol.asyncIterator]())
  try {
    while (true) {
      // Pulled with the span active, so work an async generator does for each item nests under it.
      const next = await context.with(active, () => iterator.next())
      if (next.done) {
        finished = true
        return next.value
      }
      if (maxLength !== undefined) {
        if (length < maxLength) {
          const text = serialize(next.value, maxLength)
          items.push(text)
          length += text.length + 1
        } else left++
      }
      yield next.value
    }
  } catch (error) {
    failed = true
    recordError(span, error)
    throw error
  } finally {
    if (!finished && !failed) {
      span.setAttribute(STREAM_ABANDONED, true)
      await iterator.return?.()
    }
    if (maxLength !== undefined && span.isRecording()) {
      const list = truncate(`[${items.join(",")}]`, maxLength)
      span.setAttribute(FUNCTION_OUTPUT, left > 0 ? `${list}…[${left} more items]` : list)
    }
    span.end()
  }
}

function fail(span: Span, error: unknown): void {
  recordError(span, error)
  span.end()
}

function recordError(span: Span, error: unknown): void {
  if (span.isRecording()) {
    span.setAttribute("error.type", errorType(error))
    if (error instanceof Error) span.recordException(error)
    span.setStatus({
      code: SpanStatusCode.ERROR,
      message: error instanceof Error ? error.message : String(error),
    })
  }
}

function errorType(error: unknown): string {
  if (error instanceof Error) {
    const name = error.constructor.name !== "Error" ? error.constructor.name : error.name
    if (name) return name
  }
  return "_OTHER"
}

const tracers = new WeakMap<TracerProvider, Tracer>()

function tracerFor(given: TracerProvider | undefined): Tracer {
  const provider = given ?? currentTracing()?.tracerProvider ?? trace.getTracerProvider()
  let tracer = tracers.get(provider)
  if (!tracer) {
    tracer = provider.getTracer(TRACER_NAME)
    tracers.set(provider, tracer)
  }
  return tracer
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return (
    value !== null &&
    (typeof value === "object" || typeof value === "function") &&
    typeof (value as { then?: unknown }).then === "function"
  )
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return (
    value !== null &&
    typeof value === "object" &&
    typeof (value as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === "function"
  )
}
