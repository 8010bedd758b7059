import type { TracerProvider } from "@opentelemetry/api"
import type { TracingSetup } from "./run-telemetry.js"

/** What the client uses of `@pl/tracing`. */
interface TracingModule {
  currentTracing(): { tracerProvider: TracerProvider } | undefined
  setupTracing(options: {
    apiKey?: string | undefined
    baseURL?: string | undefined
    endpoint?: string | undefined
  }): {
    tracerProvider: TracerProvider
  }
}

// A variable, not a literal: `@pl/tracing` depends on this package (its tests and bench run the
// client), so this package cannot declare it for the type checker; at run time Node resolves it as
// any installed package (an optional peer dependency).
const TRACING_PACKAGE = "@pl/tracing"

/**
 * `enableTracing: true` on Node: loads `@pl/tracing` and uses the tracing it has set up, or sets it up
 * with the client's PromptLayer key and base URL (spans to `{baseURL}/v1/traces`).
 */
export const loadTracing: TracingSetup = async (options) => {
  const tracing = (await import(TRACING_PACKAGE)) as TracingModule
  return (tracing.currentTracing() ?? tracing.setupTracing(options)).tracerProvider
}
