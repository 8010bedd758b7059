import { type Tracer, type TracerProvider, trace } from "@opentelemetry/api"
import type { Logger } from "../logger.js"
import { loadSpanCode, type RunDescription, RunTrace } from "./run-trace.js"

/**
 * The instrumentation scope of the client's spans.
 *
 * @example
 * span.instrumentationScope.name === TRACER_NAME // "@pl/client"
 */
export const TRACER_NAME = "@pl/client"

/** Sets up `@pl/tracing` for `enableTracing: true` (the Node entry loads it with `import()`). */
export type TracingSetup = (options: {
  apiKey?: string | undefined
  baseURL?: string | undefined
  /** Where PromptLayer's spans go instead of `{baseURL}/v1/traces` (`PROMPTLAYER_OTLP_TRACES_ENDPOINT`). */
  endpoint?: string | undefined
}) => Promise<TracerProvider>

/** What decides where a client's spans go and what they hold. */
export interface TelemetryOptions {
  /** Spans go to this provider; without one, to OpenTelemetry's global provider (a no-op until one is registered). */
  tracerProvider?: TracerProvider | undefined
  /** Set up `@pl/tracing` (unless a provider is given) and send spans to PromptLayer. */
  enableTracing: boolean
  /** Record prompts and replies; default: `OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT=true` in `env`. */
  captureContent?: boolean | undefined
  env: Readonly<Record<string, string | undefined>>
  apiKey?: string | undefined
  baseURL?: string | undefined
  setupTracing?: TracingSetup | undefined
  logger: Logger
}

/**
 * Where `run()`'s spans go: the given tracer provider; else, with `enableTracing`, the one
 * `@pl/tracing` sets up (or has set up already); else the global one. Setting up is asynchronous (the
 * package is loaded with `import()`), so the first run waits for it; a setup that fails is a warning
 * and the spans go to the global provider.
 */
export class RunTelemetry {
  #tracer: Tracer | Promise<Tracer>
  readonly #captureContent: boolean

  constructor(options: TelemetryOptions) {
    this.#captureContent =
      options.captureContent ??
      options.env.OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT?.toLowerCase() === "true"
    if (options.tracerProvider) {
      this.#tracer = options.tracerProvider.getTracer(TRACER_NAME)
    } else if (options.enableTracing && options.setupTracing) {
      this.#tracer = options
        .setupTracing({
          apiKey: options.apiKey,
          baseURL: options.baseURL,
          // As in the official SDKs: PromptLayer's OTLP endpoint, overridden; the key still goes with it.
          endpoint: options.env.PROMPTLAYER_OTLP_TRACES_ENDPOINT || undefined,
        })
        .then((provider) => provider.getTracer(TRACER_NAME))
        .catch((error: unknown) => {
          options.logger.warn(
            `enableTracing: could not set up @pl/tracing, spans go to the global OpenTelemetry provider: ${(error as Error).message}`,
          )
          return trace.getTracer(TRACER_NAME)
        })
        .then((tracer) => {
          this.#tracer = tracer
          return tracer
        })
    } else {
      if (options.enableTracing)
        options.logger.warn(
          "enableTracing: on this runtime pass tracerProvider (from @pl/tracing's setupTracing); spans go to the global OpenTelemetry provider",
        )
      this.#tracer = trace.getTracer(TRACER_NAME)
    }
  }

  /** Starts the spans of one run. */
  start(run: RunDescription): RunTrace | Promise<RunTrace> {
    const options = { captureContent: this.#captureContent }
    const begin = (tracer: Tracer): RunTrace | Promise<RunTrace> => {
      const runTrace = new RunTrace(tracer, run, options)
      // An observed run needs the span code, loaded on the first one.
      const loading = runTrace.observed ? loadSpanCode() : undefined
      return loading ? loading.then(() => runTrace) : runTrace
    }
    const tracer = this.#tracer
    return tracer instanceof Promise ? tracer.then(begin) : begin(tracer)
  }
}
