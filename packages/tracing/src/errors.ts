/**
 * Thrown by `setupTracing` when it cannot tell where spans go (no PromptLayer key, no endpoint) or is
 * given an option it cannot honour (an OTLP protocol other than HTTP).
 *
 * @example
 * try { setupTracing() } catch (e) { if (e instanceof TracingConfigError) console.warn(e.message) }
 */
export class TracingConfigError extends Error {
  override readonly name = "TracingConfigError"
}
