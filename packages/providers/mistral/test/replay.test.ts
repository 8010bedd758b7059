/**
 * Every recorded Mistral fixture, replayed as on the wire (JSON, or SSE `data:` lines ending with
 * `data: [DONE]`) by a local server to the real SDK through `send`.
 */
import type { Completion } from "@pl/blueprint"
import type { TestServer } from "@pl/devtools/fixtures"
import {
  listFixtures,
  readChunkLines,
  readChunks,
  readJsonFixture,
  sendJson,
  sendSse,
  startServer,
  toSse,
} from "@pl/devtools/fixtures"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type MistralRequest, mistral } from "../src/index.js"
import { drain } from "./helpers.js"

const FOLDER = "mistral"
const fixtures = listFixtures(FOLDER)
const request = (stream: boolean): MistralRequest =>
  mistral.toRequest(
    {
      prompt_template: {
        type: "chat",
        messages: [{ role: "user", content: [{ type: "text", text: "Hi" }] }],
      },
      metadata: { model: { provider: "mistral", name: "mistral-small-latest" } },
    },
    { stream },
  )

// The server answers with the fixture an `x-fixture` header names (sent through `send`'s `headers`).
let server: TestServer
beforeAll(async () => {
  server = await startServer((recorded, response) => {
    const name = String(recorded.headers["x-fixture"])
    const body = JSON.parse(recorded.body) as { stream?: boolean }
    if (body.stream) sendSse(response, toSse(readChunkLines(FOLDER, name), { done: true }))
    else sendJson(response, readJsonFixture(FOLDER, name))
  })
})
afterAll(() => server.close())

async function sendFixture(name: string, stream: boolean) {
  return mistral.send(request(stream), {
    baseURL: server.url,
    apiKey: "test-key",
    headers: { "x-fixture": name },
  })
}

async function streamed(name: string): Promise<{ completion: Completion; deltas: string }> {
  const acc = mistral.accumulator()
  let deltas = ""
  const events = await drain((await sendFixture(name, true)) as AsyncIterable<Parameters<typeof acc.push>[0]>)
  for (const event of events) {
    const content = event.data.choices[0]?.delta.content
    if (typeof content === "string") deltas += content
    else for (const chunk of content ?? []) if (chunk.type === "text") deltas += chunk.text
    acc.push(event)
  }
  return { completion: acc.result(), deltas }
}

async function whole(name: string): Promise<Completion> {
  const response = await sendFixture(name, false)
  return mistral.fromResponse(response as Parameters<typeof mistral.fromResponse>[0])
}

describe("the fixture folder", () => {
  it("holds the four recorded Mistral cases this file checks", () => {
    expect(fixtures.map((f) => f.name)).toEqual([
      "mistral-incremental-tool-call",
      "mistral-reasoning",
      "mistral-text",
      "mistral-tool-call",
    ])
  })
})

describe.each(fixtures.filter((f) => f.hasChunks))(
  "streamed fixture $name through the SDK",
  ({ name, hasJson }) => {
    it("accumulates to what the wire chunks accumulate to, with the text of the concatenated deltas", async () => {
      const { completion, deltas } = await streamed(name)
      const direct = mistral.accumulator()
      for (const chunk of readChunks(FOLDER, name)) direct.push(chunk as Parameters<typeof direct.push>[0])
      expect(completion).toEqual(direct.result())
      const text = (completion.message.content ?? [])
        .flatMap((p) => (p.type === "text" ? [p.text] : []))
        .join("")
      expect(text).toBe(deltas)
    })

    if (hasJson && name !== "mistral-text") {
      it("ends equal to fromResponse of the matching .json, sent through the SDK", async () => {
        expect((await streamed(name)).completion).toEqual(await whole(name))
      })
    }
  },
)

describe("specific values of the fixtures", () => {
  it("mistral-text: streamed text, usage and finish reason", async () => {
    const { completion } = await streamed("mistral-text")
    expect(completion).toEqual({
      message: {
        role: "assistant",
        content: [{ type: "text", text: "Hello, world! This is a test response." }],
      },
      usage: {
        input_tokens: 13,
        output_tokens: 8,
        cache_read_tokens: 0,
        cache_write_tokens: 0,
        reasoning_tokens: 0,
        total_tokens: 21,
      },
      finish_reason: "stop",
      raw_finish_reason: "stop",
      id: "5319bd0299614c679a0068a4f2c8ffd0",
      model: "mistral-small-latest",
    })
  })

  it("mistral-text: the .json is another recording under the same id, equal in all but text and usage", async () => {
    // Documented difference: mistral-text.json holds a 434-token answer, mistral-text.chunks.txt an 8-token
    // one, both with id 5319bd02…; everything else must agree.
    const stream = (await streamed("mistral-text")).completion
    const json = await whole("mistral-text")
    const { message: _m, usage: _u, ...streamRest } = stream
    const { message: _n, usage: _v, ...jsonRest } = json
    expect(streamRest).toEqual(jsonRest)
    expect(json.message.content?.[0]).toMatchObject({
      type: "text",
      text: expect.stringMatching(/^\*\*Holiday Name/),
    })
    expect(json.usage).toMatchObject({ input_tokens: 13, output_tokens: 434, total_tokens: 447 })
  })

  it("mistral-tool-call: the call, its arguments, usage and finish reason", async () => {
    for (const completion of [
      (await streamed("mistral-tool-call")).completion,
      await whole("mistral-tool-call"),
    ]) {
      expect(completion.message).toEqual({
        role: "assistant",
        content: [],
        tool_calls: [
          {
            id: "gSIMJiOkT",
            type: "function",
            function: { name: "weather", arguments: '{"location": "San Francisco"}' },
          },
        ],
      })
      expect(completion.usage).toMatchObject({ input_tokens: 124, output_tokens: 22, total_tokens: 146 })
      expect(completion.finish_reason).toBe("tool_calls")
    }
  })

  it("mistral-incremental-tool-call: arguments joined by index, cached tokens read", async () => {
    const { completion } = await streamed("mistral-incremental-tool-call")
    expect(completion).toEqual({
      message: {
        role: "assistant",
        content: [],
        tool_calls: [
          {
            id: "chatcmpl-tool-9f149c74c42f265b",
            type: "function",
            function: { name: "webSearchTool", arguments: '{"query": "current Berlin weather"}' },
          },
        ],
      },
      usage: {
        input_tokens: 171,
        output_tokens: 14,
        cache_read_tokens: 128,
        cache_write_tokens: 0,
        reasoning_tokens: 0,
        total_tokens: 185,
      },
      finish_reason: "tool_calls",
      raw_finish_reason: "tool_calls",
      id: "735e434874a24f68a2390b3cab149242",
      model: "zai-glm-5-2",
    })
  })

  it("mistral-reasoning: thinking then text, streamed and whole", async () => {
    for (const completion of [
      (await streamed("mistral-reasoning")).completion,
      await whole("mistral-reasoning"),
    ]) {
      expect(completion.message.content).toEqual([
        { type: "thinking", thinking: "The user is asking for 2+2. This is basic arithmetic. 2+2=4." },
        { type: "text", text: "2 + 2 = 4" },
      ])
      expect(completion.usage).toMatchObject({ input_tokens: 10, output_tokens: 46, total_tokens: 56 })
    }
  })
})
