import { context, SpanStatusCode, trace } from "@opentelemetry/api"
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest"
import { memoryTracing, parentId, useAsyncContext } from "../test/support/memory-tracing.js"
import { FUNCTION_INPUT, FUNCTION_OUTPUT, STREAM_ABANDONED, traceable, wrapWithSpan } from "./traceable.js"

const tracing = memoryTracing()
const { tracerProvider } = tracing
let stopContext: () => void
beforeAll(() => {
  stopContext = useAsyncContext()
})
afterAll(() => stopContext())
afterEach(() => tracing.reset())

describe("traceable", () => {
  it("records a sync call's arguments and result, and keeps `this`", () => {
    const counter = {
      base: 10,
      add: traceable(
        function (this: { base: number }, n: number) {
          return this.base + n
        },
        { name: "add", tracerProvider, attributes: { "app.team": "core" } },
      ),
    }
    expect(counter.add(5)).toBe(15)
    const [span] = tracing.spans()
    expect(span?.name).toBe("add")
    expect(span?.attributes).toEqual({ "app.team": "core", [FUNCTION_INPUT]: "[5]", [FUNCTION_OUTPUT]: "15" })
    expect(span?.status.code).toBe(SpanStatusCode.UNSET)
  })

  it("ends an async call's span when its promise settles, with the resolved value", async () => {
    let release!: (value: string) => void
    const slow = traceable(() => new Promise<string>((resolve) => (release = resolve)), { tracerProvider })
    const pending = slow()
    expect(tracing.spans()).toHaveLength(0)
    release("done")
    expect(await pending).toBe("done")
    expect(tracing.spans()[0]?.attributes[FUNCTION_OUTPUT]).toBe('"done"')
  })

  it("names the span after the function by default", () => {
    function lookUp() {
      return 1
    }
    traceable(lookUp, { tracerProvider })()
    expect(tracing.spans()[0]?.name).toBe("lookUp")
  })

  it("records a thrown error, and a rejection, with error.type and an error status, and rethrows it", async () => {
    class QuotaError extends Error {}
    const sync = traceable(
      () => {
        throw new QuotaError("over quota")
      },
      { name: "sync", tracerProvider },
    )
    const async = traceable(async () => Promise.reject(new TypeError("bad")), {
      name: "async",
      tracerProvider,
    })
    expect(() => sync()).toThrow(QuotaError)
    await expect(async()).rejects.toThrow(TypeError)
    const [first, second] = tracing.spans()
    expect(first?.attributes["error.type"]).toBe("QuotaError")
    expect(first?.status).toEqual({ code: SpanStatusCode.ERROR, message: "over quota" })
    expect(first?.events.map((e) => e.name)).toEqual(["exception"])
    expect(second?.attributes["error.type"]).toBe("TypeError")
  })

  it("makes its span the parent of spans created inside, across awaits", async () => {
    const inner = traceable(async () => "x", { name: "inner", tracerProvider })
    const outer = traceable(
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 1))
        return inner()
      },
      { name: "outer", tracerProvider },
    )
    await outer()
    const outerSpan = tracing.named("outer")[0]!
    expect(parentId(tracing.named("inner")[0]!)).toBe(outerSpan.spanContext().spanId)
    expect(trace.getSpan(context.active())).toBeUndefined()
  })

  it("follows an async iterable to its end: items recorded, span ended after the last one", async () => {
    const tokens = traceable(
      async function* (n: number) {
        for (let i = 0; i < n; i++) yield `t${i}`
      },
      { name: "tokens", tracerProvider },
    )
    const seen: unknown[] = []
    for await (const token of tokens(3)) {
      seen.push(token)
      expect(tracing.spans()).toHaveLength(0)
    }
    expect(seen).toEqual(["t0", "t1", "t2"])
    expect(tracing.spans()[0]?.attributes[FUNCTION_OUTPUT]).toBe('["t0","t1","t2"]')
  })

  it("follows an async function that resolves to an async iterable", async () => {
    const stream = traceable(
      async () =>
        (async function* () {
          yield 1
          yield 2
        })(),
      { name: "stream", tracerProvider },
    )
    const items: unknown[] = []
    for await (const item of (await stream()) as AsyncIterable<number>) items.push(item)
    expect(items).toEqual([1, 2])
    expect(tracing.spans()[0]?.attributes[FUNCTION_OUTPUT]).toBe("[1,2]")
  })

  it("ends the span of an iterable abandoned with break, marks it, and closes the source", async () => {
    let closed = false
    const numbers = traceable(
      async function* () {
        try {
          for (let i = 0; ; i++) yield i
        } finally {
          closed = true
        }
      },
      { name: "numbers", tracerProvider },
    )
    for await (const n of numbers()) if (n === 2) break
    expect(closed).toBe(true)
    const [span] = tracing.spans()
    expect(span?.attributes[STREAM_ABANDONED]).toBe(true)
    expect(span?.attributes[FUNCTION_OUTPUT]).toBe("[0,1,2]")
    expect(span?.status.code).toBe(SpanStatusCode.UNSET)
  })

  it("records an iterable that fails mid-way as an error, with the items before it", async () => {
    const failing = traceable(
      async function* () {
        yield "a"
        throw new RangeError("cut")
      },
      { name: "failing", tracerProvider },
    )
    const items: unknown[] = []
    await expect(
      (async () => {
        for await (const item of failing()) items.push(item)
      })(),
    ).rejects.toThrow("cut")
    const [span] = tracing.spans()
    expect(span?.status.code).toBe(SpanStatusCode.ERROR)
    expect(span?.attributes["error.type"]).toBe("RangeError")
    expect(span?.attributes[FUNCTION_OUTPUT]).toBe('["a"]')
    expect(span?.attributes[STREAM_ABANDONED]).toBeUndefined()
  })

  it("stops recording a long stream's items at the cap and counts the rest", async () => {
    const many = traceable(
      async function* () {
        for (let i = 0; i < 1000; i++) yield "x".repeat(10)
      },
      { name: "many", tracerProvider, maxLength: 100 },
    )
    for await (const _ of many()) {
      // drain
    }
    const output = tracing.spans()[0]?.attributes[FUNCTION_OUTPUT] as string
    expect(output).toMatch(/…\[\d+ more items\]$/)
    expect(output.length).toBeLessThan(200)
  })

  it("records neither input nor output when turned off, and redacts credential-named fields", () => {
    traceable((_config: object) => "ok", {
      name: "off",
      tracerProvider,
      captureInput: false,
      captureOutput: false,
    })({})
    traceable((_config: object) => "ok", { name: "on", tracerProvider })({
      apiKey: "sk-secret",
      region: "eu",
    })
    expect(tracing.named("off")[0]?.attributes).toEqual({})
    expect(tracing.named("on")[0]?.attributes[FUNCTION_INPUT]).toBe('[{"apiKey":"[REDACTED]","region":"eu"}]')
  })

  it("serialises nothing when no tracing is set up", () => {
    let serialised = false
    const arg = {
      toJSON() {
        serialised = true
        return {}
      },
    }
    // No provider given, none set up, none registered globally: OpenTelemetry's no-op tracer.
    expect(traceable((value: object) => value)(arg)).toBe(arg)
    expect(serialised).toBe(false)
  })
})

describe("wrapWithSpan", () => {
  it("takes the official SDK's arguments: a span name, the function, attributes", async () => {
    const search = wrapWithSpan("search", async (q: string) => [q], { "search.engine": "bm25" })
    // Spans go to the global provider here: register the memory one for this call.
    trace.setGlobalTracerProvider(tracerProvider)
    try {
      expect(await search("otlp")).toEqual(["otlp"])
    } finally {
      trace.disable()
    }
    expect(tracing.spans()[0]).toMatchObject({
      name: "search",
      attributes: { "search.engine": "bm25", [FUNCTION_INPUT]: '["otlp"]', [FUNCTION_OUTPUT]: '["otlp"]' },
    })
  })
})
