/**
 * pl.wrap(): each provider SDK's own client, wrapped, against local servers replaying recorded
 * provider responses; calls logged to the local PromptLayer API stub with input and output blueprints.
 */
import type { AssistantMessage, ChatTemplate } from "@pl/blueprint"
import { isKnownContent } from "@pl/blueprint"
import { readChunks, readJsonFixture, startServer, type TestServer } from "@pl/devtools/fixtures"
import { afterEach, describe, expect, it } from "vitest"
import { loadAdapter } from "../src/load-adapter.js"
import { PROVIDERS, PromptLayer, resolveProviderId } from "../src/node.js"
import { type PromptLayerStub, startPromptLayerStub } from "./support/promptlayer-stub.js"
import { QUESTION, SDK_CASES, type SdkCase, SYSTEM } from "./support/sdk-clients.js"

const open: { close(): Promise<void> }[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((server) => server.close()))
})

async function setup(c: SdkCase) {
  const promptlayer: PromptLayerStub = await startPromptLayerStub()
  const provider: TestServer = await startServer((request, response) => {
    const stream =
      /stream|alt=sse/.test(request.url) ||
      (request.body.includes('"stream":true') && !request.url.includes("/converse"))
    c.provider.answer(request, response, stream)
  })
  open.push(promptlayer, provider)
  const warnings: string[] = []
  const pl = new PromptLayer({
    apiKey: promptlayer.apiKey,
    baseURL: promptlayer.url,
    sleep: async () => {},
    logger: { warn: (message) => warnings.push(message) },
  })
  return { pl, promptlayer, provider, warnings, client: c.client(provider.url) }
}

const textOf = (message: AssistantMessage | undefined) =>
  (message?.content ?? []).map((p) => (isKnownContent(p) && p.type === "text" ? p.text : "")).join("")
const outputOf = (log: Record<string, unknown> | undefined) =>
  (log?.output as ChatTemplate | undefined)?.messages[0] as AssistantMessage | undefined

async function collect(iterable: AsyncIterable<unknown>): Promise<unknown[]> {
  const chunks: unknown[] = []
  for await (const chunk of iterable) chunks.push(chunk)
  return chunks
}

describe.each(SDK_CASES)("pl.wrap($sdk)", (c) => {
  const id = resolveProviderId(c.provider.provider, c.provider.apiType)

  it("returns the SDK's response and logs the call with input and output blueprints", async () => {
    const s = await setup(c)
    const wrapped = s.pl.wrap(s.client)
    const response = await c.call(wrapped, false, { pl_tags: ["proxy"], pl_metadata: { user: "42" } })
    const unwrapped = await c.call(s.client, false)
    expect(JSON.parse(JSON.stringify(response))).toEqual(JSON.parse(JSON.stringify(unwrapped)))

    await s.pl.flush()
    expect(s.promptlayer.logs).toHaveLength(1)
    const adapter = await loadAdapter(id)
    const log = s.promptlayer.logs[0]
    expect(log).toMatchObject({
      provider: c.provider.provider,
      model: c.provider.model,
      function_name: PROVIDERS[id].functionName,
      status: "SUCCESS",
      tags: ["proxy"],
      metadata: { user: "42" },
      input: adapter.fromRequest(c.request(false)).prompt_template,
      output: {
        type: "chat",
        messages: [adapter.fromResponse(readJsonFixture(c.provider.folder, c.provider.fixture)).message],
      },
    })
    expect(JSON.stringify((log!.input as ChatTemplate).messages)).toContain(QUESTION)
    // The system prompt is a message, or (OpenAI Responses) the `instructions` parameter.
    expect(JSON.stringify([log!.input, log!.parameters])).toContain(SYSTEM)
    expect(textOf(outputOf(log)).length).toBeGreaterThan(0)
    expect(log?.input_tokens).toBeGreaterThan(0)
    expect(Date.parse(log?.request_start_time as string)).toBeLessThanOrEqual(
      Date.parse(log?.request_end_time as string),
    )
    // The SDK never saw the PromptLayer options.
    expect(s.provider.requests[0]?.body).not.toMatch(/pl_tags|pl_metadata|return_pl_id/)
    expect(s.warnings).toEqual([])
  })

  it("streams the SDK's chunks unchanged and logs the accumulated reply when the stream ends", async () => {
    const s = await setup(c)
    const wrapped = s.pl.wrap(s.client)
    const chunks = await collect(c.chunks(await c.call(wrapped, true)))
    const unwrapped = await collect(c.chunks(await c.call(s.client, true)))
    expect(chunks.length).toBeGreaterThan(2)
    expect(JSON.parse(JSON.stringify(chunks))).toEqual(JSON.parse(JSON.stringify(unwrapped)))

    await s.pl.flush()
    expect(s.promptlayer.logs).toHaveLength(1)
    const adapter = await loadAdapter(id)
    const log = s.promptlayer.logs[0]
    expect(log).toMatchObject({
      provider: c.provider.provider,
      model: c.provider.model,
      function_name: PROVIDERS[id].functionName,
      status: "SUCCESS",
      input: adapter.fromRequest(c.request(true)).prompt_template,
    })
    const expected = c.provider.streamedText(readChunks(c.provider.folder, c.provider.fixture))
    expect(expected.length).toBeGreaterThan(0)
    expect(textOf(outputOf(log))).toBe(expected)
    expect(s.warnings).toEqual([])
  })

  it("with return_pl_id, resolves [response, request_id], or [stream, Promise<request_id>]", async () => {
    const s = await setup(c)
    const wrapped = s.pl.wrap(s.client)
    const [response, requestId] = (await c.call(wrapped, false, { return_pl_id: true })) as [unknown, number]
    expect(requestId).toBeTypeOf("number")
    expect(response).toEqual(await c.call(s.client, false))

    const [stream, streamId] = (await c.call(wrapped, true, { return_pl_id: true })) as [
      unknown,
      Promise<number>,
    ]
    expect((await collect(c.chunks(stream))).length).toBeGreaterThan(2)
    const id2 = await streamId
    expect(id2).toBeTypeOf("number")
    expect(id2).not.toBe(requestId)
    expect(s.promptlayer.logs).toHaveLength(2)
  })

  it("keeps the call working when PromptLayer cannot take the log", async () => {
    const s = await setup(c)
    s.promptlayer.fail("/log-request", { status: 503 }, { status: 503 }, { status: 503 }, { status: 503 })
    const wrapped = s.pl.wrap(s.client)
    const [response, requestId] = (await c.call(wrapped, false, { return_pl_id: true })) as [
      unknown,
      number | null,
    ]
    expect(response).toEqual(await c.call(s.client, false))
    expect(requestId).toBeNull()
    expect(s.promptlayer.logs).toHaveLength(0)
    expect(s.warnings).toHaveLength(1)
    expect(s.warnings[0]).toContain(`could not log a ${PROVIDERS[id].functionName} call`)
  })
})
