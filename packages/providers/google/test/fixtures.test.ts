/**
 * Every recorded fixture in ../shared/fixtures/google, replayed as on the wire by a local server to the
 * real `@google/genai` through `google.send`: responses through `fromResponse`, `streamGenerateContent?alt=sse`
 * streams through the accumulator, the 429 error body as an HTTP 429.
 */
import type { GenerateContentResponse } from "@google/genai"
import { ApiError } from "@google/genai"
import type { Completion } from "@pl/blueprint"
import {
  listFixtures,
  readChunkLines,
  readChunks,
  readJsonFixture,
  sendJson,
  sendSse,
  startServer,
  type TestServer,
  toSse,
} from "@pl/devtools/fixtures"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { google } from "../src/index.js"
import { protoErrors } from "./proto-json.js"

const FOLDER = "google"
let server: TestServer

beforeAll(async () => {
  // The model name in the URL names the fixture; the method says which file of it to serve.
  server = await startServer((request, response) => {
    const match = /models\/([^/:]+):(generateContent|streamGenerateContent)/.exec(request.url)
    if (!match) return sendJson(response, { error: { code: 404, message: "no such route" } }, 404)
    const [, name, method] = match as unknown as [string, string, string]
    if (name === "google-429-retry-info") return sendJson(response, readJsonFixture(FOLDER, name), 429)
    if (method === "streamGenerateContent") return sendSse(response, toSse(readChunkLines(FOLDER, name)))
    return sendJson(response, readJsonFixture(FOLDER, name))
  })
})
afterAll(() => server.close())

const request = (name: string) =>
  google.toRequest({
    prompt_template: {
      type: "chat",
      messages: [{ role: "user", content: [{ type: "text", text: "How many r's in strawberry?" }] }],
    },
    metadata: { model: { provider: "google", name } },
  })

async function replay(name: string): Promise<Completion> {
  const response = await google.send!(request(name), { baseURL: server.url, apiKey: "test-key" })
  return google.fromResponse(response as GenerateContentResponse)
}

/** Replays a stream; returns the completion and the text of every snapshot's last text part, per chunk. */
async function replayStream(name: string, options: { vertexai?: boolean } = {}) {
  const stream = await google.send!(request(name), {
    baseURL: server.url,
    apiKey: "test-key",
    stream: true,
    ...options,
  })
  const accumulator = google.accumulator()
  let chunks = 0
  for await (const chunk of stream as AsyncIterable<GenerateContentResponse>) {
    accumulator.push(chunk)
    chunks++
  }
  return { completion: accumulator.result(), chunks }
}

const lastRequestBody = () => JSON.parse(server.requests.at(-1)!.body) as unknown

// The text the stream delivered: every non-thought text part of candidate 0, in order.
function streamedText(name: string): string {
  let text = ""
  for (const chunk of readChunks(FOLDER, name) as GenerateContentResponse[])
    for (const part of chunk.candidates?.[0]?.content?.parts ?? [])
      if (!part.thought && part.text) text += part.text
  return text
}

function signatures(name: string): string[] {
  const found: string[] = []
  for (const chunk of readChunks(FOLDER, name) as GenerateContentResponse[])
    for (const part of chunk.candidates?.[0]?.content?.parts ?? [])
      if (part.thoughtSignature) found.push(part.thoughtSignature)
  return found
}

/**
 * The .json and .chunks.txt of a fixture are two recordings of the same prompt, not one answer twice:
 * wording, signatures, token counts and response ids differ. What must agree is the answer's form: which
 * parts, which of them carry a signature, the calls with their arguments, the finish reason and the model.
 */
function form(completion: Completion) {
  return {
    content: (completion.message.content ?? []).map((part) => ({
      type: part.type,
      signed: "thought_signature" in part || "signature" in part,
    })),
    tool_calls: completion.message.tool_calls?.map((call) => ({
      name: call.function.name,
      arguments: call.function.arguments,
      signed: call.provider_metadata?.thought_signature !== undefined,
    })),
    finish_reason: completion.finish_reason,
    raw_finish_reason: completion.raw_finish_reason,
    model: completion.model,
  }
}

/** The stream's chunks joined into the one response a non-streaming call would give for the same answer. */
function joined(name: string): GenerateContentResponse {
  const chunks = readChunks(FOLDER, name) as GenerateContentResponse[]
  const parts = chunks.flatMap((chunk) => chunk.candidates?.[0]?.content?.parts ?? [])
  const last = chunks.at(-1)!
  return {
    ...last,
    responseId: chunks[0]!.responseId,
    candidates: [{ ...last.candidates![0], content: { role: "model", parts } }],
  } as GenerateContentResponse
}

describe("google fixtures replayed through @google/genai", () => {
  it("covers every fixture in the folder", () => {
    expect(
      listFixtures(FOLDER).map((f) => `${f.name}${f.hasJson ? " json" : ""}${f.hasChunks ? " chunks" : ""}`),
    ).toEqual([
      "google-429-retry-info json",
      "google-reasoning-gemini3 json chunks",
      "google-stream-tool-call-arguments chunks",
      "google-text json chunks",
      "google-tool-call json chunks",
      "google-tool-call-gemini3 json chunks",
    ])
  })

  it("sends a body the v1beta protos accept", async () => {
    await replay("google-text")
    expect(server.requests.at(-1)!.url).toBe("/v1beta/models/google-text:generateContent")
    expect(protoErrors("GenerateContentRequest", lastRequestBody())).toEqual([])
  })

  it("surfaces the 429 quota error as the SDK's ApiError with its status and retry delay", async () => {
    const error = await replay("google-429-retry-info").catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).status).toBe(429)
    expect((error as ApiError).message).toContain("RESOURCE_EXHAUSTED")
    expect((error as ApiError).message).toContain("34.4s")
  })

  it("google-text: text with its thought signature, usage with thinking tokens", async () => {
    const completion = await replay("google-text")
    const fixture = readJsonFixture(FOLDER, "google-text") as GenerateContentResponse
    expect(completion).toEqual({
      message: {
        role: "assistant",
        content: [
          {
            type: "text",
            text: "There are **3** r's in strawberry.\n\nHere is the breakdown: st**r**awbe**rr**y.",
            thought_signature: fixture.candidates![0]!.content!.parts![0]!.thoughtSignature,
          },
        ],
      },
      usage: {
        input_tokens: 9,
        output_tokens: 272,
        cache_read_tokens: 0,
        cache_write_tokens: 0,
        reasoning_tokens: 244,
        total_tokens: 281,
      },
      finish_reason: "stop",
      raw_finish_reason: "STOP",
      id: "Un6LacrVMcjUxs0PmJfWoQc",
      model: "gemini-3-pro-preview",
    })
  })

  it("google-text stream: the deltas joined into one text part carrying the last chunk's signature", async () => {
    const { completion, chunks } = await replayStream("google-text")
    expect(chunks).toBe(3)
    expect(completion.message.content).toEqual([
      { type: "text", text: streamedText("google-text"), thought_signature: signatures("google-text")[0] },
    ])
    expect(streamedText("google-text")).toBe('There are **3** "r"s in strawberry.\n\nst**r**awbe**rr**y')
    expect(completion.usage).toEqual({
      input_tokens: 9,
      output_tokens: 208,
      cache_read_tokens: 0,
      cache_write_tokens: 0,
      reasoning_tokens: 185,
      total_tokens: 217,
    })
    expect(completion.id).toBe("bH6LaZW8Fp_3nsEPqtaSwQ4")
    expect(completion).toEqual(google.fromResponse(joined("google-text")))
    expect(form(completion)).toEqual(
      form(google.fromResponse(readJsonFixture(FOLDER, "google-text") as GenerateContentResponse)),
    )
  })

  it("google-reasoning-gemini3: the answer and its signature, 258 thinking tokens", async () => {
    const completion = await replay("google-reasoning-gemini3")
    expect(completion.message.content).toHaveLength(1)
    expect(completion.message.content![0]).toMatchObject({
      type: "text",
      text: expect.stringContaining("st**r**awbe**rr**y"),
    })
    expect(completion.message.content![0]).toHaveProperty(
      "thought_signature",
      expect.stringMatching(/^EswFCskFAb4/),
    )
    expect(completion.usage).toMatchObject({
      input_tokens: 9,
      output_tokens: 287,
      reasoning_tokens: 258,
      total_tokens: 296,
    })
  })

  it("google-reasoning-gemini3 stream: same form as the response, text equal to the deltas", async () => {
    const { completion } = await replayStream("google-reasoning-gemini3")
    expect(completion.message.content).toEqual([
      {
        type: "text",
        text: streamedText("google-reasoning-gemini3"),
        thought_signature: signatures("google-reasoning-gemini3")[0],
      },
    ])
    expect(completion.usage).toMatchObject({
      input_tokens: 9,
      output_tokens: 325,
      reasoning_tokens: 302,
      total_tokens: 334,
    })
    expect(completion).toEqual(google.fromResponse(joined("google-reasoning-gemini3")))
    const response = readJsonFixture(FOLDER, "google-reasoning-gemini3") as GenerateContentResponse
    expect(form(completion)).toEqual(form(google.fromResponse(response)))
  })

  for (const name of ["google-tool-call", "google-tool-call-gemini3"]) {
    it(`${name}: one weather call with its signature and a generated id, finish reason tool_calls`, async () => {
      const completion = await replay(name)
      const fixture = readJsonFixture(FOLDER, name) as GenerateContentResponse
      expect(completion.message).toEqual({
        role: "assistant",
        content: [],
        tool_calls: [
          {
            id: `gemini_call_${fixture.responseId}_0`,
            type: "function",
            function: { name: "weather", arguments: '{"location":"San Francisco"}' },
            provider_metadata: {
              thought_signature: fixture.candidates![0]!.content!.parts![0]!.thoughtSignature,
            },
          },
        ],
      })
      expect(completion).toMatchObject({ finish_reason: "tool_calls", raw_finish_reason: "STOP" })
      expect(completion.usage).toMatchObject({
        input_tokens: 29,
        reasoning_tokens: fixture.usageMetadata!.thoughtsTokenCount,
      })
    })

    it(`${name} stream: the same call, the trailing empty text part adds nothing`, async () => {
      const { completion } = await replayStream(name)
      expect(completion.message.content).toEqual([])
      expect(completion.message.tool_calls).toEqual([
        {
          id: `gemini_call_${(readChunks(FOLDER, name)[0] as GenerateContentResponse).responseId}_0`,
          type: "function",
          function: { name: "weather", arguments: '{"location":"San Francisco"}' },
          provider_metadata: { thought_signature: signatures(name)[0] },
        },
      ])
      expect(completion).toMatchObject({ finish_reason: "tool_calls", raw_finish_reason: "STOP" })
      expect(completion).toEqual(google.fromResponse(joined(name)))
      expect(form(completion)).toEqual(
        form(google.fromResponse(readJsonFixture(FOLDER, name) as GenerateContentResponse)),
      )
    })
  }

  it("google-stream-tool-call-arguments (Vertex AI partialArgs): two calls built from partial arguments", async () => {
    const { completion, chunks } = await replayStream("google-stream-tool-call-arguments", { vertexai: true })
    expect(server.requests.at(-1)!.url).toBe(
      "/v1beta1/publishers/google/models/google-stream-tool-call-arguments:streamGenerateContent?alt=sse",
    )
    expect(chunks).toBe(8)
    expect(completion).toEqual({
      message: {
        role: "assistant",
        content: [],
        tool_calls: [
          {
            id: "gemini_call_dqHOab6xGLzWodAPkPuViA4_0",
            type: "function",
            function: { name: "getWeather", arguments: '{"location":"Boston"}' },
            provider_metadata: { thought_signature: signatures("google-stream-tool-call-arguments")[0] },
          },
          {
            id: "gemini_call_dqHOab6xGLzWodAPkPuViA4_1",
            type: "function",
            function: { name: "getWeather", arguments: '{"location":"San Francisco"}' },
          },
        ],
      },
      usage: {
        input_tokens: 26,
        output_tokens: 155,
        cache_read_tokens: 0,
        cache_write_tokens: 0,
        reasoning_tokens: 132,
        total_tokens: 181,
      },
      finish_reason: "tool_calls",
      raw_finish_reason: "STOP",
      id: "dqHOab6xGLzWodAPkPuViA4",
      model: "gemini-3.1-pro-preview",
    })
    expect(signatures("google-stream-tool-call-arguments")).toHaveLength(1)
    expect(completion).toEqual(google.fromResponse(joined("google-stream-tool-call-arguments")))
  })
})
