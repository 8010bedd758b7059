/**
 * Every recorded Cohere fixture, replayed as the API serves it (JSON, or SSE with `event:` and `data:` lines)
 * by a local server to the real `cohere-ai` client through `cohere.send`.
 */
import type { Completion, PromptBlueprint, TextContent } from "@pl/blueprint"
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
import { type CohereChunk, type CohereResponse, cohere } from "../src/index.js"

const FOLDER = "cohere"
const fixtures = listFixtures(FOLDER)

const blueprint: PromptBlueprint = {
  prompt_template: {
    type: "chat",
    input_variables: [],
    messages: [{ role: "user", content: [{ type: "text", text: "What is the weather in San Francisco?" }] }],
    tools: [
      { type: "function", function: { name: "weather", parameters: { type: "object", properties: {} } } },
    ],
  },
  metadata: { model: { provider: "cohere", name: "command-a-03-2025" } },
}

let server: TestServer
beforeAll(async () => {
  server = await startServer((request, response) => {
    const name = String(request.headers["x-fixture"])
    if ((JSON.parse(request.body) as { stream?: boolean }).stream)
      sendSse(response, toSse(readChunkLines(FOLDER, name), { eventField: "type" }))
    else sendJson(response, readJsonFixture(FOLDER, name))
  })
})
afterAll(() => server.close())

const context = (name: string) => ({
  baseURL: server.url,
  apiKey: "test-key",
  headers: { "x-fixture": name },
})

async function stream(name: string): Promise<{ completion: Completion; events: CohereChunk[] }> {
  const iterable = (await cohere.send(
    cohere.toRequest(blueprint, { stream: true }),
    context(name),
  )) as AsyncIterable<CohereChunk>
  const acc = cohere.accumulator()
  const events: CohereChunk[] = []
  for await (const event of iterable) {
    events.push(event)
    acc.push(event)
  }
  return { completion: acc.result(), events }
}

/** What the recorded wire lines say, read without the adapter: text per content index, plan, arguments. */
function fromLines(name: string) {
  const text = new Map<number, string>()
  const args = new Map<number, string>()
  let plan = ""
  let end: Record<string, unknown> = {}
  for (const line of readChunkLines(FOLDER, name)) {
    const event = JSON.parse(line)
    const message = event.delta?.message
    if (event.type === "content-delta")
      text.set(
        event.index,
        (text.get(event.index) ?? "") + (message.content.text ?? message.content.thinking),
      )
    if (event.type === "tool-plan-delta") plan += message.tool_plan
    if (event.type === "tool-call-start") args.set(event.index, message.tool_calls.function.arguments)
    if (event.type === "tool-call-delta")
      args.set(event.index, (args.get(event.index) ?? "") + message.tool_calls.function.arguments)
    if (event.type === "message-end") end = event.delta
  }
  return { text: [...text.values()], plan, args: [...args.values()], end }
}

const textOf = (completion: Completion) =>
  (completion.message.content ?? []).map((part) =>
    part.type === "text" ? part.text : part.type === "thinking" ? part.thinking : "",
  )

describe("fixture replay through cohere-ai", () => {
  it("covers every fixture in the folder", () => {
    expect(fixtures.map((f) => f.name)).toEqual([
      "cohere-citations",
      "cohere-empty-tool-call",
      "cohere-reasoning",
      "cohere-text",
      "cohere-tool-call",
    ])
  })

  it.each(fixtures.filter((f) => f.hasJson).map((f) => f.name))(
    "%s.json: the SDK's response reads as the wire JSON does",
    async (name) => {
      const response = (await cohere.send(cohere.toRequest(blueprint), context(name))) as CohereResponse
      // The SDK hands back camelCase (`finishReason`), not the wire JSON: both must read the same.
      expect(response).toHaveProperty("finishReason")
      expect(cohere.fromResponse(response)).toEqual(
        cohere.fromResponse(readJsonFixture(FOLDER, name) as CohereResponse),
      )
    },
  )

  it.each(fixtures.filter((f) => f.hasChunks).map((f) => f.name))(
    "%s: the streamed text equals the concatenated deltas",
    async (name) => {
      const { completion, events } = await stream(name)
      const lines = fromLines(name)
      expect(events).toHaveLength(readChunkLines(FOLDER, name).length)
      expect(textOf(completion)).toEqual([...lines.text, ...(lines.plan ? [lines.plan] : [])])
      // A call streamed without arguments ends as "{}" (what the non-streaming API sends for it).
      expect((completion.message.tool_calls ?? []).map((c) => c.function.arguments)).toEqual(
        lines.args.map((args) => args || "{}"),
      )
      const usage = lines.end.usage as { tokens: Record<string, number>; cached_tokens: number }
      expect(completion.usage).toMatchObject({
        input_tokens: usage.tokens.input_tokens,
        output_tokens: usage.tokens.output_tokens,
        cache_read_tokens: usage.cached_tokens,
      })
      expect(completion.raw_finish_reason).toBe(lines.end.finish_reason)
    },
  )

  it("cohere-text: the stream ends as the non-streaming response does", async () => {
    const { completion } = await stream("cohere-text")
    const expected = cohere.fromResponse(readJsonFixture(FOLDER, "cohere-text") as CohereResponse)
    // Two recordings of the same call: everything but the response id agrees.
    expect({ ...completion, id: expected.id }).toEqual(expected)
    expect(completion.id).toBe("321d178c-2c12-44d3-ae42-2f5510f6b1cc")
  })

  it("cohere-reasoning: thinking then text, as in the non-streaming response", async () => {
    const { completion } = await stream("cohere-reasoning")
    const expected = cohere.fromResponse(readJsonFixture(FOLDER, "cohere-reasoning") as CohereResponse)
    // Separate recordings: the model's words and token counts differ, the shape and finish reason do not.
    const shape = (c: Completion) => [
      c.finish_reason,
      c.raw_finish_reason,
      (c.message.content ?? []).map((p) => p.type),
    ]
    expect(shape(completion)).toEqual(shape(expected))
    expect(shape(completion)).toEqual(["stop", "COMPLETE", ["thinking", "text"]])
    expect(textOf(completion)[1]).toBe("The answer to 2 + 2 is 4.")
  })

  it("cohere-tool-call: plan then two parallel calls, as in the non-streaming response", async () => {
    const { completion } = await stream("cohere-tool-call")
    const expected = cohere.fromResponse(readJsonFixture(FOLDER, "cohere-tool-call") as CohereResponse)
    // Separate recordings: call ids, the plan's wording, token counts and the spacing inside the arguments
    // differ; names and parsed arguments agree.
    const calls = (c: Completion) =>
      c.message.tool_calls?.map((call) => [call.function.name, JSON.parse(call.function.arguments)])
    expect(calls(completion)).toEqual(calls(expected))
    expect(calls(completion)).toEqual([
      ["weather", { location: "San Francisco" }],
      ["cityAttractions", { city: "San Francisco" }],
    ])
    expect(completion.message.tool_calls?.map((c) => c.id)).toEqual([
      "weather_e8p4pn45zt0t",
      "cityAttractions_pyxssbwnq9fq",
    ])
    expect((completion.message.content ?? []).map((p) => p.type)).toEqual(["text"])
    expect(completion).toMatchObject({ finish_reason: "tool_calls", raw_finish_reason: "TOOL_CALL" })
  })

  it("cohere-empty-tool-call: a call without arguments ends with {}", async () => {
    const { completion } = await stream("cohere-empty-tool-call")
    expect(completion.message.tool_calls).toEqual([
      {
        id: "currentTime_y46ar19t5gvw",
        type: "function",
        function: { name: "currentTime", arguments: "{}" },
      },
    ])
    expect(completion.usage).toEqual({
      input_tokens: 1445,
      output_tokens: 43,
      cache_read_tokens: 704,
      cache_write_tokens: 0,
      reasoning_tokens: 0,
      total_tokens: 1488,
    })
  })

  it("cohere-citations.json: citations arrive as annotations through the SDK", async () => {
    const response = (await cohere.send(
      cohere.toRequest(blueprint),
      context("cohere-citations"),
    )) as CohereResponse
    const [part] = cohere.fromResponse(response).message.content ?? []
    expect((part as TextContent).annotations?.map((a) => a.cited_text)).toEqual([
      "Automation of tasks",
      "Better decision-making",
      "Cost reduction",
    ])
  })
})
