import { type Attributes, type ContextManager, context, trace } from "@opentelemetry/api"
import { OTLPTraceExporter as OtlpJsonExporter } from "@opentelemetry/exporter-trace-otlp-http"
import { OTLPTraceExporter as OtlpProtobufExporter } from "@opentelemetry/exporter-trace-otlp-proto"
import { defaultResource, resourceFromAttributes } from "@opentelemetry/resources"
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  SimpleSpanProcessor,
  type SpanExporter,
  type SpanProcessor,
} from "@opentelemetry/sdk-trace-base"
import { ATTR_SERVICE_NAME } from "@opentelemetry/semantic-conventions"
import { setCurrentTracing, type Tracing } from "./current-tracing.js"
import { exportError } from "./errors.js"
import { type ExportTargetOptions, exportTarget } from "./export-target.js"
import { type Redact, RedactingExporter } from "./redacting-exporter.js"

/** Options of {@link setupTracing}; all optional. See {@link exportTarget} for where spans go. */
export interface TracingOptions extends ExportTargetOptions {
  /** The PromptLayer API key: spans go to `{baseURL}/v1/traces` with `X-API-KEY` (unless `endpoint` is set). */
  apiKey?: string | undefined
  /** The PromptLayer API (default `PROMPTLAYER_BASE_URL`, else `https://api.promptlayer.com`). */
  baseURL?: string | undefined
  /** Any OTLP/HTTP traces URL (a Collector, Jaeger, Tempo, Honeycomb, Datadog), instead of PromptLayer. */
  endpoint?: string | undefined
  /** Extra HTTP headers for the exporter (e.g. `Authorization`). */
  headers?: Readonly<Record<string, string>> | undefined
  /**
   * `batch` (default): spans are queued and sent in batches in the background. `immediate`: each span
   * is sent when it ends (short scripts; still `await forceFlush()` before exiting).
   */
  mode?: "batch" | "immediate" | undefined
  /**
   * Also register the provider as OpenTelemetry's global one, so every instrumentation in the process
   * exports through it. Ignored (`registeredGlobally: false`) when the app registered one already.
   */
  useGlobalProvider?: boolean | undefined
  /** `service.name` (default `OTEL_SERVICE_NAME`, else OpenTelemetry's `unknown_service:...`). */
  serviceName?: string | undefined
  /** More resource attributes (`deployment.environment.name`, `service.version`, ...). */
  resourceAttributes?: Attributes | undefined
  /** Rewrites or drops attributes before they leave the process (user data: emails, names, ids). */
  redact?: Redact | undefined
  /** Export with this instead of OTLP/HTTP (tests, another transport); still redacted. */
  exporter?: SpanExporter | undefined
  /** More processors (a console exporter while debugging). */
  spanProcessors?: readonly SpanProcessor[] | undefined
  /**
   * Makes the span of a traced call the parent of spans created inside it across `await`s. The Node
   * entry sets OpenTelemetry's AsyncLocalStorage one (unless the app has registered one already).
   */
  contextManager?: ContextManager | undefined
  /** Per export request, in milliseconds (default 10 s). */
  timeoutMs?: number | undefined
  /** Where `PROMPTLAYER_*` and `OTEL_*` variables are read; the Node entry passes `process.env`. */
  env?: Readonly<Record<string, string | undefined>> | undefined
}

/**
 * Sets up tracing with a tracer provider of its own (never replacing the app's OpenTelemetry setup):
 * spans exported over OTLP/HTTP, protobuf by default, to PromptLayer (`{baseURL}/v1/traces` with
 * `X-API-KEY`) or to any OTLP endpoint, batched or immediately. The PromptLayer key and the exporter's
 * header values are blanked from every exported attribute, and `redact` runs on each one. `traceable`
 * and a client with `enableTracing: true` record with the tracing set up last.
 *
 * @throws {TracingConfigError} when nothing says where to send spans.
 * @example
 * const tracing = setupTracing({ apiKey: process.env.PROMPTLAYER_API_KEY })
 * const pl = new PromptLayer({ tracerProvider: tracing.tracerProvider })
 * // ... then, in a serverless handler, before returning:
 * await tracing.forceFlush()
 */
export function setupTracing(options: TracingOptions = {}): Tracing {
  const env = options.env ?? {}
  const { exporter, url } = createExporter(options, env)
  const processor =
    options.mode === "immediate" ? new SimpleSpanProcessor(exporter) : new BatchSpanProcessor(exporter)
  const serviceName = options.serviceName ?? env.OTEL_SERVICE_NAME
  const provider = new BasicTracerProvider({
    resource: defaultResource().merge(
      resourceFromAttributes({
        ...(serviceName ? { [ATTR_SERVICE_NAME]: serviceName } : {}),
        ...options.resourceAttributes,
      }),
    ),
    spanProcessors: [processor, ...(options.spanProcessors ?? [])],
  })
  if (options.contextManager && !context.setGlobalContextManager(options.contextManager.enable()))
    options.contextManager.disable()
  const registeredGlobally = options.useGlobalProvider === true && trace.setGlobalTracerProvider(provider)
  const tracing: Tracing = {
    tracerProvider: provider,
    endpoint: url,
    registeredGlobally,
    forceFlush: () =>
      provider.forceFlush().catch((reason: unknown) => {
        throw exportError(url, reason)
      }),
    async shutdown() {
      if (registeredGlobally) trace.disable()
      setCurrentTracing(undefined)
      await provider.shutdown()
    },
  }
  setCurrentTracing(tracing)
  return tracing
}

/**
 * The exporter `setupTracing` uses, for an app that has its own OpenTelemetry SDK and wants
 * PromptLayer (or another OTLP endpoint) as one more destination: OTLP/HTTP to the target
 * {@link exportTarget} picks, with the same secret blanking and `redact` hook.
 *
 * @example
 * new NodeSDK({ spanProcessors: [new BatchSpanProcessor(createSpanExporter({ apiKey }))] })
 */
export function createSpanExporter(
  options: Omit<TracingOptions, "mode" | "useGlobalProvider" | "spanProcessors" | "contextManager"> = {},
): SpanExporter {
  return createExporter(options, options.env ?? {}).exporter
}

function createExporter(
  options: TracingOptions,
  env: Readonly<Record<string, string | undefined>>,
): { exporter: SpanExporter; url: string | undefined } {
  if (options.exporter) {
    const secrets = options.apiKey ? [options.apiKey] : []
    return {
      exporter: new RedactingExporter(options.exporter, { redact: options.redact, secrets }),
      url: undefined,
    }
  }
  const target = exportTarget(options, env)
  const config = {
    url: target.url,
    headers: target.headers,
    ...(options.timeoutMs !== undefined ? { timeoutMillis: options.timeoutMs } : {}),
  }
  const otlp =
    target.protocol === "http/json" ? new OtlpJsonExporter(config) : new OtlpProtobufExporter(config)
  // The headers carry the credentials (X-API-KEY, Authorization): none of them may show up in a span.
  const secrets = Object.values(target.headers)
  return { exporter: new RedactingExporter(otlp, { redact: options.redact, secrets }), url: target.url }
}
