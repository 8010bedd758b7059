import type { PromptBlueprint } from "./blueprint.js"
import type { Completion } from "./completion.js"
import type { ConversionWarning } from "./errors.js"

/** Options for {@link ProviderAdapter.toRequest}. */
export interface ToRequestOptions {
  /** Overrides `metadata.model.name`. */
  model?: string
  /** Merged over `metadata.model.parameters`; portable names are translated for the target provider. */
  parameters?: Record<string, unknown>
  /** Build a streaming request. */
  stream?: boolean
  /** Called for every feature the target cannot express and that was dropped. */
  onWarning?: (warning: ConversionWarning) => void
}

/** What `send` needs besides the request. Adapters may accept more (their SDK's own client options). */
export interface SendContext {
  /** The provider key; by default each SDK reads its own environment variable. */
  apiKey?: string
  /** Where to send: Azure, a proxy, a self-hosted or OpenAI-compatible server, a local test server. */
  baseURL?: string
  headers?: Record<string, string>
  signal?: AbortSignal
  /** Per-request timeout in milliseconds. */
  timeoutMs?: number
  /**
   * Make the SDK's streaming call, for SDKs whose request has no stream field (Gemini, Bedrock, Cohere).
   * Default: whether the request came from `toRequest(bp, { stream: true })` (see `isStreamingRequest`).
   */
  stream?: boolean
}

/**
 * Accumulates a stream into a {@link Completion}. `push` returns the completion so far in O(1) amortized
 * time: the returned object is live (the next `push` updates it in place), so copy it to keep a snapshot.
 */
export interface Accumulator<Chunk> {
  push(chunk: Chunk): Completion
  result(): Completion
}

/**
 * The contract every provider adapter implements. Conversion is pure (no I/O, no SDK); only `send`
 * loads the provider's SDK.
 *
 * @example
 * const request = openai.toRequest(blueprint, { stream: true })
 * const acc = openai.accumulator()
 * for await (const chunk of await openai.send(request)) render(acc.push(chunk).message)
 */
export interface ProviderAdapter<Request, Response, Chunk, Context extends SendContext = SendContext> {
  /** `openai`, `openai.responses`, `anthropic`, `google`, `amazon.bedrock`, `mistral`, `cohere`. */
  readonly name: string
  toRequest(blueprint: PromptBlueprint, options?: ToRequestOptions): Request
  /** A provider request (e.g. one built by hand) back to a blueprint. */
  fromRequest(request: Request): PromptBlueprint
  fromResponse(response: Response): Completion
  accumulator(): Accumulator<Chunk>
  /** Sends through the provider's official SDK, loaded only now: the response, or the chunk stream. */
  send(request: Request, context?: Context): Promise<Response | AsyncIterable<Chunk>>
}

/** The request type of an adapter. */
export type RequestOf<A> = A extends ProviderAdapter<infer R, unknown, unknown, never> ? R : never

/**
 * Converts a blueprint and lists what the target could not express.
 *
 * @example
 * const { request, warnings } = convertBlueprint(anthropic, blueprint)
 * for (const w of warnings) console.warn(`${w.path}: ${w.message}`)
 */
export function convertBlueprint<Request>(
  adapter: Pick<ProviderAdapter<Request, unknown, unknown, never>, "toRequest">,
  blueprint: PromptBlueprint,
  options: Omit<ToRequestOptions, "onWarning"> = {},
): { request: Request; warnings: ConversionWarning[] } {
  const warnings: ConversionWarning[] = []
  const request = adapter.toRequest(blueprint, { ...options, onWarning: (w) => warnings.push(w) })
  return { request, warnings }
}
