import type {
  BedrockRuntimeClient,
  BedrockRuntimeClientConfig,
  ConverseStreamOutput,
} from "@aws-sdk/client-bedrock-runtime"
import type { SendContext } from "@pl/blueprint"
import type { BedrockResponse } from "./from-response.js"
import { type BedrockRequest, isStreamingRequest } from "./to-request.js"

/**
 * What `bedrock.send` needs besides the request. Without `client`, a `BedrockRuntimeClient` is built from
 * these fields, with the SDK's own defaults (region and credentials from the environment and AWS config
 * files, `AWS_BEARER_TOKEN_BEDROCK`) for what is left out.
 */
export interface BedrockSendContext extends SendContext {
  /** A client to send with; the other client fields are then ignored (`headers` and `signal` still apply). */
  client?: BedrockRuntimeClient
  /** The AWS region, e.g. `us-east-1`. */
  region?: string
  /** AWS credentials (or a provider of them), instead of the default credential chain. */
  credentials?: BedrockRuntimeClientConfig["credentials"]
  /** The SDK's HTTP handler, or its options (the SDK defaults to HTTP/2 in Node). */
  requestHandler?: BedrockRuntimeClientConfig["requestHandler"]
  /** Send with ConverseStream. Default: whether the request came from `toRequest(bp, { stream: true })`. */
  stream?: boolean
}

// `apiKey` is a Bedrock API key (a bearer token), `baseURL` the endpoint, `timeoutMs` the HTTP handler's
// request timeout when the handler is built here.
function clientConfig(context: BedrockSendContext): BedrockRuntimeClientConfig {
  const config: BedrockRuntimeClientConfig = {}
  if (context.region) config.region = context.region
  if (context.credentials) config.credentials = context.credentials
  if (context.baseURL) config.endpoint = context.baseURL
  if (context.apiKey) {
    config.token = { token: context.apiKey }
    config.authSchemePreference = ["httpBearerAuth"]
  }
  if (context.requestHandler) config.requestHandler = context.requestHandler
  else if (context.timeoutMs !== undefined) config.requestHandler = { requestTimeout: context.timeoutMs }
  return config
}

/**
 * Sends a request with the official SDK, loaded only now: Converse returns the response, ConverseStream the
 * SDK's async iterable of events. A client built here is destroyed (its connections closed) once the
 * response, or the whole stream, has been read, so nothing keeps the process alive.
 *
 * @example
 * const stream = await bedrock.send(bedrock.toRequest(bp, { stream: true }), { region: "us-east-1" })
 */
export async function send(
  request: BedrockRequest,
  context: BedrockSendContext = {},
): Promise<BedrockResponse | AsyncIterable<ConverseStreamOutput>> {
  const sdk = await import("@aws-sdk/client-bedrock-runtime")
  const client = context.client ?? new sdk.BedrockRuntimeClient(clientConfig(context))
  // A client built here is closed after use, unless it holds the caller's own HTTP handler.
  const owned = context.client || isHandler(context.requestHandler) ? undefined : client
  const options = context.signal ? { abortSignal: context.signal } : {}
  const build = { step: "build", name: "plExtraHeaders" } as const
  try {
    if (context.stream ?? isStreamingRequest(request)) {
      const command = new sdk.ConverseStreamCommand(request)
      if (context.headers) command.middlewareStack.add(addHeaders(context.headers), build)
      const output = await client.send(command, options)
      const events = output.stream
      if (!events) throw new TypeError("ConverseStream returned no stream")
      if (!owned) return events
      return (async function* () {
        try {
          yield* events
        } finally {
          owned.destroy()
        }
      })()
    }
    const command = new sdk.ConverseCommand(request)
    if (context.headers) command.middlewareStack.add(addHeaders(context.headers), build)
    const response = await client.send(command, options)
    owned?.destroy()
    return response
  } catch (error) {
    owned?.destroy()
    throw error
  }
}

// A build-step middleware: extra HTTP headers on the request before it is signed.
function addHeaders(headers: Record<string, string>) {
  return <Args extends { request: unknown }, Result>(next: (args: Args) => Result) =>
    (args: Args): Result => {
      const http = args.request as { headers?: Record<string, string> }
      if (http.headers) Object.assign(http.headers, headers)
      return next(args)
    }
}

function isHandler(handler: BedrockSendContext["requestHandler"]): boolean {
  return typeof (handler as { handle?: unknown } | undefined)?.handle === "function"
}
