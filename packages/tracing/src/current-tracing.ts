import type { TracerProvider } from "@opentelemetry/api"

/**
 * Tracing set up by {@link setupTracing}: its tracer provider, where it exports, and the calls a
 * short-lived process needs before it exits.
 */
export interface Tracing {
  /** The provider spans are recorded with; pass it to `new PromptLayer({ tracerProvider })` or an instrumentation. */
  readonly tracerProvider: TracerProvider
  /** The OTLP/HTTP URL spans are sent to (`undefined` with a custom `exporter`). */
  readonly endpoint: string | undefined
  /** Whether the provider was registered as OpenTelemetry's global one (`useGlobalProvider`). */
  readonly registeredGlobally: boolean
  /**
   * Exports every ended span now; await it before a serverless function returns. Rejects with a
   * `TracingExportError` naming the endpoint and the cause when the spans could not be sent.
   */
  forceFlush(): Promise<void>
  /** Exports what is left and stops; spans ended afterwards are dropped. */
  shutdown(): Promise<void>
}

let current: Tracing | undefined

/**
 * The tracing set up last in this process (and not shut down), if any: `traceable` records with its
 * provider, and so does a client with `enableTracing: true`.
 *
 * @example
 * await currentTracing()?.forceFlush()
 */
export function currentTracing(): Tracing | undefined {
  return current
}

/** For `setupTracing` and `shutdown`. */
export function setCurrentTracing(tracing: Tracing | undefined): void {
  current = tracing
}
