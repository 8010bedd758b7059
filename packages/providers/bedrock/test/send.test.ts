import type { ServerResponse } from "node:http"
import { BedrockRuntimeClient, type ConverseStreamOutput } from "@aws-sdk/client-bedrock-runtime"
import { type RecordedRequest, sendJson, startServer, type TestServer } from "@pl/devtools/fixtures"
import { NodeHttpHandler } from "@smithy/node-http-handler"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type BedrockResponse, bedrock } from "../src/index.js"
import { chat } from "./helpers.js"
import { eventStreamBody, localContext } from "./wire.js"

const RESPONSE = {
  output: { message: { role: "assistant", content: [{ text: "pong" }] } },
  stopReason: "end_turn",
  usage: { inputTokens: 1, outputTokens: 1, totalTokens: 2 },
  metrics: { latencyMs: 1 },
}
const EVENTS = [
  { messageStart: { role: "assistant" } },
  { contentBlockDelta: { contentBlockIndex: 0, delta: { text: "po" } } },
  { contentBlockDelta: { contentBlockIndex: 0, delta: { text: "ng" } } },
  { messageStop: { stopReason: "end_turn" } },
]

let server: TestServer
let answer: (request: RecordedRequest, response: ServerResponse) => void
beforeAll(async () => {
  server = await startServer((request, response) => answer(request, response))
})
afterAll(() => server.close())

const blueprint = chat([{ role: "user", content: [{ type: "text", text: "ping" }] }])
const send = bedrock.send!

/** Answers Converse with JSON and ConverseStream with event-stream frames, whichever was called. */
function answerBoth() {
  answer = (request, response) => {
    if (request.url.endsWith("/converse-stream")) {
      response.writeHead(200, { "content-type": "application/vnd.amazon.eventstream" })
      response.end(eventStreamBody(EVENTS))
    } else sendJson(response, RESPONSE)
  }
}

async function collect(stream: AsyncIterable<ConverseStreamOutput>) {
  const accumulator = bedrock.accumulator()
  for await (const event of stream) accumulator.push(event)
  return accumulator.result()
}

describe("send", () => {
  it("calls ConverseStream for a streaming request and Converse otherwise", async () => {
    answerBoth()
    const stream = await send(bedrock.toRequest(blueprint, { stream: true }), localContext(server.url))
    expect(server.requests.at(-1)!.url).toMatch(/\/converse-stream$/)
    expect((await collect(stream as AsyncIterable<ConverseStreamOutput>)).message.content).toEqual([
      { type: "text", text: "pong" },
    ])
    const response = await send(bedrock.toRequest(blueprint), localContext(server.url))
    expect(server.requests.at(-1)!.url).toMatch(/\/converse$/)
    expect(bedrock.fromResponse(response as BedrockResponse).message.content).toEqual([
      { type: "text", text: "pong" },
    ])
  })

  it("streams a copied request when the context asks for it", async () => {
    answerBoth()
    const copy = { ...bedrock.toRequest(blueprint, { stream: true }) }
    await send(copy, localContext(server.url, { stream: true }))
    expect(server.requests.at(-1)!.url).toMatch(/\/converse-stream$/)
  })

  it("signs with the credentials, or sends an API key as a bearer token, with the extra headers", async () => {
    answerBoth()
    await send(bedrock.toRequest(blueprint), localContext(server.url, { headers: { "x-team": "search" } }))
    const signed = server.requests.at(-1)!.headers
    expect(signed.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDLOCALTEST\/\d{8}\/us-east-1\/bedrock\//,
    )
    expect(signed["x-team"]).toBe("search")
    expect(signed.authorization).toContain("x-team")

    await send(bedrock.toRequest(blueprint), localContext(server.url, { apiKey: "bedrock-api-key-123" }))
    expect(server.requests.at(-1)!.headers.authorization).toBe("Bearer bedrock-api-key-123")
  })

  it("builds one client for sends with the same fields and reuses it, so credentials are resolved once", async () => {
    answerBoth()
    let resolved = 0
    const credentials = async () => {
      resolved++
      return {
        accessKeyId: "AKIDLOCALTEST",
        secretAccessKey: "s",
        expiration: new Date(Date.now() + 3_600_000),
      }
    }
    const context = { ...localContext(server.url), credentials, requestHandler: new NodeHttpHandler() }
    for (let i = 0; i < 3; i++) await send(bedrock.toRequest(blueprint), context)
    expect(resolved).toBe(1)
    // Other fields, another client.
    await send(bedrock.toRequest(blueprint), { ...context, region: "eu-west-1" })
    expect(resolved).toBe(2)
  })

  it("uses the caller's client as given", async () => {
    answerBoth()
    const client = new BedrockRuntimeClient({
      endpoint: server.url,
      region: "eu-west-1",
      credentials: { accessKeyId: "AKIDCALLER", secretAccessKey: "s" },
      requestHandler: new NodeHttpHandler(),
    })
    await send(bedrock.toRequest(blueprint), { client, region: "us-east-1" })
    expect(server.requests.at(-1)!.headers.authorization).toContain("AKIDCALLER/")
    expect(server.requests.at(-1)!.headers.authorization).toContain("/eu-west-1/")
    // The caller's client is not closed: it sends again.
    await send(bedrock.toRequest(blueprint), { client })
    client.destroy()
  })

  it("rejects when the signal aborts, and surfaces the service's errors", async () => {
    answer = () => {}
    const controller = new AbortController()
    const pending = send(
      bedrock.toRequest(blueprint),
      localContext(server.url, { signal: controller.signal }),
    )
    setTimeout(() => controller.abort(), 50)
    await expect(pending).rejects.toMatchObject({ name: "AbortError" })

    answer = (_request, response) =>
      sendJson(response, { message: "Malformed input request" }, 400, {
        "x-amzn-errortype": "ValidationException",
      })
    await expect(send(bedrock.toRequest(blueprint), localContext(server.url))).rejects.toMatchObject({
      name: "ValidationException",
      message: "Malformed input request",
    })
  })
})
