/** How a stream ended: read to the end, failed, or left by its consumer before the end. */
export type StreamEnd = { kind: "done" } | { kind: "error"; error: unknown } | { kind: "abandoned" }

/** Told about a stream as it is read. Must not throw. */
export interface StreamObserver {
  chunk(chunk: unknown): void
  /** Called once. */
  end(outcome: StreamEnd): void
}

/**
 * An async iterator that reads `source` and tells `observer` each chunk and how reading ended. Chunks,
 * errors and the iterator protocol pass through unchanged: `return()` (a consumer's `break`) still
 * closes the source.
 *
 * @example
 * for await (const chunk of tapIterator(stream[Symbol.asyncIterator](), observer)) render(chunk)
 */
export function tapIterator<T>(source: AsyncIterator<T>, observer: StreamObserver): AsyncIterableIterator<T> {
  let ended = false
  const end = (outcome: StreamEnd) => {
    if (ended) return
    ended = true
    observer.end(outcome)
  }
  return {
    async next(...args: [] | [unknown]) {
      let result: IteratorResult<T>
      try {
        result = await source.next(...args)
      } catch (error) {
        end({ kind: "error", error })
        throw error
      }
      if (result.done) end({ kind: "done" })
      else if (!ended) observer.chunk(result.value)
      return result
    },
    async return(value?: unknown) {
      end({ kind: "abandoned" })
      return source.return ? source.return(value) : { done: true, value: value as T }
    },
    async throw(error?: unknown) {
      end({ kind: "error", error })
      if (source.throw) return source.throw(error)
      throw error
    },
    [Symbol.asyncIterator]() {
      return this
    },
  }
}

/**
 * Makes a stream object an SDK returned tell `observer` how it is read, keeping the object, so its own
 * methods keep working (OpenAI's `controller` and `tee()`, Mistral's `ReadableStream` methods). The
 * first iteration is observed; later ones (where the SDK allows them) pass through.
 *
 * - Stainless SDKs (`openai`, `@anthropic-ai/sdk`): `Stream` reads its chunks through its `iterator`
 *   field, for `for await`, `tee()` and `toReadableStream()` alike, so that field is wrapped. Its
 *   iterator ends quietly when the caller aborts `stream.controller`: that end is reported as abandoned.
 * - An async generator (`@google/genai`): its own `next`, `return` and `throw` are wrapped, for callers
 *   of `next()` and of `for await` alike.
 * - Any other async iterable (Mistral's `EventStream`, Cohere's `Stream`, Bedrock's event stream):
 *   `[Symbol.asyncIterator]` is wrapped. (Reading Mistral's `EventStream` with `getReader()` goes around it.)
 *
 * @returns whether the object could be observed.
 */
export function tapStream(stream: unknown, observer: StreamObserver): boolean {
  if (stream === null || typeof stream !== "object") return false
  const target = stream as Record<PropertyKey, unknown>
  let observed = false
  const once = <T>(iterator: AsyncIterator<T>): AsyncIterator<T> => {
    if (observed) return iterator
    observed = true
    return tapIterator(iterator, observer)
  }

  const iteratorField = target.iterator
  if (typeof iteratorField === "function" && Symbol.asyncIterator in target) {
    const signal = (target.controller as { signal?: AbortSignal } | undefined)?.signal
    const inner = observer
    observer = {
      chunk: (chunk) => inner.chunk(chunk),
      end: (outcome) =>
        inner.end(outcome.kind === "done" && signal?.aborted ? { kind: "abandoned" } : outcome),
    }
    target.iterator = function (this: unknown, ...args: unknown[]) {
      return once(Reflect.apply(iteratorField, this, args) as AsyncIterator<unknown>)
    }
    return true
  }

  const next = target.next
  if (typeof next === "function") {
    const tapped = tapIterator(
      {
        next: (...args: [] | [unknown]) =>
          Reflect.apply(next, stream, args) as Promise<IteratorResult<unknown>>,
        return: methodOf(target, "return"),
        throw: methodOf(target, "throw"),
      },
      observer,
    )
    for (const key of ["next", "return", "throw"] as const) define(target, key, tapped[key])
    return true
  }

  const iterate = target[Symbol.asyncIterator]
  if (typeof iterate === "function") {
    define(target, Symbol.asyncIterator, function (this: unknown) {
      return once(Reflect.apply(iterate, this, []) as AsyncIterator<unknown>)
    })
    return true
  }
  return false
}

function methodOf(
  target: Record<PropertyKey, unknown>,
  key: "return" | "throw",
): ((value?: unknown) => Promise<IteratorResult<unknown>>) | undefined {
  const method = target[key]
  if (typeof method !== "function") return undefined
  return (value) => Reflect.apply(method, target, [value]) as Promise<IteratorResult<unknown>>
}

/** An own property shadowing the prototype's, as writable and configurable as an ordinary method. */
function define(target: object, key: PropertyKey, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, configurable: true, enumerable: false })
}
