/**
 * @pl/tracing on Node: the same API, with a `setupTracing` that reads `PROMPTLAYER_API_KEY`,
 * `PROMPTLAYER_BASE_URL` and the `OTEL_*` variables from `process.env` and registers OpenTelemetry's
 * AsyncLocalStorage context manager (unless the app has one), so a traced function's span is the
 * parent of the spans created inside it, across `await`s.
 */
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks"
import type { Tracing } from "./current-tracing.js"
import { setupTracing as setupAnywhere, type TracingOptions } from "./setup-tracing.js"

export * from "./index.js"

/**
 * Sets up tracing (see the browser entry for the full description), with Node defaults.
 *
 * @example
 * const tracing = setupTracing() // PROMPTLAYER_API_KEY, or OTEL_EXPORTER_OTLP_ENDPOINT
 */
export function setupTracing(options: TracingOptions = {}): Tracing {
  return setupAnywhere({
    env: process.env,
    contextManager: new AsyncLocalStorageContextManager(),
    ...options,
  })
}
