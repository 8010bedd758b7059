/**
 * Every recorded Chat Completions fixture, served by a local HTTP server to the real `openai` SDK through
 * `openai.send`; streams go through the accumulator.
 */
import type { Completion } from "@pl/blueprint"
import { listFixtures, readChunks, readJsonFixture, startServer } from "@pl/devtools/fixtures"
import { APIConnectionTimeoutError, APIUserAbortError } from "openai"
import type { ChatCompletion, ChatCompletionChunk } from "openai/resources/chat/completions"
import { describe, expect, it } from "vitest"
import { openai } from "../src/index.js"
import { chatBlueprint, user } from "./blueprints.js"
import { drain, replay, shapeOf } from "./replay.js"
import { chatSpecErrors } from "./spec.js"

const FOLDER = "openai-chat"
const fixtures = listFixtures(FOLDER)

async function stream(name: string) {
  const request = openai.toRequest(chatBlueprint([user("Hi")]), { stream: true })
  const acc = openai.accumulator()
  const { result: chunks, request: sent } = await replay(FOLDER, name, async (baseURL) =>
    drain(
      (await openai.send(request, { baseURL, apiKey: "test" })) as AsyncIterable<ChatCompletionChunk>,
      acc,
    ),
  )
  return { request, sent, chunks, completion: acc.result() }
}

/** The text of every content delta, joined, computed from the recorded chunks themselves. */
function deltaText(name: string): string {
  let text = ""
  for (const chunk of readChunks(FOLDER, name) as ChatCompletionChunk[])
    text += chunk.choices[0]?.delta?.content ?? ""
  return text
}

function textOf(completion: Completion): string {
  return (completion.message.content ?? []).map((part) => (part.type === "text" ? part.text : "")).join("")
}

describe("Chat Completions fixtures through the openai SDK", () => {
  it.each(fixtures.filter((f) => f.hasChunks))(
    "streams $name: the SDK sends our request and yields every chunk",
    async ({ name }) => {
      const { request, sent, chunks, completion } = await stream(name)
      expect(sent.url).toBe("/chat/completions")
      expect(sent.headers.authorization).toBe("Bearer test")
      expect(JSON.parse(sent.body)).toEqual(request)
      expect(chatSpecErrors(JSON.parse(sent.body))).toEqual([])
      expect(chunks).toEqual(readChunks(FOLDER, name))
      expect(textOf(completion)).toBe(deltaText(name))
    },
  )

  it.each(fixtures.filter((f) => f.hasJson))(
    "answers $name without streaming: fromResponse of what the SDK returns",
    async ({ name }) => {
      const request = openai.toRequest(chatBlueprint([user("Hi")]))
      const { result } = await replay(FOLDER, name, (baseURL) =>
        openai.send(request, { baseURL, apiKey: "test" }),
      )
      expect(result).toEqual(readJsonFixture(FOLDER, name))
      expect(openai.fromResponse(result as ChatCompletion)).toEqual(
        openai.fromResponse(readJsonFixture(FOLDER, name) as ChatCompletion),
      )
    },
  )

  it.each(fixtures.filter((f) => f.hasJson && f.hasChunks))(
    "accumulates $name into the shape fromResponse gives its recorded completion",
    async ({ name }) => {
      // The stream and the .json are two recordings (ids, texts and token counts differ): compare shapes.
      const { completion } = await stream(name)
      expect(shapeOf(completion)).toEqual(
        shapeOf(openai.fromResponse(readJsonFixture(FOLDER, name) as ChatCompletion)),
      )
    },
  )

  it("openai-text: text, usage from the final usage-only chunk, finish reason", async () => {
    const { completion } = await stream("openai-text")
    expect(textOf(completion).startsWith("**Holiday Name:** Harmony Day")).toBe(true)
    expect(completion).toMatchObject({
      id: "chatcmpl-D8Z5oo6uDh67AD85p73ksdT1KxhE0",
      model: "gpt-4.1-nano-2025-04-14",
      finish_reason: "stop",
      raw_finish_reason: "stop",
      usage: {
        input_tokens: 16,
        output_tokens: 300,
        total_tokens: 316,
        cache_read_tokens: 0,
        reasoning_tokens: 0,
      },
    })
  })

  it("azure-model-router: Azure's empty first chunk and reasoning tokens", async () => {
    const { completion } = await stream("azure-model-router.1")
    expect(completion).toEqual({
      message: { role: "assistant", content: [{ type: "text", text: "Capital of Denmark." }] },
      id: "chatcmpl-CYPS1lijGoK8gd9lYzY3r9Sx50nbt",
      model: "gpt-5-nano-2025-08-07",
      finish_reason: "stop",
      raw_finish_reason: "stop",
      usage: {
        input_tokens: 15,
        output_tokens: 78,
        cache_read_tokens: 0,
        cache_write_tokens: 0,
        reasoning_tokens: 64,
        total_tokens: 93,
      },
    })
  })

  it("groq-tool-call: a whole no-argument tool call in one chunk, from an OpenAI-compatible server", async () => {
    const { completion } = await stream("groq-tool-call")
    expect(completion.message).toEqual({
      role: "assistant",
      content: [],
      tool_calls: [{ id: "tk85n1k4m", type: "function", function: { name: "weather", arguments: "{}" } }],
    })
    expect(completion).toMatchObject({
      model: "llama-3.3-70b-versatile",
      finish_reason: "tool_calls",
      usage: { input_tokens: 210, output_tokens: 15, total_tokens: 225 },
    })
  })
})

describe("openai.send", () => {
  it("uses a client passed in context as is", async () => {
    const { default: OpenAI } = await import("openai")
    const request = openai.toRequest(chatBlueprint([user("Hi")]))
    const { result, request: sent } = await replay(FOLDER, "openai-text", (baseURL) =>
      openai.send(request, {
        client: new OpenAI({ baseURL, apiKey: "from-client", defaultHeaders: { "x-team": "a" } }),
      }),
    )
    expect(sent.headers.authorization).toBe("Bearer from-client")
    expect(sent.headers["x-team"]).toBe("a")
    expect((result as ChatCompletion).id).toBe("chatcmpl-D8Z5f52zQqikDBEKQMQoYcWMcWPeU")
  })

  it("sends the context's headers, as an Azure api-key through baseURL would need", async () => {
    const request = openai.toRequest(chatBlueprint([user("Hi")]))
    const { request: sent } = await replay(FOLDER, "openai-text", (baseURL) =>
      openai.send(request, { baseURL, apiKey: "test", headers: { "api-key": "azure-key" } }),
    )
    expect(sent.headers["api-key"]).toBe("azure-key")
  })

  it("rejects with the SDK's abort error when the signal is already aborted", async () => {
    const controller = new AbortController()
    controller.abort()
    const request = openai.toRequest(chatBlueprint([user("Hi")]))
    await expect(
      replay(FOLDER, "openai-text", (baseURL) =>
        openai.send(request, { baseURL, apiKey: "test", signal: controller.signal, maxRetries: 0 }),
      ),
    ).rejects.toThrow(APIUserAbortError)
  })

  it("gives up after timeoutMs with the SDK's timeout error", async () => {
    // A server that takes the request and never answers.
    const server = await startServer(() => new Promise<void>(() => {}))
    try {
      const request = openai.toRequest(chatBlueprint([user("Hi")]))
      await expect(
        openai.send(request, { baseURL: server.url, apiKey: "test", timeoutMs: 200, maxRetries: 0 }),
      ).rejects.toThrow(APIConnectionTimeoutError)
    } finally {
      await server.close()
    }
  })
})
