/**
 * The spans of `run()` for every provider, streamed and not, through the real adapters and SDKs against
 * local servers replaying recorded responses, recorded with an in-memory exporter.
 */
import { SpanKind, SpanStatusCode } from "@opentelemetry/api"
import type { ReadableSpan } from "@opentelemetry/sdk-trace-base"
import type { Completion } from "@pl/blueprint"
import { type ProviderId, type RunResult, resolveProviderId } from "@pl/client"
import { sendJson } from "@pl/devtools/fixtures"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { memoryTracing, parentId } from "./support/memory-tracing.js"
import {
  KEY,
  PROVIDER_CASES,
  type ProviderCase,
  recordedCompletion,
  runFixture,
  sentParameters,
  startPromptLayerStub,
} from "./support/run-fixture.js"

type Stub = Awaited<ReturnType<typeof startPromptLayerStub>>
let promptlayer: Stub
const tracing = memoryTracing()
beforeAll(async () => {
  promptlayer = await startPromptLayerStub()
})
afterAll(async () => {
  await promptlayer.close()
  await tracing.tracerProvider.shutdown()
})

/** `gen_ai.provider.name` and `gen_ai.operation.name` per provider: the conventions' well-known values. */
const SEMCONV: Record<ProviderId, { provider: string; operation: string; apiType?: string }> = {
  openai: { provider: "openai", operation: "chat", apiType: "chat_completions" },
  "openai.responses": { provider: "openai", operation: "chat", apiType: "responses" },
  anthropic: { provider: "anthropic", operation: "chat" },
  google: { provider: "gcp.gemini", operation: "generate_content" },
  "amazon.bedrock": { provider: "aws.bedrock", operation: "chat" },
  mistral: { provider: "mistral_ai", operation: "chat" },
  cohere: { provider: "cohere", operation: "chat" },
}

function expectedLlmAttributes(
  c: ProviderCase,
  completion: Completion,
  run: { name: string; port: number; stream: boolean },
): Record<string, unknown> {
  const semconv = SEMCONV[resolveProviderId(c.provider, c.apiType)]
  const usage = completion.usage!
  return {
    "gen_ai.operation.name": semconv.operation,
    "gen_ai.provider.name": semconv.provider,
    "gen_ai.request.model": c.model,
    ...(run.stream ? { "gen_ai.request.stream": true } : {}),
    ...sentParameters(c),
    "gen_ai.prompt.name": run.name,
    "gen_ai.prompt.version": "1",
    "server.address": "127.0.0.1",
    "server.port": run.port,
    ...(semconv.apiType ? { "openai.api.type": semconv.apiType } : {}),
    ...(completion.id ? { "gen_ai.response.id": completion.id } : {}),
    ...(completion.model ? { "gen_ai.response.model": completion.model } : {}),
    "gen_ai.response.finish_reasons": [completion.raw_finish_reason],
    "gen_ai.usage.input_tokens": usage.input_tokens,
    "gen_ai.usage.output_tokens": usage.output_tokens,
    ...(usage.cache_read_tokens > 0
      ? { "gen_ai.usage.cache_read.input_tokens": usage.cache_read_tokens }
      : {}),
    ...(usage.cache_write_tokens > 0
      ? {
          "gen_ai.usage.cache_creation.input_tokens": usage.cache_write_tokens,
          "gen_ai.usage.cache_write.input_tokens": usage.cache_write_tokens,
        }
      : {}),
    ...(usage.reasoning_tokens > 0 ? { "gen_ai.usage.reasoning.output_tokens": usage.reasoning_tokens } : {}),
  }
}

async function runCase(c: ProviderCase, stream: boolean) {
  const fixture = await runFixture(promptlayer, c, tracing.tracerProvider)
  tracing.reset()
  try {
    const items: RunResult[] = []
    const result = await fixture.pl.run({
      promptName: fixture.name,
      inputVariables: { topic: "tides" },
      stream,
    })
    if (stream) for await (const item of result as AsyncIterable<RunResult>) items.push(item)
    else items.push(result as RunResult)
    return { ...fixture, items, spans: tracing.spans() }
  } finally {
    await fixture.server.close()
  }
}

function byName(spans: ReadableSpan[]) {
  const run = spans.find((s) => s.name === "promptlayer.run")!
  const fetch = spans.find((s) => s.name === "promptlayer.templates.get")!
  const llm = spans.find((s) => s.kind === SpanKind.CLIENT)!
  return { run, fetch, llm }
}

describe.each(PROVIDER_CASES)("run() spans on $provider $apiType", (c) => {
  it.each([false, true])("streamed: %s — a run span, a template fetch and one GenAI span", async (stream) => {
    const { spans, name, port, items } = await runCase(c, stream)
    expect(spans).toHaveLength(3)
    const { run, fetch, llm } = byName(spans)
    expect(parentId(run)).toBeUndefined()
    expect(parentId(fetch)).toBe(run.spanContext().spanId)
    expect(parentId(llm)).toBe(run.spanContext().spanId)
    expect(new Set(spans.map((s) => s.spanContext().traceId)).size).toBe(1)

    expect(run.kind).toBe(SpanKind.INTERNAL)
    expect(run.attributes).toEqual({
      "promptlayer.prompt.name": name,
      "promptlayer.prompt.id": expect.any(Number),
      "promptlayer.prompt.version": 1,
      "promptlayer.request_id": items.at(-1)!.request_id,
    })
    expect(fetch.attributes).toEqual({
      "promptlayer.prompt.name": name,
      "promptlayer.prompt.id": run.attributes["promptlayer.prompt.id"],
      "promptlayer.prompt.version": 1,
    })

    const completion = await recordedCompletion(c, stream)
    const semconv = SEMCONV[resolveProviderId(c.provider, c.apiType)]
    expect(llm.name).toBe(`${semconv.operation} ${c.model}`)
    const { "gen_ai.response.time_to_first_chunk": firstChunk, ...attributes } = llm.attributes
    expect(attributes).toEqual(expectedLlmAttributes(c, completion, { name, port, stream }))
    if (stream) {
      expect(firstChunk).toBeGreaterThan(0)
      expect(firstChunk).toBeLessThan((llm.duration[0] + llm.duration[1] / 1e9) * 1.0001)
    } else expect(firstChunk).toBeUndefined()
    for (const span of spans) expect(span.status.code).toBe(SpanStatusCode.UNSET)
    // The run span covers the template fetch and the call.
    const nanos = ([seconds, nanoseconds]: [number, number]) => seconds * 1e9 + nanoseconds
    expect(nanos(run.endTime)).toBeGreaterThanOrEqual(nanos(llm.endTime))
    expect(nanos(run.startTime)).toBeLessThanOrEqual(nanos(fetch.startTime))
    // No content without captureContent, and no provider key anywhere.
    expect(Object.keys(llm.attributes).filter((k) => k.includes("messages"))).toEqual([])
    expect(JSON.stringify(spans.map((s) => [s.attributes, s.events]))).not.toContain("LEAKCHECK")
  })
})

describe("run() spans, failures", () => {
  const openai = PROVIDER_CASES.find((c) => c.provider === "openai" && !c.apiType)!

  it("marks a provider error on the GenAI span and the run span: error.type, status, exception", async () => {
    const fixture = await runFixture(promptlayer, openai, tracing.tracerProvider, {
      answer: (_request, response) =>
        sendJson(
          response,
          { error: { message: "Rate limit reached", type: "requests", code: "rate_limit" } },
          429,
        ),
    })
    tracing.reset()
    try {
      const error = await fixture.pl
        .run({ promptName: fixture.name, inputVariables: { topic: "x" } })
        .catch((e: unknown) => e)
      expect((error as Error).constructor.name).toBe("RateLimitError")
    } finally {
      await fixture.server.close()
    }
    const { run, llm } = byName(tracing.spans())
    for (const span of [llm, run]) {
      expect(span.status).toEqual({
        code: SpanStatusCode.ERROR,
        message: expect.stringContaining("Rate limit reached"),
      })
      expect(span.attributes["error.type"]).toBe("RateLimitError")
      expect(span.events.map((e) => e.name)).toEqual(["exception"])
    }
    expect(llm.attributes["gen_ai.response.finish_reasons"]).toEqual(["error"])
    expect(llm.attributes["gen_ai.usage.input_tokens"]).toBeUndefined()
  })

  it("marks a template that cannot be fetched on the fetch span and the run span, and makes no GenAI span", async () => {
    tracing.reset()
    const fixture = await runFixture(promptlayer, openai, tracing.tracerProvider)
    await fixture.server.close()
    const error = await fixture.pl.run({ promptName: "no-such-prompt" }).catch((e: unknown) => e)
    expect((error as Error).name).toBe("PromptLayerNotFoundError")
    const spans = tracing.spans()
    expect(spans.map((s) => s.name).sort()).toEqual(["promptlayer.run", "promptlayer.templates.get"])
    for (const span of spans) {
      expect(span.status.code).toBe(SpanStatusCode.ERROR)
      expect(span.attributes["error.type"]).toBe("PromptLayerNotFoundError")
    }
  })

  it("ends the spans of a stream cut mid-way as failed, with the usage of what arrived", async () => {
    const fixture = await runFixture(promptlayer, openai, tracing.tracerProvider, {
      answer: (_request, response) => {
        response.writeHead(200, { "content-type": "text/event-stream" })
        response.write(
          `data: ${JSON.stringify({ id: "c1", object: "chat.completion.chunk", created: 1, model: "m-1", choices: [{ index: 0, delta: { content: "Hel" }, finish_reason: null }] })}\n\n`,
        )
        setTimeout(() => response.socket?.destroy(), 20)
      },
    })
    tracing.reset()
    const items: RunResult[] = []
    try {
      const error = await (async () => {
        for await (const item of await fixture.pl.run({
          promptName: fixture.name,
          inputVariables: { topic: "x" },
          stream: true,
        }))
          items.push(item)
      })().catch((e: unknown) => e)
      expect(error).toBeInstanceOf(Error)
    } finally {
      await fixture.server.close()
    }
    expect(items.length).toBeGreaterThan(0)
    const { run, llm } = byName(tracing.spans())
    expect(llm.status.code).toBe(SpanStatusCode.ERROR)
    expect(llm.attributes).toMatchObject({
      "gen_ai.response.id": "c1",
      "gen_ai.response.model": "m-1",
      "gen_ai.response.finish_reasons": ["error"],
      "error.type": expect.any(String),
    })
    expect(llm.attributes["gen_ai.response.time_to_first_chunk"]).toBeGreaterThan(0)
    expect(run.status.code).toBe(SpanStatusCode.ERROR)
    expect(run.attributes["promptlayer.request_id"]).toBe(items.at(-1)!.request_id)
  })

  it("ends the spans of a stream the consumer abandons with break, marked abandoned, once the call is logged", async () => {
    const anthropic = PROVIDER_CASES.find((c) => c.provider === "anthropic")!
    const fixture = await runFixture(promptlayer, anthropic, tracing.tracerProvider)
    tracing.reset()
    const logsBefore = promptlayer.logs.length
    try {
      for await (const _item of await fixture.pl.run({
        promptName: fixture.name,
        inputVariables: { topic: "x" },
        stream: true,
      }))
        break
    } finally {
      await fixture.server.close()
    }
    const spans = tracing.spans()
    expect(spans).toHaveLength(3)
    const { run, llm } = byName(spans)
    expect(llm.attributes).toMatchObject({
      "promptlayer.stream.abandoned": true,
      "gen_ai.response.finish_reasons": ["error"],
    })
    expect(llm.status.code).toBe(SpanStatusCode.UNSET)
    expect(run.attributes["promptlayer.stream.abandoned"]).toBe(true)
    expect(run.status.code).toBe(SpanStatusCode.UNSET)
    // The span ends after the client has logged the abandoned call.
    expect(promptlayer.logs[logsBefore]).toMatchObject({ status: "WARNING" })
  })

  it("does not call a stream abandoned when the consumer stops at the last item", async () => {
    const fixture = await runFixture(promptlayer, openai, tracing.tracerProvider)
    tracing.reset()
    try {
      for await (const item of await fixture.pl.run({
        promptName: fixture.name,
        inputVariables: { topic: "x" },
        stream: true,
      }))
        if (item.request_id !== null) break
    } finally {
      await fixture.server.close()
    }
    const { run, llm } = byName(tracing.spans())
    expect(run.attributes["promptlayer.stream.abandoned"]).toBeUndefined()
    expect(llm.attributes["promptlayer.stream.abandoned"]).toBeUndefined()
  })
})

describe("run() spans, message content", () => {
  it("records the prompt, tools and reply in the conventions' JSON shape only with captureContent", async () => {
    const openai = PROVIDER_CASES.find((c) => c.provider === "openai" && !c.apiType)!
    const fixture = await runFixture(promptlayer, openai, tracing.tracerProvider, { captureContent: true })
    tracing.reset()
    let result: RunResult
    try {
      result = (await fixture.pl.run({
        promptName: fixture.name,
        inputVariables: { topic: "tides" },
      })) as RunResult
    } finally {
      await fixture.server.close()
    }
    const { llm } = byName(tracing.spans())
    const reply = result.prompt_blueprint.prompt_template
    const last = reply.type === "chat" ? reply.messages.at(-1) : undefined
    const part = last?.content?.[0]
    const text = part?.type === "text" && "text" in part ? String(part.text) : ""
    expect(JSON.parse(llm.attributes["gen_ai.system_instructions"] as string)).toEqual([
      { type: "text", content: "Answer briefly." },
    ])
    expect(JSON.parse(llm.attributes["gen_ai.input.messages"] as string)).toEqual([
      { role: "user", parts: [{ type: "text", content: "Tell me about tides." }] },
    ])
    expect(JSON.parse(llm.attributes["gen_ai.output.messages"] as string)).toEqual([
      { role: "assistant", parts: [{ type: "text", content: text }], finish_reason: "stop" },
    ])
    expect(text.length).toBeGreaterThan(0)
  })

  it("reads OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT from the client's env", async () => {
    const mistral = PROVIDER_CASES.find((c) => c.provider === "mistral")!
    const fixture = await runFixture(promptlayer, mistral, tracing.tracerProvider, {
      env: { MISTRAL_API_KEY: KEY, OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT: "true" },
    })
    tracing.reset()
    try {
      await fixture.pl.run({ promptName: fixture.name, inputVariables: { topic: "tides" } })
    } finally {
      await fixture.server.close()
    }
    expect(byName(tracing.spans()).llm.attributes["gen_ai.input.messages"]).toBeTypeOf("string")
  })
})
