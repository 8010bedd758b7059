/**
 * Local provider servers replaying the recorded fixtures in ../shared/fixtures as each provider puts
 * them on the wire, for the real SDKs: JSON for plain calls; SSE (with `event:` lines for Anthropic, the
 * Responses API and Cohere, `[DONE]` for OpenAI chat and Mistral); AWS event-stream frames for Bedrock.
 */
import type { ServerResponse } from "node:http"
import {
  type RecordedRequest,
  readChunkLines,
  readJsonFixture,
  sendJson,
  sendSse,
  toSse,
} from "@pl/devtools/fixtures"
import { EventStreamCodec } from "@smithy/eventstream-codec"
import { NodeHttpHandler } from "@smithy/node-http-handler"
import { fromUtf8, toUtf8 } from "@smithy/util-utf8"

export interface ProviderCase {
  /** As the blueprint names it. */
  provider: string
  apiType?: string
  model: string
  folder: string
  fixture: string
  /** The provider's key variable, for the client's env. */
  keyEnv?: string
  /** The paths the SDK must call, plain and streamed. */
  path: RegExp
  streamPath: RegExp
  /** The base URL the SDK is given, from the server's URL. */
  baseURL: (serverUrl: string) => string
  /** Extra options for the adapter's send. */
  sendOptions?: Record<string, unknown>
  /** Answers one request with the fixture, streamed or not. */
  answer: (request: RecordedRequest, response: ServerResponse, stream: boolean) => void
  /** The text deltas of the recorded stream, in the provider's own wire shape. */
  streamedText: (chunks: unknown[]) => string
}

/** The value at a path in parsed JSON, or undefined. */
const at = (value: unknown, ...path: (string | number)[]): unknown =>
  path.reduce<unknown>(
    (v, key) =>
      v !== null && typeof v === "object" ? (v as Record<string | number, unknown>)[key] : undefined,
    value,
  )

const sse =
  (c: { folder: string; fixture: string }, options: { eventField?: string; done?: boolean }) =>
  (_request: RecordedRequest, response: ServerResponse, stream: boolean) =>
    stream
      ? sendSse(response, toSse(readChunkLines(c.folder, c.fixture), options))
      : sendJson(response, readJsonFixture(c.folder, c.fixture))

const codec = new EventStreamCodec(toUtf8, fromUtf8)

/** One decoded ConverseStream event (`{ "contentBlockDelta": {...} }`) as an event-stream frame. */
function eventFrame(event: object): Uint8Array {
  const [type, payload] = Object.entries(event)[0]!
  return codec.encode({
    headers: {
      ":event-type": { type: "string", value: type },
      ":message-type": { type: "string", value: "event" },
      ":content-type": { type: "string", value: "application/json" },
    },
    body: fromUtf8(JSON.stringify(payload)),
  })
}

const join = (chunks: unknown[], pick: (chunk: unknown) => unknown) =>
  chunks
    .map(pick)
    .filter((t): t is string => typeof t === "string")
    .join("")

export const PROVIDER_CASES: ProviderCase[] = [
  {
    provider: "openai",
    model: "gpt-4.1-nano",
    folder: "openai-chat",
    fixture: "openai-text",
    path: /^\/v1\/chat\/completions$/,
    streamPath: /^\/v1\/chat\/completions$/,
    keyEnv: "OPENAI_API_KEY",
    baseURL: (url) => `${url}/v1`,
    answer: sse({ folder: "openai-chat", fixture: "openai-text" }, { done: true }),
    streamedText: (chunks) => join(chunks, (c) => at(c, "choices", 0, "delta", "content")),
  },
  {
    provider: "openai",
    apiType: "responses",
    model: "gpt-5",
    folder: "openai-responses",
    fixture: "openai-web-search-tool.1",
    path: /^\/v1\/responses$/,
    streamPath: /^\/v1\/responses$/,
    keyEnv: "OPENAI_API_KEY",
    baseURL: (url) => `${url}/v1`,
    answer: sse({ folder: "openai-responses", fixture: "openai-web-search-tool.1" }, { eventField: "type" }),
    streamedText: (chunks) =>
      join(chunks, (c) => (at(c, "type") === "response.output_text.delta" ? at(c, "delta") : undefined)),
  },
  {
    provider: "anthropic",
    model: "claude-sonnet-5",
    folder: "anthropic",
    fixture: "anthropic-text",
    path: /^\/v1\/messages$/,
    streamPath: /^\/v1\/messages$/,
    keyEnv: "ANTHROPIC_API_KEY",
    baseURL: (url) => url,
    answer: sse({ folder: "anthropic", fixture: "anthropic-text" }, { eventField: "type" }),
    streamedText: (chunks) =>
      join(chunks, (c) => (at(c, "delta", "type") === "text_delta" ? at(c, "delta", "text") : undefined)),
  },
  {
    provider: "google",
    model: "gemini-2.5-flash",
    folder: "google",
    fixture: "google-text",
    path: /^\/v1beta\/models\/gemini-2\.5-flash:generateContent$/,
    streamPath: /^\/v1beta\/models\/gemini-2\.5-flash:streamGenerateContent\?alt=sse$/,
    keyEnv: "GOOGLE_API_KEY",
    baseURL: (url) => url,
    answer: sse({ folder: "google", fixture: "google-text" }, {}),
    streamedText: (chunks) =>
      join(
        chunks.flatMap((c) => (at(c, "candidates", 0, "content", "parts") as unknown[] | undefined) ?? []),
        (p) => (at(p, "thought") ? undefined : at(p, "text")),
      ),
  },
  {
    provider: "amazon.bedrock",
    model: "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
    folder: "bedrock",
    fixture: "amazon-bedrock-text",
    path: /^\/model\/us\.anthropic\.claude-sonnet-4-5-20250929-v1%3A0\/converse$/,
    streamPath: /^\/model\/us\.anthropic\.claude-sonnet-4-5-20250929-v1%3A0\/converse-stream$/,
    baseURL: (url) => url,
    sendOptions: {
      region: "us-east-1",
      credentials: { accessKeyId: "AKIDLOCALTEST", secretAccessKey: "local-test-secret-LEAKCHECK" },
      // The SDK speaks HTTP/2 by default; the local server speaks HTTP/1.1.
      requestHandler: new NodeHttpHandler(),
    },
    answer: (_request, response, stream) => {
      if (!stream) return sendJson(response, readJsonFixture("bedrock", "amazon-bedrock-text"))
      const frames = readChunkLines("bedrock", "amazon-bedrock-text").map((line) =>
        eventFrame(JSON.parse(line)),
      )
      response.writeHead(200, { "content-type": "application/vnd.amazon.eventstream" })
      response.end(Buffer.concat(frames))
    },
    streamedText: (chunks) => join(chunks, (c) => at(c, "contentBlockDelta", "delta", "text")),
  },
  {
    provider: "mistral",
    model: "mistral-small-latest",
    folder: "mistral",
    fixture: "mistral-text",
    path: /^\/v1\/chat\/completions$/,
    streamPath: /^\/v1\/chat\/completions$/,
    keyEnv: "MISTRAL_API_KEY",
    baseURL: (url) => url,
    answer: sse({ folder: "mistral", fixture: "mistral-text" }, { done: true }),
    streamedText: (chunks) => join(chunks, (c) => at(c, "choices", 0, "delta", "content")),
  },
  {
    provider: "cohere",
    model: "command-a-03-2025",
    folder: "cohere",
    fixture: "cohere-text",
    path: /^\/v2\/chat$/,
    streamPath: /^\/v2\/chat$/,
    keyEnv: "CO_API_KEY",
    baseURL: (url) => url,
    answer: sse({ folder: "cohere", fixture: "cohere-text" }, { eventField: "type" }),
    streamedText: (chunks) =>
      join(chunks, (c) =>
        at(c, "type") === "content-delta" ? at(c, "delta", "message", "content", "text") : undefined,
      ),
  },
]
