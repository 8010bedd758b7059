/**
 * End to end over real OTLP/HTTP: `setupTracing` exports a traced function and the `run()` inside it
 * to a local receiver, which decodes the requests (protobuf with the official protos, or OTLP/JSON).
 */
import { SpanKind } from "@opentelemetry/api"
import type { RunResult } from "@pl/client"
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest"
import { currentTracing, setupTracing, TracingExportError, traceable } from "../src/node.js"
import { type ReceivedSpan, startOtlpReceiver } from "./support/otlp-receiver.js"
import { PROVIDER_CASES, runFixture, startPromptLayerStub } from "./support/run-fixture.js"

const openai = PROVIDER_CASES.find((c) => c.provider === "openai" && !c.apiType)!
const TRACES_KEY = "pl_traces_key_LEAKCHECK"

let promptlayer: Awaited<ReturnType<typeof startPromptLayerStub>>
let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>
beforeAll(async () => {
  promptlayer = await startPromptLayerStub()
  receiver = await startOtlpReceiver()
})
afterAll(async () => {
  await promptlayer.close()
  await receiver.close()
})
afterEach(async () => {
  await currentTracing()?.shutdown()
  receiver.received.length = 0
})

const named = (spans: ReceivedSpan[], name: string) => spans.find((s) => s.name === name)!

describe("export over OTLP/HTTP", () => {
  it("sends a traced function and its run() to PromptLayer's /v1/traces as protobuf, one trace, with X-API-KEY", async () => {
    const tracing = setupTracing({ apiKey: TRACES_KEY, baseURL: receiver.url, serviceName: "support-bot" })
    expect(tracing.endpoint).toBe(`${receiver.url}/v1/traces`)
    const { pl, server, name } = await runFixture(promptlayer, openai, tracing.tracerProvider)
    const answer = traceable(
      async (question: string, _debug: string) =>
        (await pl.run({ promptName: name, inputVariables: { topic: question } })) as RunResult,
      { name: "answer" },
    )
    try {
      // User code that passes the key along: it must still never leave in an attribute.
      await answer("tides", `key=${TRACES_KEY}`)
    } finally {
      await server.close()
    }
    await tracing.forceFlush()

    expect(receiver.received.length).toBeGreaterThan(0)
    for (const request of receiver.received) {
      expect(request.path).toBe("/v1/traces")
      expect(request.contentType).toBe("application/x-protobuf")
      expect(request.headers["x-api-key"]).toBe(TRACES_KEY)
    }
    const spans = receiver.spans()
    expect(spans.map((s) => s.name).sort()).toEqual([
      "answer",
      "chat gpt-4.1-nano",
      "promptlayer.run",
      "promptlayer.templates.get",
    ])
    const root = named(spans, "answer")
    const run = named(spans, "promptlayer.run")
    const llm = named(spans, "chat gpt-4.1-nano")
    expect(new Set(spans.map((s) => s.traceId))).toEqual(new Set([root.traceId]))
    expect(root.parentSpanId).toBeUndefined()
    expect(run.parentSpanId).toBe(root.spanId)
    expect(llm.parentSpanId).toBe(run.spanId)
    expect(named(spans, "promptlayer.templates.get").parentSpanId).toBe(run.spanId)

    expect(root.scope).toBe("@pl/tracing")
    expect(run.scope).toBe("@pl/client")
    expect(root.resource["service.name"]).toBe("support-bot")
    expect(root.attributes.function_input).toBe('["tides","key=[REDACTED]"]')
    expect(JSON.parse(root.attributes.function_output as string)).toMatchObject({
      request_id: expect.any(Number),
    })
    // OTLP's SpanKind enum counts from 1 (INTERNAL); the API's from 0.
    expect(llm.kind).toBe(SpanKind.CLIENT + 1)
    expect(llm.attributes).toMatchObject({
      "gen_ai.operation.name": "chat",
      "gen_ai.provider.name": "openai",
      "gen_ai.request.model": "gpt-4.1-nano",
      "gen_ai.request.max_tokens": 300,
      "gen_ai.request.temperature": 0.5,
      "gen_ai.response.finish_reasons": ["stop"],
      "gen_ai.usage.input_tokens": expect.any(Number),
      "gen_ai.usage.output_tokens": expect.any(Number),
    })
    expect(run.attributes["promptlayer.prompt.name"]).toBe(name)
    const exported = JSON.stringify(spans.map((s) => [s.attributes, s.resource]))
    expect(exported).not.toContain("LEAKCHECK")
    expect(exported).not.toContain(promptlayer.apiKey)
  })

  it("sends OTLP/JSON to any endpoint, span by span in immediate mode, and enableTracing uses that tracing", async () => {
    const tracing = setupTracing({
      endpoint: `${receiver.url}/v1/traces`,
      protocol: "http/json",
      mode: "immediate",
      headers: { authorization: "Bearer collector-token-123" },
    })
    const { pl, server, name } = await runFixture(promptlayer, openai, undefined, { enableTracing: true })
    try {
      await pl.run({ promptName: name, inputVariables: { topic: "tides" } })
    } finally {
      await server.close()
    }
    await tracing.forceFlush()
    // One request per span.
    expect(receiver.received).toHaveLength(3)
    for (const request of receiver.received) {
      expect(request.contentType).toBe("application/json")
      expect(request.headers.authorization).toBe("Bearer collector-token-123")
      expect(request.headers["x-api-key"]).toBeUndefined()
    }
    const spans = receiver.spans()
    const run = named(spans, "promptlayer.run")
    expect(named(spans, "chat gpt-4.1-nano").parentSpanId).toBe(run.spanId)
    expect(run.attributes["promptlayer.request_id"]).toEqual(expect.any(Number))
  })

  it("with enableTracing and nothing set up, sets up tracing to the client's own PromptLayer", async () => {
    expect(currentTracing()).toBeUndefined()
    const { pl, server, name } = await runFixture(promptlayer, openai, undefined, { enableTracing: true })
    try {
      await pl.run({ promptName: name, inputVariables: { topic: "tides" } })
    } finally {
      await server.close()
    }
    const tracing = currentTracing()!
    expect(tracing.endpoint).toBe(`${promptlayer.url}/v1/traces`)
    // The PromptLayer stub has no trace intake: the export fails there, after arriving.
    const failed = await tracing.forceFlush().catch((e: unknown) => e)
    expect(failed).toBeInstanceOf(TracingExportError)
    expect((failed as Error).message).toMatch(
      new RegExp(`^could not export spans to ${promptlayer.url}/v1/traces: .+`),
    )
    const exports = promptlayer.calls("/v1/traces")
    expect(exports.length).toBeGreaterThan(0)
    expect(exports[0]?.headers["x-api-key"]).toBe(promptlayer.apiKey)
    expect(exports[0]?.headers["content-type"]).toBe("application/x-protobuf")
  })
})
