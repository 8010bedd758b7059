import type { StreamObserver } from "./tap-stream.js"

/** The part of `@anthropic-ai/sdk`'s `MessageStream` read here. */
interface MessageStreamLike {
  on(event: string, listener: (...args: unknown[]) => void): unknown
  done(): Promise<void>
  readonly aborted: boolean
}

/** Whether `value` is an Anthropic `MessageStream` (events, `done()`, `aborted`). */
export function isMessageStream(value: unknown): value is MessageStreamLike {
  if (value === null || typeof value !== "object") return false
  const stream = value as Partial<Record<keyof MessageStreamLike, unknown>>
  return typeof stream.on === "function" && typeof stream.done === "function" && "aborted" in stream
}

/**
 * Tells `observer` about an Anthropic `MessageStream` (`client.messages.stream()`), which callers read
 * through its events (`on("text")`, `finalMessage()`) as often as by iterating it. Its `streamEvent`s are
 * the raw events; `end` follows success, failure and `abort()` alike. No `error` listener is added: the
 * SDK reports an error nobody listens for as an unhandled rejection, and that stays so. The error itself
 * is read after `end`, from `done()`.
 *
 * @example
 * observeMessageStream(client.messages.stream(params), observer)
 */
export function observeMessageStream(stream: MessageStreamLike, observer: StreamObserver): void {
  stream.on("streamEvent", (event) => observer.chunk(event))
  stream.on("end", () => {
    stream.done().then(
      () => observer.end({ kind: "done" }),
      (error: unknown) => observer.end(stream.aborted ? { kind: "abandoned" } : { kind: "error", error }),
    )
  })
}
