/**
 * A local OTLP/HTTP traces receiver: accepts `POST /v1/traces` in protobuf (decoded with the official
 * protos in ../shared/specs/otlp via protobufjs) or JSON, and keeps every decoded request with its
 * headers. Spans come out flattened: name, ids as hex, kind, status and attributes as plain values.
 */
import { once } from "node:events"
import { createServer, type IncomingHttpHeaders } from "node:http"
import type { AddressInfo } from "node:net"
import { fileURLToPath } from "node:url"
import protobuf from "protobufjs"

const PROTOS = fileURLToPath(new URL("../../../../../shared/specs/otlp/", import.meta.url))

const root = new protobuf.Root()
root.resolvePath = (_origin, target) => `${PROTOS}${target}`
root.loadSync("opentelemetry/proto/collector/trace/v1/trace_service.proto")
const ExportTraceServiceRequest = root.lookupType(
  "opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest",
)
const ExportTraceServiceResponse = root.lookupType(
  "opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse",
)

export interface ReceivedSpan {
  name: string
  traceId: string
  spanId: string
  parentSpanId: string | undefined
  kind: number
  status: { code?: number; message?: string }
  attributes: Record<string, unknown>
  events: string[]
  scope: string
  resource: Record<string, unknown>
}

export interface ReceivedRequest {
  path: string
  headers: IncomingHttpHeaders
  contentType: string
  spans: ReceivedSpan[]
}

export async function startOtlpReceiver() {
  const received: ReceivedRequest[] = []
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = []
    for await (const chunk of request) chunks.push(chunk as Buffer)
    const body = Buffer.concat(chunks)
    const contentType = request.headers["content-type"] ?? ""
    const json = contentType.includes("json")
    const decoded = json
      ? (JSON.parse(body.toString("utf8")) as OtlpRequest)
      : (ExportTraceServiceRequest.toObject(ExportTraceServiceRequest.decode(body), {
          longs: String,
          enums: Number,
          bytes: String,
          defaults: false,
        }) as OtlpRequest)
    received.push({
      path: request.url ?? "",
      headers: request.headers,
      contentType,
      spans: flatten(decoded, json),
    })
    if (json) {
      response.writeHead(200, { "content-type": "application/json" }).end("{}")
    } else {
      const reply = ExportTraceServiceResponse.encode(ExportTraceServiceResponse.create({})).finish()
      response.writeHead(200, { "content-type": "application/x-protobuf" }).end(Buffer.from(reply))
    }
  })
  server.listen(0, "127.0.0.1")
  await once(server, "listening")
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    spans: () => received.flatMap((r) => r.spans),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

interface OtlpValue {
  stringValue?: string
  boolValue?: boolean
  intValue?: string | number
  doubleValue?: number
  arrayValue?: { values?: OtlpValue[] }
}
interface OtlpKeyValue {
  key: string
  value?: OtlpValue
}
interface OtlpRequest {
  resourceSpans?: {
    resource?: { attributes?: OtlpKeyValue[] }
    scopeSpans?: {
      scope?: { name?: string }
      spans?: {
        name: string
        traceId: string
        spanId: string
        parentSpanId?: string
        kind?: number
        status?: { code?: number; message?: string }
        attributes?: OtlpKeyValue[]
        events?: { name: string }[]
      }[]
    }[]
  }[]
}

function flatten(request: OtlpRequest, json: boolean): ReceivedSpan[] {
  // OTLP/JSON writes ids as hex; the protobuf decoder here hands bytes back as base64.
  const hex = (id: string | undefined) =>
    !id ? undefined : json ? id : Buffer.from(id, "base64").toString("hex") || undefined
  return (request.resourceSpans ?? []).flatMap((resourceSpans) => {
    const resource = attributes(resourceSpans.resource?.attributes)
    return (resourceSpans.scopeSpans ?? []).flatMap((scopeSpans) =>
      (scopeSpans.spans ?? []).map((span) => ({
        name: span.name,
        traceId: hex(span.traceId)!,
        spanId: hex(span.spanId)!,
        parentSpanId: hex(span.parentSpanId),
        kind: span.kind ?? 0,
        status: span.status ?? {},
        attributes: attributes(span.attributes),
        events: (span.events ?? []).map((event) => event.name),
        scope: scopeSpans.scope?.name ?? "",
        resource,
      })),
    )
  })
}

function attributes(list: OtlpKeyValue[] | undefined): Record<string, unknown> {
  return Object.fromEntries((list ?? []).map(({ key, value }) => [key, plain(value)]))
}

function plain(value: OtlpValue | undefined): unknown {
  if (!value) return undefined
  if (value.stringValue !== undefined) return value.stringValue
  if (value.boolValue !== undefined) return value.boolValue
  if (value.intValue !== undefined) return Number(value.intValue)
  if (value.doubleValue !== undefined) return value.doubleValue
  if (value.arrayValue) return (value.arrayValue.values ?? []).map(plain)
  return undefined
}
