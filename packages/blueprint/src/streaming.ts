/**
 * Some SDKs stream through a separate call that takes the same request as the plain one (Gemini's
 * `generateContentStream`, Bedrock's ConverseStream, Cohere's `chatStream`): their request has no field to
 * say "stream". `toRequest(bp, { stream: true })` marks such a request instead, with a non-enumerable
 * symbol that is never serialised, and `send` reads the mark (or `SendContext.stream`, which wins: a copy
 * of a request, `{ ...request }`, loses the mark).
 */
const STREAM = Symbol.for("@pl/stream")

/**
 * Marks a request as streaming, in place; returns it.
 *
 * @example
 * return options.stream ? markStreaming(request) : request
 */
export function markStreaming<Request extends object>(request: Request): Request {
  Object.defineProperty(request, STREAM, { value: true, enumerable: false })
  return request
}

/**
 * Whether `request` came from `toRequest(bp, { stream: true })`.
 *
 * @example
 * isStreamingRequest(google.toRequest(bp, { stream: true })) // true
 */
export function isStreamingRequest(request: object): boolean {
  return (request as { [STREAM]?: unknown })[STREAM] === true
}
