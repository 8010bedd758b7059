/**
 * `send` against a local server, through the real SDK: the body the SDK puts on the wire is the request
 * `toRequest` built (for a blueprint using every mapped feature, and for generated ones), the context's
 * key, headers, signal and timeout reach the SDK, and a given client is used as is.
 */
import Anthropic from "@anthropic-ai/sdk"
import type { Message, RawMessageStreamEvent } from "@anthropic-ai/sdk/resources/messages"
import { blueprintArbitrary } from "@pl/blueprint/testing"
import {
  readChunkLines,
  readJsonFixture,
  sendJson,
  sendSse,
  startServer,
  type TestServer,
  toSse,
} from "@pl/devtools/fixtures"
import fc from "fast-check"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { anthropic } from "../src/index.js"
import { chat, kitchenSink, MODEL, text, user } from "./blueprints.js"

let server: TestServer

beforeAll(async () => {
  server = await startServer(async (request, response) => {
    if (request.headers["x-hang"]) return // never answers: for the timeout and abort tests
    const body = JSON.parse(request.body) as { stream?: boolean }
    if (body.stream)
      sendSse(response, toSse(readChunkLines("anthropic", "anthropic-text"), { eventField: "type" }))
    else sendJson(response, readJsonFixture("anthropic", "anthropic-text"))
  })
})
afterAll(() => server.close())

const context = () => ({ baseURL: server.url, apiKey: "test-key" })
const lastBody = () => JSON.parse(server.requests.at(-1)!.body)

describe("send", () => {
  it("puts the request for every mapped feature on the wire unchanged, streaming or not", async () => {
    for (const stream of [false, true]) {
      const request = anthropic.toRequest(kitchenSink(), { stream })
      const result = await anthropic.send!(request, context())
      if (stream) for await (const _ of result as AsyncIterable<RawMessageStreamEvent>);
      expect(lastBody()).toEqual(JSON.parse(JSON.stringify(request)))
    }
  })

  it("puts generated requests on the wire unchanged", async () => {
    const blueprints = fc.sample(
      blueprintArbitrary({
        contentTypes: ["text", "thinking", "redacted_thinking", "image_url", "server_tool_use"],
        roles: ["system", "user", "assistant", "tool"],
      }),
      { numRuns: 50, seed: 42 },
    )
    for (const blueprint of blueprints) {
      const request = anthropic.toRequest(blueprint, { model: MODEL })
      await anthropic.send!(request, context())
      expect(lastBody()).toEqual(JSON.parse(JSON.stringify(request)))
    }
  })

  it("returns the Message, or the SDK's event stream when the request streams", async () => {
    const message = (await anthropic.send!(
      anthropic.toRequest(chat([user(text("Hi"))])),
      context(),
    )) as Message
    expect(message.id).toBe("msg_01VdEjxAP5ahtHKrrRdNBteQ")
    const stream = await anthropic.send!(
      anthropic.toRequest(chat([user(text("Hi"))]), { stream: true }),
      context(),
    )
    expect(Symbol.asyncIterator in (stream as object)).toBe(true)
  })

  it("sends the key and extra headers", async () => {
    await anthropic.send!(anthropic.toRequest(chat([user(text("Hi"))])), {
      ...context(),
      headers: { "x-trace": "t-1" },
    })
    const { headers } = server.requests.at(-1)!
    expect(headers.authorization ?? headers["x-api-key"]).toMatch(/test-key/)
    expect(headers["x-trace"]).toBe("t-1")
    expect(headers["anthropic-version"]).toBeDefined()
  })

  it("uses a client given in the context", async () => {
    const client = new Anthropic({
      baseURL: server.url,
      apiKey: "client-key",
      defaultHeaders: { "x-client": "mine" },
    })
    await anthropic.send!(anthropic.toRequest(chat([user(text("Hi"))])), { client })
    expect(server.requests.at(-1)!.headers["x-client"]).toBe("mine")
  })

  it("gives up after timeoutMs, and when the signal aborts", async () => {
    const request = anthropic.toRequest(chat([user(text("Hi"))]))
    const hang = { ...context(), headers: { "x-hang": "1" }, maxRetries: 0 }
    await expect(anthropic.send!(request, { ...hang, timeoutMs: 200 })).rejects.toThrow(/timed out/i)
    const controller = new AbortController()
    const sent = anthropic.send!(request, { ...hang, signal: controller.signal })
    setTimeout(() => controller.abort(), 50)
    await expect(sent).rejects.toThrow(/abort/i)
  })
})
