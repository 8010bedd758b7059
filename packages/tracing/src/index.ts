/**
 * @pl/tracing: OpenTelemetry for prompts. `traceable` turns any function into spans (sync, async,
 * async iterables); `setupTracing` exports them, and every `run()` of `@pl/client`, over OTLP/HTTP to
 * PromptLayer or any OpenTelemetry backend, with a tracer provider of its own. This entry uses no Node
 * built-ins; on Node, `@pl/tracing` resolves to a build whose `setupTracing` also reads `process.env`
 * and propagates spans across `await` (AsyncLocalStorage).
 */
export { currentTracing, type Tracing } from "./current-tracing.js"
export { TracingConfigError, TracingExportError } from "./errors.js"
export {
  DEFAULT_BASE_URL,
  type ExportTarget,
  type ExportTargetOptions,
  exportTarget,
  type OtlpProtocol,
} from "./export-target.js"
export { type Redact, RedactingExporter, type RedactionOptions } from "./redacting-exporter.js"
export { DEFAULT_MAX_LENGTH, serialize } from "./serialize.js"
export { createSpanExporter, setupTracing, type TracingOptions } from "./setup-tracing.js"
export {
  FUNCTION_INPUT,
  FUNCTION_OUTPUT,
  STREAM_ABANDONED,
  TRACER_NAME,
  type TraceableOptions,
  traceable,
  wrapWithSpan,
} from "./traceable.js"
