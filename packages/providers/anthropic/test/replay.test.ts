/**
 * Every recorded Anthropic fixture replayed as on the wire (SSE with `event:` lines, or JSON) by a local
 * server to the real SDK through `anthropic.send`: streams through the accumulator, responses through
 * `fromResponse`.
 *
 * Oracles: for a stream, the SDK's own accumulation of the same events (`client.messages.stream()` →
 * `finalMessage()`) read by `fromResponse` must equal our accumulator's result exactly; the text must
 * equal the concatenated text deltas; and the values recorded in the fixture (tool names and arguments,
 * signatures, usage, finish reason) must come through.
 *
 * Against the matching `.json`: each `.json` and `.chunks.txt` pair was recorded as two separate calls,
 * so ids, texts, tool arguments and token counts differ (`anthropic-text` says "thank you for asking" in
 * one and "thanks for asking" in the other; `anthropic-tool-no-args.json` was even answered by another
 * model, and `anthropic-web-search-tool.1.json` searched twice where the stream searched once). What
 * must agree is the shape: the kinds of content parts, the tools called, and the finish reason.
 */
import Anthropic from "@anthropic-ai/sdk"
import type {
  Message,
  MessageCreateParams,
  RawMessageStreamEvent,
} from "@anthropic-ai/sdk/resources/messages"
import type { Completion } from "@pl/blueprint"
import {
  listFixtures,
  readChunkLines,
  readJsonFixture,
  sendJson,
  sendSse,
  startServer,
  type TestServer,
  toSse,
} from "@pl/devtools/fixtures"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { anthropic } from "../src/index.js"
import { chat, MODEL, text, user } from "./blueprints.js"

const FOLDER = "anthropic"
const fixtures = listFixtures(FOLDER)

let server: TestServer

beforeAll(async () => {
  // The fixture to replay is named by a header; the request body says whether to stream it.
  server = await startServer((request, response) => {
    const name = String(request.headers["x-fixture"])
    const body = JSON.parse(request.body) as { stream?: boolean }
    if (body.stream) sendSse(response, toSse(readChunkLines(FOLDER, name), { eventField: "type" }))
    else sendJson(response, readJsonFixture(FOLDER, name))
  })
})
afterAll(() => server.close())

const request = (stream: boolean) => anthropic.toRequest(chat([user(text("Hello"))]), { stream })

async function replayStream(name: string) {
  const events: RawMessageStreamEvent[] = []
  const acc = anthropic.accumulator()
  const stream = await anthropic.send!(request(true), {
    baseURL: server.url,
    apiKey: "test",
    headers: { "x-fixture": name },
  })
  for await (const event of stream as AsyncIterable<RawMessageStreamEvent>) {
    events.push(event)
    acc.push(event)
  }
  return { events, completion: acc.result() }
}

async function sdkFinalMessage(name: string): Promise<Message> {
  const client = new Anthropic({ baseURL: server.url, apiKey: "test", defaultHeaders: { "x-fixture": name } })
  const { stream: _stream, ...params } = request(true)
  return client.messages.stream(params as MessageCreateParams).finalMessage()
}

function shape(completion: Completion) {
  return {
    parts: [...new Set(completion.message.content?.map((part) => part.type))].sort(),
    tools: completion.message.tool_calls?.map((call) => call.function.name),
    finish_reason: completion.finish_reason,
  }
}

const textOf = (completion: Completion) =>
  (completion.message.content ?? []).map((part) => (part.type === "text" ? part.text : "")).join("")

/** Values recorded in each fixture's stream, checked by hand against the files. */
const RECORDED: Record<string, (completion: Completion) => void> = {
  "anthropic-text": (c) => {
    expect(textOf(c)).toBe(
      "Hello! I'm doing well, thank you for asking. How are you doing today? Is there anything I can help you with?",
    )
    expect(c).toMatchObject({
      finish_reason: "stop",
      raw_finish_reason: "end_turn",
      usage: { input_tokens: 12, output_tokens: 30 },
    })
  },
  "anthropic-clear-thinking.1": (c) => {
    expect(c.message.content?.[0]).toEqual({
      type: "thinking",
      thinking: "The previous result was 925. Now I need to divide that by 5.\n\n925 ÷ 5 = 185",
      signature: expect.stringMatching(/^EvQBCkYICxgCKkAxhD4N.*BgB$/),
    })
    expect(c.usage).toMatchObject({ input_tokens: 69, output_tokens: 53 })
  },
  "anthropic-json-tool.1": (c) => {
    expect(c.message.tool_calls).toEqual([
      {
        id: "toolu_01KFbKqPYSuAKujiL6mTfzYA",
        type: "function",
        function: {
          name: "json",
          arguments: '{"elements":[{"location":"San Francisco","temperature":58,"condition":"sunny"}]}',
        },
      },
    ])
    expect(c).toMatchObject({ finish_reason: "tool_calls", usage: { input_tokens: 849, output_tokens: 47 } })
  },
  "anthropic-refusal": (c) => {
    expect(c).toMatchObject({
      finish_reason: "refusal",
      message: { content: [] },
      usage: { input_tokens: 18, output_tokens: 5 },
    })
  },
  "anthropic-tool-no-args": (c) => {
    expect(textOf(c)).toBe("I'll update the issue list for you.")
    expect(c.message.tool_calls?.[0]?.function).toEqual({ name: "updateIssueList", arguments: "{}" })
  },
  "anthropic-web-search-tool.1": (c) => {
    expect(c.message.content?.slice(0, 2)).toEqual([
      {
        type: "server_tool_use",
        id: "srvtoolu_01Bj5uzzLcYG5hfueSLcDH8k",
        name: "web_search",
        input: { query: "tech news today September 26 2025" },
      },
      expect.objectContaining({
        type: "web_search_tool_result",
        tool_use_id: "srvtoolu_01Bj5uzzLcYG5hfueSLcDH8k",
      }),
    ])
    const annotations = (c.message.content ?? []).flatMap((part) =>
      part.type === "text" ? (part.annotations ?? []) : [],
    )
    expect(annotations.length).toBeGreaterThan(0)
    expect(annotations[0]).toMatchObject({
      type: "url_citation",
      cited_text: expect.any(String),
      encrypted_index: expect.any(String),
    })
    expect(c.finish_reason).toBe("stop")
  },
}

describe.each(fixtures.filter((f) => f.hasChunks))("stream $name", ({ name, hasJson }) => {
  it("reaches the SDK as SSE and comes through it event for event, pings aside", async () => {
    const { events } = await replayStream(name)
    const recorded = readChunkLines(FOLDER, name).map((line) => JSON.parse(line) as { type: string })
    // The SDK keeps `ping` events to itself.
    expect(events).toEqual(recorded.filter((event) => event.type !== "ping"))
  })

  it("accumulates to what the SDK's own accumulation reads as", async () => {
    const { completion } = await replayStream(name)
    expect(completion).toEqual(anthropic.fromResponse(await sdkFinalMessage(name)))
  })

  it("has the text of the concatenated deltas and the recorded values", async () => {
    const { events, completion } = await replayStream(name)
    const deltas = events
      .map((e) => (e.type === "content_block_delta" && e.delta.type === "text_delta" ? e.delta.text : ""))
      .join("")
    expect(textOf(completion)).toBe(deltas)
    RECORDED[name]?.(completion)
  })

  it.runIf(hasJson)("has the shape of the recorded non-streaming response", async () => {
    const { completion } = await replayStream(name)
    expect(shape(completion)).toEqual(shape(anthropic.fromResponse(readJsonFixture(FOLDER, name) as Message)))
  })
})

describe.each(fixtures.filter((f) => f.hasJson))("response $name", ({ name }) => {
  it("comes through the SDK and reads as the recorded JSON does", async () => {
    const response = (await anthropic.send!(request(false), {
      baseURL: server.url,
      apiKey: "test",
      headers: { "x-fixture": name },
    })) as Message
    const completion = anthropic.fromResponse(response)
    const recorded = readJsonFixture(FOLDER, name) as Message
    expect(completion).toEqual(anthropic.fromResponse(recorded))
    expect(completion.id).toBe(recorded.id)
    expect(completion.raw_finish_reason).toBe(recorded.stop_reason)
    expect(completion.usage?.output_tokens).toBe(recorded.usage.output_tokens)
    const calls = recorded.content.flatMap((block) => (block.type === "tool_use" ? [block] : []))
    expect(
      completion.message.tool_calls?.map((c) => [c.function.name, JSON.parse(c.function.arguments)]),
    ).toEqual(calls.length > 0 ? calls.map((block) => [block.name, block.input]) : undefined)
  })
})

it("sends the request body exactly as toRequest built it", async () => {
  server.requests.length = 0
  await anthropic.send!(request(false), {
    baseURL: server.url,
    apiKey: "test",
    headers: { "x-fixture": "anthropic-text" },
  })
  expect(JSON.parse(server.requests[0]!.body)).toEqual({
    model: MODEL,
    max_tokens: 4096,
    messages: [{ role: "user", content: [{ type: "text", text: "Hello" }] }],
  })
  expect(server.requests[0]).toMatchObject({ method: "POST", url: "/v1/messages" })
})
