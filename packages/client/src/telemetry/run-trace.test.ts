import {
  type Context,
  type ContextManager,
  context,
  ROOT_CONTEXT,
  TraceFlags,
  type Tracer,
  trace,
} from "@opentelemetry/api"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { TemplateResponse } from "../api-types.js"
import type { PreparedRun, RunResult } from "../index.js"
import { SPAN_NAMES } from "./attributes.js"
import { RunTrace } from "./run-trace.js"

/** A synchronous context manager: enough for a RunTrace constructed inside `context.with`. */
class StackContextManager implements ContextManager {
  #stack: Context[] = [ROOT_CONTEXT]
  active(): Context {
    return this.#stack.at(-1) ?? ROOT_CONTEXT
  }
  with<A extends unknown[], F extends (...args: A) => ReturnType<F>>(
    ctx: Context,
    fn: F,
    thisArg?: ThisParameterType<F>,
    ...args: A
  ): ReturnType<F> {
    this.#stack.push(ctx)
    try {
      return fn.call(thisArg, ...args)
    } finally {
      this.#stack.pop()
    }
  }
  bind<T>(_ctx: Context, target: T): T {
    return target
  }
  enable(): this {
    return this
  }
  disable(): this {
    this.#stack = [ROOT_CONTEXT]
    return this
  }
}

beforeAll(() => {
  context.setGlobalContextManager(new StackContextManager())
})
afterAll(() => {
  context.disable()
})

/** OpenTelemetry's no-op tracer (no provider is registered here), noting the spans asked of it. */
function noopTracer() {
  const names: string[] = []
  const noop = trace.getTracer("test")
  const tracer: Tracer = {
    startSpan(name, options, ctx) {
      names.push(name)
      return noop.startSpan(name, options, ctx)
    },
    startActiveSpan: noop.startActiveSpan.bind(noop) as Tracer["startActiveSpan"],
  }
  return { tracer, names }
}

const template = { id: 1, prompt_name: "p", version: 1 } as TemplateResponse
const result: RunResult = { request_id: 7, raw_response: {}, prompt_blueprint: {} as never }

describe("RunTrace", () => {
  it("makes no span but the run's when nothing can observe the run, and still does all the work", async () => {
    const { tracer, names } = noopTracer()
    const run = new RunTrace(tracer, { promptName: "p" }, { captureContent: true })
    const out = await run.around(async () => {
      expect(await run.fetchTemplate(async () => template)).toBe(template)
      const call = run.llmCall(undefined as unknown as PreparedRun)
      expect(call.within(() => "sent")).toBe("sent")
      expect(call.complete(() => ({ message: { role: "assistant", content: [] } }))).toEqual({
        message: { role: "assistant", content: [] },
      })
      return result
    })
    expect(out).toBe(result)
    expect(names).toEqual([SPAN_NAMES.run])
  })

  it("keeps making spans under a propagated trace, even with a tracer that records nothing", async () => {
    const { tracer, names } = noopTracer()
    const parent = trace.setSpanContext(ROOT_CONTEXT, {
      traceId: "0af7651916cd43dd8448eb211c80319c",
      spanId: "b7ad6b7169203331",
      traceFlags: TraceFlags.NONE,
    })
    const run = context.with(
      parent,
      () => new RunTrace(tracer, { promptName: "p" }, { captureContent: false }),
    )
    await run.around(async () => {
      await run.fetchTemplate(async () => template)
      return result
    })
    expect(names).toEqual([SPAN_NAMES.run, SPAN_NAMES.templateFetch])
  })
})
