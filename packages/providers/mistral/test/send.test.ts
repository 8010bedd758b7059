import type { ServerResponse } from "node:http"
import { Mistral } from "@mistralai/mistralai"
import { SDKValidationError } from "@mistralai/mistralai/models/errors"
import type { RecordedRequest, TestServer } from "@pl/devtools/fixtures"
import { startServer } from "@pl/devtools/fixtures"
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest"
import { type MistralRequest, mistral } from "../src/index.js"
import { answeringServer } from "./helpers.js"

const request: MistralRequest = { model: "mistral-small-latest", messages: [{ role: "user", content: "Hi" }] }
const send = mistral.send.bind(mistral)

describe("send", () => {
  let server: TestServer
  beforeAll(async () => {
    server = await answeringServer()
  })
  afterAll(() => server.close())

  it("uses the SDK's MISTRAL_API_KEY by default", async () => {
    // The SDK reads the environment once, on its first request: this test runs first in this file.
    process.env.MISTRAL_API_KEY = "from-env"
    try {
      await send(request, { baseURL: server.url })
    } finally {
      delete process.env.MISTRAL_API_KEY
    }
    expect(server.requests.at(-1)?.headers.authorization).toBe("Bearer from-env")
  })

  it("sends to baseURL with the key and headers given, and returns the SDK's response", async () => {
    const response = await send(request, { baseURL: server.url, apiKey: "k1", headers: { "x-trace": "t-1" } })
    const recorded = server.requests.at(-1)
    expect(recorded?.headers).toMatchObject({ authorization: "Bearer k1", "x-trace": "t-1" })
    expect(mistral.fromResponse(response as Parameters<typeof mistral.fromResponse>[0]).id).toBe(
      "5319bd0299614c679a0068a4f2c8ffd0",
    )
  })

  it("returns the SDK's stream of { data } events for a streaming request", async () => {
    const stream = (await send(
      { ...request, stream: true },
      { baseURL: server.url, apiKey: "k" },
    )) as AsyncIterable<{
      data: unknown
    }>
    const acc = mistral.accumulator()
    for await (const event of stream) acc.push(event as Parameters<typeof acc.push>[0])
    expect(acc.result().message.content).toEqual([{ type: "text", text: "ok" }])
  })

  it("sends with a client of your own", async () => {
    const client = new Mistral({ apiKey: "own-key", serverURL: server.url })
    await send(request, { client, apiKey: "ignored" })
    expect(server.requests.at(-1)?.headers.authorization).toBe("Bearer own-key")
  })

  it("lets the SDK reject a request its validation refuses, before anything is sent", async () => {
    const before = server.requests.length
    const bad = { model: "m", messages: [{ role: "user", content: 5 }] } as unknown as MistralRequest
    await expect(send(bad, { baseURL: server.url, apiKey: "k" })).rejects.toBeInstanceOf(SDKValidationError)
    expect(server.requests.length).toBe(before)
  })
})

describe("send against a server that never answers", () => {
  let hanging: TestServer
  const open: ServerResponse[] = []
  beforeAll(async () => {
    hanging = await startServer((_: RecordedRequest, response: ServerResponse) => {
      open.push(response)
    })
  })
  afterEach(() => {
    for (const response of open.splice(0)) response.destroy()
  })
  afterAll(() => hanging.close())

  it("aborts on the caller's signal", async () => {
    const controller = new AbortController()
    const pending = send(request, { baseURL: hanging.url, apiKey: "k", signal: controller.signal })
    setTimeout(() => controller.abort(), 50)
    await expect(pending).rejects.toThrow(/abort/i)
  })

  it("times out after timeoutMs, also when a signal is given", async () => {
    const started = Date.now()
    await expect(send(request, { baseURL: hanging.url, apiKey: "k", timeoutMs: 100 })).rejects.toThrow()
    const signal = new AbortController().signal
    await expect(
      send(request, { baseURL: hanging.url, apiKey: "k", timeoutMs: 100, signal }),
    ).rejects.toThrow()
    expect(Date.now() - started).toBeLessThan(5_000)
  })
})
