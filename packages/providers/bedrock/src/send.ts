import type {
  BedrockRuntimeClient,
  BedrockRuntimeClientConfig,
  ConverseCommand,
  ConverseStreamCommandOutput,
  ConverseStreamOutput,
} from "@aws-sdk/client-bedrock-runtime"
import { ClientCache, isStreamingRequest, type SendContext } from "@pl/blueprint"
import type { BedrockResponse } from "./from-response.js"
import type { BedrockRequest } from "./to-request.js"

/**
 * What `bedrock.send` needs besides the request. Without `client`, a `BedrockRuntimeClient` is built from
 * these fields, with the SDK's own defaults (region and credentials from the environment and AWS config
 * files, `AWS_BEARER_TOKEN_BEDROCK`) for what is left out, and reused by later sends with the same fields
 * (so credentials are resolved once, not per request; see `ClientCache`).
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
}

const clients = new ClientCache<BedrockRuntimeClient>()

/**
 * Sends a request with the official SDK, loaded only now: Converse returns the response, ConverseStream the
 * SDK's async iterable of events. (The SDK's default Node handler opens an HTTP/2 session per call and
 * closes it when the response or stream ends, so a client kept here holds nothing open between calls.)
 *
 * @example
 * const stream = await bedrock.send(bedrock.toRequest(bp, { stream: true }), { region: "us-east-1" })
 */
export async function send(
  request: BedrockRequest,
  context: BedrockSendContext = {},
): Promise<BedrockResponse | AsyncIterable<ConverseStreamOutput>> {
  const sdk = await import("@aws-sdk/client-bedrock-runtime")
  const { apiKey, baseURL, timeoutMs, region, credentials, requestHandler, headers, signal } = context
  const client =
    context.client ??
    (await clients.get(
      { region, credentials, baseURL, requestHandler, timeoutMs, apiKey },
      async () =>
        new sdk.BedrockRuntimeClient({
          ...(region && { region }),
          ...(credentials && { credentials }),
          ...(baseURL && { endpoint: baseURL }),
          ...((requestHandler || timeoutMs) && {
            requestHandler: requestHandler ?? { requestTimeout: timeoutMs },
          }),
          // A Bedrock API key is a bearer token.
          ...(apiKey && { token: { token: apiKey }, authSchemePreference: ["httpBearerAuth"] }),
        }),
    ))
  const stream = context.stream ?? isStreamingRequest(request)
  const command = stream ? new sdk.ConverseStreamCommand(request) : new sdk.ConverseCommand(request)
  if (headers)
    // Extra headers go on before the request is signed.
    (command.middlewareStack as ConverseCommand["middlewareStack"]).add(
      (next) => (args) => {
        Object.assign((args.request as { headers: object }).headers, headers)
        return next(args)
      },
      { step: "build" },
    )
  const output = await client.send(command as ConverseCommand, signal ? { abortSignal: signal } : {})
  return stream ? (output as ConverseStreamCommandOutput).stream! : output
}
