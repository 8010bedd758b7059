/**
 * The most reported bug with Gemini: a thought signature lost between turns. Here a conversation goes
 * through three real turns against recorded answers (local server, real SDK): each answer is accumulated
 * into the blueprint, the blueprint is stored as JSON and parsed back (as PromptLayer logs it), and the
 * next request the SDK sends must carry every signature on the part it came with.
 */
import type { GenerateContentResponse } from "@google/genai"
import { type AssistantMessage, type PromptBlueprint, parseBlueprint } from "@pl/blueprint"
import {
  readChunkLines,
  readChunks,
  readJsonFixture,
  sendJson,
  sendSse,
  startServer,
  type TestServer,
  toSse,
} from "@pl/devtools/fixtures"
import { afterAll, beforeAll, expect, it } from "vitest"
import { google } from "../src/index.js"
import { protoErrors } from "./proto-json.js"

// A thinking answer: thought summary with a signature, then text (no fixture has thought parts).
const thinkingChunks = [
  {
    candidates: [
      { index: 0, content: { role: "model", parts: [{ text: "Weather is known; ", thought: true }] } },
    ],
    responseId: "t3",
  },
  {
    candidates: [
      {
        index: 0,
        content: {
          role: "model",
          parts: [{ text: "answer briefly.", thought: true, thoughtSignature: "VGhvdWdodFNpZw==" }],
        },
      },
    ],
  },
  {
    candidates: [
      { index: 0, content: { role: "model", parts: [{ text: "Pack an umbrella." }] }, finishReason: "STOP" },
    ],
  },
].map((chunk) => JSON.stringify(chunk))

let server: TestServer
const answers: string[] = []
beforeAll(async () => {
  // Each request gets the next recorded answer.
  server = await startServer((request, response) => {
    const next = answers.shift()!
    if (request.url.includes(":streamGenerateContent")) return sendSse(response, next)
    return sendJson(response, JSON.parse(next))
  })
})
afterAll(() => server.close())

const sentBody = () =>
  JSON.parse(server.requests.at(-1)!.body) as {
    contents: { role: string; parts: Record<string, unknown>[] }[]
  }

async function turn(blueprint: PromptBlueprint, stream: boolean): Promise<AssistantMessage> {
  const request = google.toRequest(blueprint, { stream })
  const response = await google.send!(request, { apiKey: "k", baseURL: server.url })
  expect(protoErrors("GenerateContentRequest", sentBody())).toEqual([])
  if (!stream) return google.fromResponse(response as GenerateContentResponse).message
  const accumulator = google.accumulator()
  for await (const chunk of response as AsyncIterable<GenerateContentResponse>) accumulator.push(chunk)
  return accumulator.result().message
}

// Stored as JSON and parsed back, the way a logged blueprint comes back from PromptLayer.
const stored = (blueprint: PromptBlueprint) => parseBlueprint(JSON.parse(JSON.stringify(blueprint)))

it("replays every thought signature in the next turns: function call, text and thought parts", async () => {
  const callSignature = (readChunks("google", "google-tool-call-gemini3")[0] as GenerateContentResponse)
    .candidates![0]!.content!.parts![0]!.thoughtSignature!
  const textSignature = (readJsonFixture("google", "google-text") as GenerateContentResponse).candidates![0]!
    .content!.parts![0]!.thoughtSignature!
  answers.push(
    toSse(readChunkLines("google", "google-tool-call-gemini3")),
    JSON.stringify(readJsonFixture("google", "google-text")),
    toSse(thinkingChunks),
  )

  let blueprint: PromptBlueprint = {
    prompt_template: {
      type: "chat",
      messages: [{ role: "user", content: [{ type: "text", text: "Weather in San Francisco?" }] }],
      tools: [
        {
          type: "function",
          function: {
            name: "weather",
            parameters: {
              type: "object",
              properties: { location: { type: "string" } },
              required: ["location"],
            },
          },
        },
      ],
    },
    metadata: { model: { provider: "google", name: "gemini-3-pro-preview" } },
  }
  const messages = () => (blueprint.prompt_template as { messages: unknown[] }).messages

  // Turn 1 (streamed): a function call with a signature and no id.
  const first = await turn(blueprint, true)
  const call = first.tool_calls![0]!
  messages().push(first, {
    role: "tool",
    tool_call_id: call.id,
    content: [{ type: "text", text: '{"temp_c":14,"rain":true}' }],
  })
  blueprint = stored(blueprint)

  // Turn 2: the call goes back as Gemini sent it, signature included, answered by name.
  const second = await turn(blueprint, false)
  expect(sentBody().contents.slice(1)).toEqual([
    {
      role: "model",
      parts: [
        {
          functionCall: { name: "weather", args: { location: "San Francisco" } },
          thoughtSignature: callSignature,
        },
      ],
    },
    {
      role: "user",
      parts: [{ functionResponse: { name: "weather", response: { temp_c: 14, rain: true } } }],
    },
  ])
  messages().push(second, { role: "user", content: [{ type: "text", text: "Should I take an umbrella?" }] })
  blueprint = stored(blueprint)

  // Turn 3 (streamed): the text answer's signature is replayed on its text part; the earlier call's too.
  const third = await turn(blueprint, true)
  const contents = sentBody().contents
  expect(contents[1]!.parts[0]!.thoughtSignature).toBe(callSignature)
  expect(contents[3]).toEqual({
    role: "model",
    parts: [{ text: (second.content![0] as { text: string }).text, thoughtSignature: textSignature }],
  })
  messages().push(third, { role: "user", content: [{ type: "text", text: "Thanks" }] })
  blueprint = stored(blueprint)

  // Turn 4: the thought part and its signature go back as a thought part.
  answers.push(JSON.stringify(readJsonFixture("google", "google-text")))
  await turn(blueprint, false)
  expect(sentBody().contents[5]).toEqual({
    role: "model",
    parts: [
      { text: "Weather is known; answer briefly.", thought: true, thoughtSignature: "VGhvdWdodFNpZw==" },
      { text: "Pack an umbrella." },
    ],
  })
  expect(sentBody().contents.map((c) => c.parts.filter((p) => p.thoughtSignature).length)).toEqual([
    0, 1, 0, 1, 0, 1, 0,
  ])
})
