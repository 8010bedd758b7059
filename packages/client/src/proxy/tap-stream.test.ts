import { describe, expect, it } from "vitest"
import { type StreamEnd, type StreamObserver, tapIterator, tapStream } from "./tap-stream.js"

function recorder() {
  const chunks: unknown[] = []
  const ends: StreamEnd[] = []
  const observer: StreamObserver = { chunk: (c) => chunks.push(c), end: (e) => ends.push(e) }
  return { chunks, ends, observer }
}

async function* numbers(count: number, failAfter?: Error) {
  for (let i = 0; i < count; i++) yield i
  if (failAfter) throw failAfter
}

describe("tapIterator", () => {
  it("passes every chunk through unchanged and reports the end once", async () => {
    const r = recorder()
    const seen: number[] = []
    for await (const n of tapIterator(numbers(3), r.observer)) seen.push(n)
    expect(seen).toEqual([0, 1, 2])
    expect(r.chunks).toEqual([0, 1, 2])
    expect(r.ends).toEqual([{ kind: "done" }])
  })

  it("reports a failure and rethrows the same error", async () => {
    const r = recorder()
    const boom = new Error("socket hang up")
    const error = await (async () => {
      for await (const _ of tapIterator(numbers(2, boom), r.observer));
    })().catch((e: unknown) => e)
    expect(error).toBe(boom)
    expect(r.chunks).toEqual([0, 1])
    expect(r.ends).toEqual([{ kind: "error", error: boom }])
  })

  it("reports a consumer that breaks early as abandoned, and closes the source", async () => {
    const r = recorder()
    let closed = false
    const source = (async function* () {
      try {
        yield* numbers(5)
      } finally {
        closed = true
      }
    })()
    for await (const n of tapIterator(source, r.observer)) if (n === 1) break
    expect(closed).toBe(true)
    expect(r.chunks).toEqual([0, 1])
    expect(r.ends).toEqual([{ kind: "abandoned" }])
  })
})

describe("tapStream", () => {
  it("wraps a Stainless-style `iterator` field, so tee()-like readers are observed too", async () => {
    const r = recorder()
    const stream = {
      iterator: () => numbers(2),
      [Symbol.asyncIterator]() {
        return this.iterator()
      },
      tee() {
        const shared = this.iterator()
        return [shared, shared]
      },
    }
    expect(tapStream(stream, r.observer)).toBe(true)
    const [left] = stream.tee()
    for await (const _ of { [Symbol.asyncIterator]: () => left! });
    expect(r.chunks).toEqual([0, 1])
    expect(r.ends).toEqual([{ kind: "done" }])
  })

  it("wraps an async generator's own next(), for callers that never use for await", async () => {
    const r = recorder()
    const generator = numbers(2)
    expect(tapStream(generator, r.observer)).toBe(true)
    expect(await generator.next()).toEqual({ value: 0, done: false })
    expect(await generator.next()).toEqual({ value: 1, done: false })
    expect(await generator.next()).toEqual({ value: undefined, done: true })
    expect(r.chunks).toEqual([0, 1])
    expect(r.ends).toEqual([{ kind: "done" }])
  })

  it("wraps [Symbol.asyncIterator] of any other iterable, observing the first iteration only", async () => {
    const r = recorder()
    const iterable = { [Symbol.asyncIterator]: () => numbers(2) }
    expect(tapStream(iterable, r.observer)).toBe(true)
    for await (const _ of iterable);
    for await (const _ of iterable);
    expect(r.chunks).toEqual([0, 1])
    expect(r.ends).toEqual([{ kind: "done" }])
  })

  it("leaves what is not a stream alone", () => {
    const r = recorder()
    expect(tapStream({ id: "resp_1" }, r.observer)).toBe(false)
    expect(tapStream(undefined, r.observer)).toBe(false)
  })
})
