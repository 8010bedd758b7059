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

/**
 * Thrown by a tracing's `forceFlush()` when spans could not be exported (the backend is unreachable or
 * refused them), naming where they were going and why; `cause` holds what the exporter reported.
 *
 * @example
 * await tracing.forceFlush().catch((e) => console.warn(e.message)) // tracing must not fail the handler
 */
export class TracingExportError extends Error {
  override readonly name = "TracingExportError"
}

/** The exporter's failure (one error, or the list the span processors rejected with) as one error. */
export function exportError(endpoint: string | undefined, reason: unknown): TracingExportError {
  const reasons = (Array.isArray(reason) ? reason : [reason]).map((r) =>
    r instanceof Error ? r.message : String(r),
  )
  const where = endpoint ? ` to ${endpoint}` : ""
  return new TracingExportError(`could not export spans${where}: ${reasons.join("; ")}`, { cause: reason })
}
