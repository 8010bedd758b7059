/**
 * What the real `cohere-ai` client puts on the wire for our requests: captured by a local server and checked
 * against the SDK's own (strict) wire schema and against Cohere's documented snake_case field names.
 */
import {
  type RecordedRequest,
  sendJson,
  sendSse,
  startServer,
  type TestServer,
  toSse,
} from "@pl/devtools/fixtures"
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest"
import { type CohereChunk, type CohereResponse, cohere } from "../src/index.js"
import { doc, kitchenSink, PNG, weatherSchema } from "./kitchen-sink.js"
import { wireRequestErrors } from "./sdk-schema.js"

/** The kitchen-sink request as Cohere's API reference writes the body (snake_case). */
const expectedWire = {
  model: "command-a-03-2025",
  messages: [
    { role: "system", content: "You are terse." },
    { role: "system", content: "Use metric units." },
    {
      role: "user",
      content: [
        { type: "text", text: "Weather in Paris and Rome? And what is in these images?" },
        { type: "image_url", image_url: { url: "https://example.com/cat.png", detail: "low" } },
        { type: "image_url", image_url: { url: `data:image/png;base64,${PNG}` } },
      ],
    },
    {
      role: "assistant",
      tool_plan: "I will look up both cities.",
      tool_calls: [
        { id: "call_1", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } },
        { id: "call_2", type: "function", function: { name: "get_weather", arguments: '{"city":"Rome"}' } },
      ],
      content: [{ type: "thinking", thinking: "Two cities: two calls." }],
    },
    { role: "tool", tool_call_id: "call_1", content: "18°C, sunny" },
    {
      role: "tool",
      tool_call_id: "call_2",
      content: [{ type: "document", document: { id: "rome", data: { temperature: 21, sky: "clear" } } }],
    },
    {
      role: "assistant",
      content: "Paris 18°C, Rome 21°C.",
      citations: [
        {
          start: 0,
          end: 5,
          text: "Paris",
          sources: [{ type: "document", id: "doc:0", document: doc }],
          type: "TEXT_CONTENT",
        },
      ],
    },
  ],
  tools: [
    {
      type: "function",
      function: { name: "get_weather", description: "Current weather", parameters: weatherSchema },
    },
    { type: "function", function: { name: "get_time", parameters: { type: "object", properties: {} } } },
  ],
  tool_choice: "REQUIRED",
  strict_tools: true,
  temperature: 0.2,
  max_tokens: 512,
  stop_sequences: ["\n\n"],
  p: 0.9,
  k: 40,
  seed: 7,
  frequency_penalty: 0.1,
  presence_penalty: 0.2,
  thinking: { type: "enabled", token_budget: 1024 },
  safety_mode: "CONTEXTUAL",
  documents: [{ id: "doc:0", data: doc }],
  citation_options: { mode: "ACCURATE" },
}

const textResponse = {
  id: "r1",
  message: { role: "assistant", content: [{ type: "text", text: "ok" }] },
  finish_reason: "COMPLETE",
}

let server: TestServer
let reply: (request: RecordedRequest, response: Parameters<typeof sendJson>[0]) => void
beforeAll(async () => {
  server = await startServer((request, response) => reply(request, response))
})
afterEach(() => {
  server.requests.length = 0
})
afterAll(() => server.close())

const body = (index = 0) => JSON.parse(server.requests[index]?.body ?? "null") as Record<string, unknown>

describe("the body cohere-ai sends", () => {
  it("is Cohere's snake_case wire JSON, accepted by the SDK's strict schema", async () => {
    reply = (_, response) => sendJson(response, textResponse)
    await cohere.send(cohere.toRequest(kitchenSink), { baseURL: server.url, apiKey: "k" })
    const { stream, ...rest } = body()
    expect(stream).toBe(false)
    expect(rest).toEqual(expectedWire)
    expect(wireRequestErrors(rest)).toEqual([])
    expect(server.requests[0]).toMatchObject({ method: "POST", url: "/v2/chat" })
    expect(server.requests[0]?.headers.authorization).toBe("Bearer k")
  })

  it("asks for a stream when the request is marked", async () => {
    reply = (_, response) =>
      sendSse(
        response,
        toSse([JSON.stringify({ type: "message-end", delta: { finish_reason: "COMPLETE" } })], {
          eventField: "type",
        }),
      )
    const events = (await cohere.send(cohere.toRequest(kitchenSink, { stream: true }), {
      baseURL: server.url,
      apiKey: "k",
      headers: { "x-trace": "t1" },
    })) as AsyncIterable<CohereChunk>
    const acc = cohere.accumulator()
    for await (const event of events) acc.push(event)
    const { stream, ...rest } = body()
    expect(stream).toBe(true)
    expect(rest).toEqual(expectedWire)
    expect(server.requests[0]?.headers["x-trace"]).toBe("t1")
    expect(acc.result().finish_reason).toBe("stop")
  })

  it("streams or not as the context says, whatever the request's mark", async () => {
    reply = (request, response) =>
      JSON.parse(request.body).stream
        ? sendSse(
            response,
            toSse([JSON.stringify({ type: "message-end", delta: {} })], { eventField: "type" }),
          )
        : sendJson(response, textResponse)
    const context = { baseURL: server.url, apiKey: "k" }
    const streamed = await cohere.send(
      { ...cohere.toRequest(kitchenSink, { stream: true }) },
      { ...context, stream: true },
    )
    for await (const _ of streamed as AsyncIterable<CohereChunk>) {
      // drain
    }
    await cohere.send(cohere.toRequest(kitchenSink, { stream: true }), { ...context, stream: false })
    expect(server.requests.map((r) => JSON.parse(r.body).stream)).toEqual([true, false])
  })

  it("sends with a client the caller built", async () => {
    reply = (_, response) => sendJson(response, textResponse)
    const { CohereClientV2 } = await import("cohere-ai")
    const client = new CohereClientV2({ token: "own", baseUrl: server.url })
    const response = (await cohere.send(cohere.toRequest(kitchenSink), { client })) as CohereResponse
    expect(cohere.fromResponse(response).message.content).toEqual([{ type: "text", text: "ok" }])
    expect(server.requests[0]?.headers.authorization).toBe("Bearer own")
  })

  it("passes the abort signal to the SDK", async () => {
    reply = () => {
      // Never answers: only the abort ends the request.
    }
    const controller = new AbortController()
    const sent = cohere.send(cohere.toRequest(kitchenSink), {
      baseURL: server.url,
      apiKey: "k",
      signal: controller.signal,
      maxRetries: 0,
    })
    setTimeout(() => controller.abort(), 50)
    await expect(sent).rejects.toThrow(/abort/i)
  })

  it("gives up after timeoutMs", async () => {
    reply = () => {
      // Never answers.
    }
    const started = performance.now()
    await expect(
      cohere.send(cohere.toRequest(kitchenSink), {
        baseURL: server.url,
        apiKey: "k",
        timeoutMs: 100,
        maxRetries: 0,
      }),
    ).rejects.toThrow(/timed? ?out/i)
    expect(performance.now() - started).toBeLessThan(5_000)
  })

  it("surfaces the SDK's error for an error status", async () => {
    reply = (_, response) => sendJson(response, { message: "invalid request: model not found" }, 400)
    await expect(
      cohere.send(cohere.toRequest(kitchenSink), { baseURL: server.url, apiKey: "k", maxRetries: 0 }),
    ).rejects.toMatchObject({ statusCode: 400 })
  })

  it("keeps the text gathered before a stream is cut", async () => {
    reply = (_, response) => {
      response.writeHead(200, { "content-type": "text/event-stream" })
      response.write(
        toSse(
          [
            JSON.stringify({
              type: "content-start",
              index: 0,
              delta: { message: { content: { type: "text", text: "" } } },
            }),
            JSON.stringify({
              type: "content-delta",
              index: 0,
              delta: { message: { content: { text: "Partial" } } },
            }),
          ],
          { eventField: "type" },
        ),
      )
      setTimeout(() => response.destroy(), 20)
    }
    const acc = cohere.accumulator()
    const events = (await cohere.send(cohere.toRequest(kitchenSink, { stream: true }), {
      baseURL: server.url,
      apiKey: "k",
    })) as AsyncIterable<CohereChunk>
    await expect(
      (async () => {
        for await (const event of events) acc.push(event)
      })(),
    ).rejects.toThrow()
    expect(acc.result().message.content).toEqual([{ type: "text", text: "Partial" }])
  })
})
