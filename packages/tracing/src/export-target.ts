import { TracingConfigError } from "./errors.js"

/** The PromptLayer API, when neither `baseURL` nor `PROMPTLAYER_BASE_URL` says otherwise. */
export const DEFAULT_BASE_URL = "https://api.promptlayer.com"

/** How spans are encoded on the wire: OTLP's two HTTP protocols. */
export type OtlpProtocol = "http/protobuf" | "http/json"

/** Where spans go, decided from the options and the environment. */
export interface ExportTarget {
  url: string | undefined
  headers: Record<string, string>
  protocol: OtlpProtocol
}

/** What {@link exportTarget} reads. */
export interface ExportTargetOptions {
  apiKey?: string | undefined
  baseURL?: string | undefined
  endpoint?: string | undefined
  headers?: Readonly<Record<string, string>> | undefined
  protocol?: OtlpProtocol | undefined
}

/**
 * Where spans are exported, first found: the `endpoint` option (any OTLP/HTTP traces URL, with
 * `X-API-KEY` only if `apiKey` is passed too); an `apiKey` option (PromptLayer, `{baseURL}/v1/traces`, or
 * `PROMPTLAYER_OTLP_TRACES_ENDPOINT` when no `baseURL` option is given);
 * OpenTelemetry's `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`, or `OTEL_EXPORTER_OTLP_ENDPOINT` + `/v1/traces`;
 * `PROMPTLAYER_API_KEY` (PromptLayer). A PromptLayer key read from the environment is never sent to
 * another endpoint. The protocol is the option, else `OTEL_EXPORTER_OTLP_TRACES_PROTOCOL` /
 * `OTEL_EXPORTER_OTLP_PROTOCOL`, else `http/protobuf` (OTLP's default).
 *
 * @throws {TracingConfigError} when nothing says where to send, for a protocol other than HTTP, or for a
 * traces URL that is not http(s).
 * @example
 * exportTarget({ apiKey: "pl_..." }, {}).url // "https://api.promptlayer.com/v1/traces"
 */
export function exportTarget(
  options: ExportTargetOptions,
  env: Readonly<Record<string, string | undefined>>,
): ExportTarget {
  const protocol =
    options.protocol ?? env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ?? env.OTEL_EXPORTER_OTLP_PROTOCOL
  if (protocol !== undefined && protocol !== "http/protobuf" && protocol !== "http/json")
    throw new TracingConfigError(
      `OTLP protocol "${protocol}" is not supported: use http/protobuf or http/json`,
    )
  // PromptLayer's traces URL: `{baseURL}/v1/traces`, unless PROMPTLAYER_OTLP_TRACES_ENDPOINT names another
  // (a `baseURL` option still wins over the environment).
  const promptLayer = (apiKey: string) => ({
    url:
      (options.baseURL === undefined && env.PROMPTLAYER_OTLP_TRACES_ENDPOINT) ||
      `${(options.baseURL ?? env.PROMPTLAYER_BASE_URL ?? DEFAULT_BASE_URL).replace(/\/+$/, "")}/v1/traces`,
    apiKey,
  })
  const otelEndpoint = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT
    ? env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT
    : env.OTEL_EXPORTER_OTLP_ENDPOINT
      ? `${env.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/+$/, "")}/v1/traces`
      : undefined
  const target = options.endpoint
    ? { url: options.endpoint, apiKey: options.apiKey }
    : options.apiKey
      ? promptLayer(options.apiKey)
      : otelEndpoint
        ? { url: otelEndpoint, apiKey: undefined }
        : env.PROMPTLAYER_API_KEY
          ? promptLayer(env.PROMPTLAYER_API_KEY)
          : undefined
  if (!target)
    throw new TracingConfigError(
      "Nowhere to send spans: pass apiKey (PromptLayer) or endpoint (any OTLP/HTTP traces URL), or set PROMPTLAYER_API_KEY or OTEL_EXPORTER_OTLP_ENDPOINT",
    )
  // The exporters send with fetch/http: a gRPC address or a host without a scheme would only fail later,
  // span batch after span batch.
  if (!/^https?:\/\//i.test(target.url))
    throw new TracingConfigError(
      `Spans go over OTLP/HTTP: the traces URL must start with http:// or https://, got "${target.url}"`,
    )
  return {
    url: target.url,
    headers: { ...(target.apiKey ? { "X-API-KEY": target.apiKey } : {}), ...options.headers },
    protocol: protocol ?? "http/protobuf",
  }
}
