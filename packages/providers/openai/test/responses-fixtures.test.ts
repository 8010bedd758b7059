/**
 * Every recorded Responses API fixture, served by a local HTTP server to the real `openai` SDK through
 * `openaiResponses.send`; streams go through the accumulator.
 */
import type { Completion, Content } from "@pl/blueprint"
import { listFixtures, readChunks, readJsonFixture } from "@pl/devtools/fixtures"
import { APIError, RateLimitError } from "openai"
import type { Response, ResponseStreamEvent } from "openai/resources/responses/responses"
import { describe, expect, it } from "vitest"
import { openaiResponses } from "../src/index.js"
import { chatBlueprint, user } from "./blueprints.js"
import { drain, replay, shapeOf } from "./replay.js"
import { responsesSpecErrors } from "./spec.js"

const FOLDER = "openai-responses"
const fixtures = listFixtures(FOLDER)
/** `openai-error.1` records a failure: a 429 body, and a stream that ends in an `error` event. */
const ERROR = "openai-error.1"

async function stream(name: string) {
  const request = openaiResponses.toRequest(chatBlueprint([user("Hi")]), { stream: true })
  const acc = openaiResponses.accumulator()
  const chunks: ResponseStreamEvent[] = []
  const { request: sent } = await replay(FOLDER, name, async (baseURL) => {
    const events = (await openaiResponses.send(request, {
      baseURL,
      apiKey: "test",
    })) as AsyncIterable<ResponseStreamEvent>
    chunks.push(...(await drain(events, acc)))
  })
  return { request, sent, chunks, completion: acc.result() }
}

function events(name: string): ResponseStreamEvent[] {
  return readChunks(FOLDER, name) as ResponseStreamEvent[]
}

/** The final response of each `response.completed` event in a recorded stream. */
function completedResponses(name: string): Response[] {
  return events(name).flatMap((e) => (e.type === "response.completed" ? [e.response] : []))
}

/** What the deltas of one kind of event add up to, computed from the recorded events themselves. */
function joinDeltas(name: string, type: ResponseStreamEvent["type"]): string {
  let text = ""
  for (const e of events(name)) if (e.type === type && "delta" in e) text += e.delta
  return text
}

function joinParts(completion: Completion, type: "text" | "thinking"): string {
  let text = ""
  for (const part of completion.message.content ?? [])
    if (part.type === type)
      text += type === "text" ? (part as { text: string }).text : (part as { thinking: string }).thinking
  return text
}

describe("Responses API fixtures through the openai SDK", () => {
  it.each(fixtures.filter((f) => f.hasChunks && f.name !== ERROR))(
    "streams $name: the SDK sends our request and yields every event; text equals the deltas",
    async ({ name }) => {
      const { request, sent, chunks, completion } = await stream(name)
      expect(sent.url).toBe("/responses")
      expect(JSON.parse(sent.body)).toEqual(request)
      expect(responsesSpecErrors(JSON.parse(sent.body))).toEqual([])
      expect(chunks).toEqual(events(name))
      expect(joinParts(completion, "text")).toBe(joinDeltas(name, "response.output_text.delta"))
      expect(joinParts(completion, "thinking")).toBe(
        joinDeltas(name, "response.reasoning_summary_text.delta"),
      )
    },
  )

  it.each(fixtures.filter((f) => f.hasChunks && f.name !== ERROR && completedResponses(f.name).length === 1))(
    "accumulates $name into exactly fromResponse of the stream's completed response",
    async ({ name }) => {
      const { completion } = await stream(name)
      expect(completion).toEqual(openaiResponses.fromResponse(completedResponses(name)[0]!))
    },
  )

  it.each(fixtures.filter((f) => f.hasJson && f.name !== ERROR))(
    "answers $name without streaming: fromResponse of what the SDK returns",
    async ({ name }) => {
      const request = openaiResponses.toRequest(chatBlueprint([user("Hi")]))
      const { result } = await replay(FOLDER, name, (baseURL) =>
        openaiResponses.send(request, { baseURL, apiKey: "test" }),
      )
      const recorded = readJsonFixture(FOLDER, name) as Response
      // The SDK adds `output_text`, a convenience it computes; everything else is the body as sent.
      expect(result).toEqual({ ...recorded, output_text: expect.any(String) })
      expect(openaiResponses.fromResponse(result as Response)).toEqual(openaiResponses.fromResponse(recorded))
    },
  )

  it.each(fixtures.filter((f) => f.hasJson && f.hasChunks && f.name !== ERROR))(
    "accumulates $name into the shape fromResponse gives its recorded response",
    async ({ name }) => {
      // The stream and the .json are two recordings (ids, texts and token counts differ). The reasoning
      // one records a four-step tool loop in its stream and only a last step, which calls no tool, in its
      // .json: its tools are left out of the comparison.
      const { completion } = await stream(name)
      const streamed = shapeOf(completion)
      const json = shapeOf(openaiResponses.fromResponse(readJsonFixture(FOLDER, name) as Response))
      if (completedResponses(name).length > 1) expect({ ...streamed, tools: undefined }).toEqual(json)
      else expect(streamed).toEqual(json)
    },
  )

  it("azure-tool-call: function call arguments joined from deltas, usage, tool_calls finish", async () => {
    const { completion } = await stream("azure-tool-call.1")
    expect(completion).toEqual({
      message: {
        role: "assistant",
        content: [],
        tool_calls: [
          {
            id: "call_H5DxLSFnsGhiROnUiDHmgyc8",
            type: "function",
            function: { name: "weather", arguments: '{"location":"San Francisco"}' },
          },
        ],
      },
      id: "resp_04041325ab8ae30400698c519fb7fc81979972618138fc336d",
      model: "gpt-5.1",
      usage: {
        input_tokens: 45,
        output_tokens: 24,
        cache_read_tokens: 0,
        cache_write_tokens: 0,
        reasoning_tokens: 0,
        total_tokens: 69,
      },
      finish_reason: "tool_calls",
      raw_finish_reason: "completed",
    })
  })

  it("openai-custom-tool: a custom tool call, kept as received, its input joined from deltas", async () => {
    const { completion } = await stream("openai-custom-tool.1")
    expect(completion.message.content).toEqual([
      {
        type: "custom_tool_call",
        id: "ct_abc123def456",
        call_id: "call_custom_sql_001",
        name: "write_sql",
        input: "SELECT * FROM users WHERE age > 25",
        status: "completed",
      },
    ])
    expect(completion).toMatchObject({ finish_reason: "tool_calls", raw_finish_reason: "completed" })
    // This fixture's stream and .json are the same recording.
    expect(completion).toEqual(
      openaiResponses.fromResponse(readJsonFixture(FOLDER, "openai-custom-tool.1") as Response),
    )
  })

  it("openai-reasoning-encrypted-content: four spliced responses keep every item; the signature is the final one", async () => {
    const { completion } = await stream("openai-reasoning-encrypted-content.1")
    const doneReasoning = events("openai-reasoning-encrypted-content.1").find(
      (e) => e.type === "response.output_item.done" && e.item.type === "reasoning",
    )
    const encrypted =
      doneReasoning?.type === "response.output_item.done" && doneReasoning.item.type === "reasoning"
        ? doneReasoning.item.encrypted_content
        : undefined
    expect(encrypted).toMatch(/^gAAAAA/)
    const thinking = completion.message.content?.[0] as Content & { signature?: string; id?: string }
    expect(thinking).toMatchObject({
      type: "thinking",
      id: "rs_01830d662ab3856501693c321405c88190be3ab04d5782d5f9",
    })
    // `output_item.added` carries a shorter, incomplete encrypted_content; `done` the one to replay.
    const added = events("openai-reasoning-encrypted-content.1").find(
      (e) => e.type === "response.output_item.added" && e.item.type === "reasoning",
    )
    const early =
      added?.type === "response.output_item.added" && added.item.type === "reasoning"
        ? added.item.encrypted_content
        : ""
    expect(early?.length).toBeLessThan(encrypted?.length ?? 0)
    expect(thinking.signature).toBe(encrypted)
    expect(thinking).toMatchObject({ thinking: expect.stringMatching(/^\*\*Calculating step-by-step/) })
    expect(completion.message.content?.[1]).toEqual({
      type: "text",
      text: "The final result is **570**.",
      id: "msg_01830d662ab3856501693c32183a488190a612c410a0a39823",
    })
    expect(completion.message.tool_calls?.map((call) => call.function.arguments)).toEqual([
      '{"a":12,"b":7,"op":"add"}',
      '{"a":19,"b":3,"op":"multiply"}',
      '{"a":57,"b":10,"op":"multiply"}',
    ])
    // Id, model, usage and finish reason are the last response's.
    expect(completion).toMatchObject({
      id: "resp_01830d662ab3856501693c3217ba4c8190a3ddf6c839d4f12a",
      model: "gpt-5.1-codex-max",
      usage: { input_tokens: 299, output_tokens: 12, total_tokens: 311 },
      finish_reason: "stop",
    })
    // The accumulation is the responses' outputs one after the other. OpenAI encrypts the reasoning afresh
    // in every payload, so the copy in `response.completed` differs byte-wise from the `output_item.done`
    // one kept here (OpenAI says to replay the latter): signatures are compared by presence.
    const each = completedResponses("openai-reasoning-encrypted-content.1").map((r) =>
      openaiResponses.fromResponse(r),
    )
    const signed = (parts: Content[]) =>
      parts.map((p) => ("signature" in p ? { ...p, signature: expect.stringMatching(/^gAAAAA/) } : p))
    expect(completion.message.content).toEqual(signed(each.flatMap((c) => c.message.content ?? [])))
    expect(completion.message.tool_calls).toEqual(each.flatMap((c) => c.message.tool_calls ?? []))
  })

  it("openai-web-search-tool: web search calls as server_tool_use, url citations, cached and reasoning tokens", async () => {
    const { completion } = await stream("openai-web-search-tool.1")
    const searches = completion.message.content?.filter((p) => p.type === "server_tool_use") ?? []
    expect(searches).toHaveLength(6)
    expect(searches[0]).toMatchObject({
      name: "web_search",
      id: "ws_0cc96ac817fdc57e006933370e71cc81989ece73cbdfe67d25",
      input: { type: "search", query: "tech news today December 5 2025" },
      status: "completed",
    })
    const text = completion.message.content?.find((p) => p.type === "text") as { annotations?: unknown[] }
    expect(text.annotations).toHaveLength(12)
    expect(text.annotations?.[0]).toEqual({
      type: "url_citation",
      start_index: 277,
      end_index: 411,
      title: "Petco confirms security lapse exposed customers’ personal data | TechCrunch",
      url: "https://techcrunch.com/2025/12/05/petco-confirms-security-lapse-exposed-customers-personal-data/?utm_source=openai",
    })
    expect(completion.usage).toEqual({
      input_tokens: 31073,
      output_tokens: 4416,
      cache_read_tokens: 3712,
      cache_write_tokens: 0,
      reasoning_tokens: 3712,
      total_tokens: 35489,
    })
  })

  it("openai-error: the stream's error event surfaces as the SDK's APIError; what arrived is kept", async () => {
    const request = openaiResponses.toRequest(chatBlueprint([user("Hi")]), { stream: true })
    const acc = openaiResponses.accumulator()
    const failure = replay(FOLDER, ERROR, async (baseURL) =>
      drain(
        (await openaiResponses.send(request, {
          baseURL,
          apiKey: "test",
        })) as AsyncIterable<ResponseStreamEvent>,
        acc,
      ),
    )
    await expect(failure).rejects.toThrow(APIError)
    await expect(failure).rejects.toThrow(/exceeded your current quota/)
    expect(acc.result()).toEqual({
      message: { role: "assistant", content: [] },
      id: "resp_05500b38c2cd9bfc00691c7c9d222481a3b595421266dab424",
      model: "gpt-5-nano-2025-08-07",
    })
  })

  it("openai-error: the 429 body surfaces as the SDK's RateLimitError with OpenAI's code", async () => {
    const request = openaiResponses.toRequest(chatBlueprint([user("Hi")]))
    const failure = replay(
      FOLDER,
      ERROR,
      (baseURL) => openaiResponses.send(request, { baseURL, apiKey: "test", maxRetries: 0 }),
      429,
    )
    await expect(failure).rejects.toThrow(RateLimitError)
    await expect(failure).rejects.toMatchObject({ status: 429, code: "insufficient_quota" })
  })

  it("openai-error: fed without the SDK, the error event ends the completion with the error reason", () => {
    const acc = openaiResponses.accumulator()
    for (const event of events(ERROR)) acc.push(event)
    expect(acc.result()).toMatchObject({ finish_reason: "error", raw_finish_reason: "failed" })
  })
})
