/**
 * What a wrapped client keeps of its SDK's behaviour (stream objects and their methods, promise methods,
 * errors, non-model calls), and how ended, cut, abandoned and failed calls are logged.
 */

import type { ServerResponse } from "node:http"
import Anthropic from "@anthropic-ai/sdk"
import type { AssistantMessage, ChatTemplate } from "@pl/blueprint"
import { isKnownContent } from "@pl/blueprint"
import {
  type RecordedRequest,
  readChunkLines,
  readChunks,
  sendJson,
  startServer,
  type TestServer,
  toSse,
} from "@pl/devtools/fixtures"
import OpenAI from "openai"
import { afterEach, describe, expect, it } from "vitest"
import { PromptLayer, PromptLayerValidationError } from "../src/node.js"
import { type PromptLayerStub, startPromptLayerStub } from "./support/promptlayer-stub.js"
import { PROVIDER_CASES } from "./support/provider-stubs.js"
import { QUESTION, SDK_CASES } from "./support/sdk-clients.js"

const open: { close(): Promise<void> }[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((server) => server.close()))
})

const openaiCase = PROVIDER_CASES.find((c) => c.provider === "openai" && !c.apiType)!
const anthropicCase = PROVIDER_CASES.find((c) => c.provider === "anthropic")!
const googleCase = SDK_CASES.find((c) => c.sdk === "@google/genai")!

/** A PromptLayer stub, a provider server (replaying the recorded responses unless told otherwise), a client. */
async function setup(
  answer: (request: RecordedRequest, response: ServerResponse) => void = (request, response) => {
    const c = request.url.startsWith("/v1/messages") ? anthropicCase : openaiCase
    c.answer(request, response, request.body.includes('"stream":true'))
  },
) {
  const promptlayer: PromptLayerStub = await startPromptLayerStub()
  const provider: TestServer = await startServer(answer)
  open.push(promptlayer, provider)
  const warnings: string[] = []
  const pl = new PromptLayer({
    apiKey: promptlayer.apiKey,
    baseURL: promptlayer.url,
    logger: { warn: (message) => warnings.push(message) },
  })
  const openai = new OpenAI({ apiKey: "sk-test", baseURL: `${provider.url}/v1`, maxRetries: 0 })
  const anthropic = new Anthropic({ apiKey: "sk-ant-test", baseURL: provider.url, maxRetries: 0 })
  return { pl, promptlayer, provider, warnings, openai, anthropic }
}

const messages = [{ role: "user" as const, content: QUESTION }]
const textOf = (log: Record<string, unknown> | undefined) => {
  const reply = (log?.output as ChatTemplate | undefined)?.messages[0] as AssistantMessage | undefined
  return (reply?.content ?? []).map((p) => (isKnownContent(p) && p.type === "text" ? p.text : "")).join("")
}
const deltas = (chunks: unknown[]) =>
  chunks.map((c) => (c as OpenAI.ChatCompletionChunk).choices[0]?.delta.content ?? "").join("")
const recordedText = openaiCase.streamedText(readChunks(openaiCase.folder, openaiCase.fixture))

describe("a wrapped client", () => {
  it("is the SDK's client: same class, same properties, other calls untouched and not logged", async () => {
    const s = await setup((_request, response) =>
      sendJson(response, { object: "list", data: [{ id: "gpt-4o" }] }),
    )
    const wrapped = s.pl.wrap(s.openai)
    expect(wrapped).toBeInstanceOf(OpenAI)
    expect(wrapped.baseURL).toBe(s.openai.baseURL)
    expect(wrapped.chat).toBe(wrapped.chat)
    expect(wrapped.chat.completions.create).toBe(wrapped.chat.completions.create)
    const models = await wrapped.models.list()
    expect(models.data.map((m) => m.id)).toEqual(["gpt-4o"])
    await s.pl.flush()
    expect(s.promptlayer.logs).toEqual([])
    expect(s.pl.wrap(wrapped)).toBe(wrapped)
  })

  it("keeps the SDK's promise methods: withResponse() is logged, asResponse() leaves the body unread", async () => {
    const s = await setup()
    const wrapped = s.pl.wrap(s.openai)
    const { data, response } = await wrapped.chat.completions
      .create({ model: "gpt-4.1-nano", messages })
      .withResponse()
    expect(response.status).toBe(200)
    expect(data.choices[0]?.message.content).toBeTruthy()
    await s.pl.flush()
    expect(s.promptlayer.logs).toHaveLength(1)

    const raw = await wrapped.chat.completions.create({ model: "gpt-4.1-nano", messages }).asResponse()
    expect(((await raw.json()) as OpenAI.ChatCompletion).choices[0]?.message.content).toBe(
      data.choices[0]?.message.content,
    )
    await s.pl.flush()
    expect(s.promptlayer.logs).toHaveLength(1)
  })

  it("keeps OpenAI's Stream object: tee() splits it, controller aborts it, the call is logged once", async () => {
    const s = await setup()
    const stream = await s.pl
      .wrap(s.openai)
      .chat.completions.create({ model: "gpt-4.1-nano", messages, stream: true })
    expect(stream.controller).toBeInstanceOf(AbortController)
    const [left, right] = stream.tee()
    const read = async (iterable: AsyncIterable<unknown>) => {
      const chunks: unknown[] = []
      for await (const chunk of iterable) chunks.push(chunk)
      return chunks
    }
    const [a, b] = await Promise.all([read(left), read(right)])
    expect(deltas(a)).toBe(recordedText)
    expect(b).toEqual(a)
    await s.pl.flush()
    expect(s.promptlayer.logs).toHaveLength(1)
    expect(textOf(s.promptlayer.logs[0])).toBe(recordedText)
  })

  it("logs a stream the consumer leaves early as a warning with what arrived, and closes it", async () => {
    const s = await setup()
    const stream = await s.pl
      .wrap(s.openai)
      .chat.completions.create({ model: "gpt-4.1-nano", messages, stream: true })
    const seen: unknown[] = []
    for await (const chunk of stream) {
      seen.push(chunk)
      if (deltas(seen).length > 0) break
    }
    expect(stream.controller.signal.aborted).toBe(true)
    await s.pl.flush()
    expect(s.promptlayer.logs[0]).toMatchObject({
      status: "WARNING",
      error_type: "PROVIDER_PARTIAL_RESPONSE",
      error_message: `the stream was abandoned by the consumer after ${seen.length} chunks`,
    })
    expect(textOf(s.promptlayer.logs[0])).toBe(deltas(seen))
  })

  it("logs a stream aborted through its controller as a warning, not as a whole reply", async () => {
    const lines = readChunkLines(openaiCase.folder, openaiCase.fixture)
    const s = await setup((_request, response) => {
      // Three events, then nothing more until the client goes away.
      response.writeHead(200, { "content-type": "text/event-stream" })
      response.write(toSse(lines.slice(0, 3)))
    })
    const stream = await s.pl
      .wrap(s.openai)
      .chat.completions.create({ model: "gpt-4.1-nano", messages, stream: true })
    const seen: unknown[] = []
    for await (const chunk of stream) {
      seen.push(chunk)
      if (seen.length === 2) stream.controller.abort()
    }
    expect(seen.length).toBeLessThan(lines.length)
    await s.pl.flush()
    expect(s.promptlayer.logs[0]).toMatchObject({
      status: "WARNING",
      error_type: "PROVIDER_PARTIAL_RESPONSE",
    })
  })

  it("logs a stream cut mid-way with what arrived, and the SDK's error reaches the caller", async () => {
    const lines = readChunkLines(openaiCase.folder, openaiCase.fixture)
    const half = lines.slice(0, Math.floor(lines.length / 2))
    const s = await setup((_request, response) => {
      response.writeHead(200, { "content-type": "text/event-stream" })
      response.write(toSse(half))
      setTimeout(() => response.socket?.destroy(), 20)
    })
    const stream = await s.pl
      .wrap(s.openai)
      .chat.completions.create({ model: "gpt-4.1-nano", messages, stream: true })
    const seen: unknown[] = []
    const error = await (async () => {
      for await (const chunk of stream) seen.push(chunk)
    })().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(Error)
    expect(seen).toHaveLength(half.length)
    await s.pl.flush()
    expect(s.promptlayer.logs[0]).toMatchObject({ status: "ERROR", error_type: "PROVIDER_PARTIAL_RESPONSE" })
    expect(textOf(s.promptlayer.logs[0])).toBe(deltas(seen))
  })

  it("rethrows the SDK's own error and logs it with PromptLayer's error_type", async () => {
    const s = await setup((_request, response) =>
      sendJson(response, { error: { message: "Rate limit reached", type: "requests" } }, 429),
    )
    const error = await s.pl
      .wrap(s.openai)
      .chat.completions.create({ model: "gpt-4.1-nano", messages })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(OpenAI.RateLimitError)
    await s.pl.flush()
    expect(s.promptlayer.logs[0]).toMatchObject({
      status: "ERROR",
      error_type: "PROVIDER_RATE_LIMIT",
      model: "gpt-4.1-nano",
      output: { messages: [{ role: "assistant", content: [] }] },
    })
    expect(s.promptlayer.logs[0]?.error_message).toContain("Rate limit reached")
  })

  it("logs the request as it was when the call was made, not as the caller changed it afterwards", async () => {
    const s = await setup()
    const wrapped = s.pl.wrap(s.openai)
    await s.pl.flush() // the adapter has loaded
    const conversation: OpenAI.ChatCompletionMessageParam[] = [{ role: "user", content: QUESTION }]
    const completion = await wrapped.chat.completions.create({
      model: "gpt-4.1-nano",
      messages: conversation,
    })
    conversation.push(completion.choices[0]!.message, { role: "user", content: "And why?" })
    await s.pl.flush()
    expect((s.promptlayer.logs[0]!.input as ChatTemplate).messages).toHaveLength(1)
  })

  it("observes Anthropic's MessageStream through its events, as callers read it", async () => {
    const s = await setup()
    const stream = s.pl
      .wrap(s.anthropic)
      .messages.stream({ model: "claude-sonnet-5", max_tokens: 300, messages, pl_tags: ["events"] })
    let text = ""
    stream.on("text", (delta) => {
      text += delta
    })
    const final = await stream.finalMessage()
    expect(final.content.length).toBeGreaterThan(0)
    await s.pl.flush()
    expect(s.promptlayer.logs).toHaveLength(1)
    expect(s.promptlayer.logs[0]).toMatchObject({
      status: "SUCCESS",
      tags: ["events"],
      function_name: "anthropic.messages.create",
    })
    expect(textOf(s.promptlayer.logs[0])).toBe(text)
    expect(text).toBe(anthropicCase.streamedText(readChunks(anthropicCase.folder, anthropicCase.fixture)))
  })

  it("logs an aborted MessageStream as a warning", async () => {
    const s = await setup()
    const stream = s.pl
      .wrap(s.anthropic)
      .messages.stream({ model: "claude-sonnet-5", max_tokens: 300, messages })
    const ended = stream.done().catch((e: unknown) => e)
    stream.on("text", () => stream.abort())
    expect(await ended).toBeInstanceOf(Anthropic.APIUserAbortError)
    await s.pl.flush()
    expect(s.promptlayer.logs).toHaveLength(1)
    expect(s.promptlayer.logs[0]).toMatchObject({
      status: "WARNING",
      error_type: "PROVIDER_PARTIAL_RESPONSE",
    })
  })

  it("observes a Google stream read with next() as with for await", async () => {
    const s = await setup((request, response) => googleCase.provider.answer(request, response, true))
    const wrapped = s.pl.wrap(googleCase.client(s.provider.url))
    const stream = (await googleCase.call(wrapped, true)) as AsyncGenerator<unknown>
    let chunks = 0
    while (!(await stream.next()).done) chunks++
    expect(chunks).toBeGreaterThan(1)
    await s.pl.flush()
    expect(s.promptlayer.logs[0]).toMatchObject({ status: "SUCCESS", provider: "google" })
    expect(textOf(s.promptlayer.logs[0]).length).toBeGreaterThan(0)
  })

  it("wraps a class, as the official SDK's pl.OpenAI does, and refuses what it cannot wrap", async () => {
    const s = await setup()
    const WrappedOpenAI = s.pl.openai(OpenAI)
    const client = new WrappedOpenAI({ apiKey: "sk-test", baseURL: `${s.provider.url}/v1`, maxRetries: 0 })
    expect(client).toBeInstanceOf(OpenAI)
    await client.chat.completions.create({ model: "gpt-4.1-nano", messages })
    await s.pl.flush()
    expect(s.promptlayer.logs).toHaveLength(1)

    expect(() => s.pl.anthropic(s.openai as unknown as Anthropic)).toThrow(PromptLayerValidationError)
    expect(() => s.pl.wrap({ chat: {} })).toThrow(
      "wrap() takes a client of bedrock, openai, anthropic, google, mistral, cohere",
    )
  })
})
