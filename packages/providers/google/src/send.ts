import type {
  GenerateContentConfig,
  GenerateContentParameters,
  GenerateContentResponse,
  GoogleGenAI,
  GoogleGenAIOptions,
  HttpOptions,
} from "@google/genai"
import { ClientCache, isStreamingRequest, type SendContext } from "@pl/blueprint"

/**
 * What `google.send` needs besides the request. The Gemini API is the default; set `vertexai` (with
 * `project` and `location`, or an express-mode `apiKey`) for Vertex AI. Without `apiKey` the SDK reads
 * `GOOGLE_API_KEY` / `GEMINI_API_KEY` (and `GOOGLE_GENAI_USE_VERTEXAI`, `GOOGLE_CLOUD_PROJECT`,
 * `GOOGLE_CLOUD_LOCATION`, Application Default Credentials for Vertex AI).
 *
 * @example
 * await google.send(request, { vertexai: true, project: "my-project", location: "us-central1" })
 */
export interface GoogleSendContext extends SendContext {
  /** A client to send with; the client fields below are then ignored (`baseURL`, `headers`, `timeoutMs` and `signal` still apply). */
  client?: GoogleGenAI
  /** Send to Vertex AI instead of the Gemini API. */
  vertexai?: boolean
  /** The Google Cloud project, for Vertex AI. */
  project?: string
  /** The Google Cloud location (e.g. `us-central1`, `global`), for Vertex AI. */
  location?: string
  /** The API version, e.g. `v1` (the SDK's default is `v1beta` for the Gemini API). */
  apiVersion?: string
  /** Credentials for Vertex AI, as `google-auth-library` takes them. */
  googleAuthOptions?: GoogleGenAIOptions["googleAuthOptions"]
}

/**
 * Sends a request with `@google/genai`, loaded only now: `generateContent` returns the response,
 * `generateContentStream` the SDK's async iterable of chunks. `baseURL`, `headers`, `timeoutMs` and
 * `signal` are set on this request (`config.httpOptions`, `config.abortSignal`), so they apply to a given
 * `client` too. Errors are the SDK's (`ApiError` with `status`).
 *
 * @example
 * const stream = await google.send(google.toRequest(bp, { stream: true }), { apiKey: process.env.GEMINI_API_KEY })
 */
export async function send(
  request: GenerateContentParameters,
  context: GoogleSendContext = {},
): Promise<GenerateContentResponse | AsyncIterable<GenerateContentResponse>> {
  const client = context.client ?? (await createClient(context))
  const httpOptions: HttpOptions = { ...request.config?.httpOptions }
  if (context.baseURL) httpOptions.baseUrl = context.baseURL
  if (context.headers) httpOptions.headers = { ...httpOptions.headers, ...context.headers }
  if (context.timeoutMs !== undefined) httpOptions.timeout = context.timeoutMs
  const config: GenerateContentConfig = { ...request.config }
  if (Object.keys(httpOptions).length > 0) config.httpOptions = httpOptions
  if (context.signal) config.abortSignal = context.signal
  const params: GenerateContentParameters = { model: request.model, contents: request.contents, config }
  return (context.stream ?? isStreamingRequest(request))
    ? client.models.generateContentStream(params)
    : client.models.generateContent(params)
}

const clients = new ClientCache<GoogleGenAI>()

/**
 * One client per key, Vertex AI project, location, API version and auth options, reused by later sends
 * (so a Vertex AI access token is fetched once, not per request); the rest goes with each request.
 */
function createClient(context: GoogleSendContext): Promise<GoogleGenAI> {
  const { apiKey, vertexai, project, location, apiVersion, googleAuthOptions } = context
  const key = { apiKey, vertexai, project, location, apiVersion, googleAuthOptions }
  return clients.get(key, () => buildClient(context))
}

async function buildClient(context: GoogleSendContext): Promise<GoogleGenAI> {
  const { GoogleGenAI } = await import("@google/genai")
  const options: GoogleGenAIOptions = {}
  if (context.apiKey) options.apiKey = context.apiKey
  if (context.vertexai !== undefined) options.vertexai = context.vertexai
  if (context.project) options.project = context.project
  if (context.location) options.location = context.location
  if (context.apiVersion) options.apiVersion = context.apiVersion
  if (context.googleAuthOptions) options.googleAuthOptions = context.googleAuthOptions
  return new GoogleGenAI(options)
}
