import type { TestServer } from "@pl/devtools/fixtures"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { mistral } from "../src/index.js"
import { FEATURE_BLUEPRINTS } from "./blueprints.js"
import { answeringServer, drain, sdkWireBody, specErrors } from "./helpers.js"

type Wire = Record<string, unknown> & { messages: Record<string, unknown>[] }

// What must be on the wire (snake_case, as the SDK renames it) for some features.
const WIRE_CHECKS: Record<string, (body: Wire) => void> = {
  "image_url chunks, by URL with detail and as data URL": (body) =>
    expect(body.messages[0]?.content).toMatchObject([
      { type: "text" },
      { type: "image_url", image_url: { url: "https://example.com/cat.png", detail: "high" } },
      { type: "image_url", image_url: expect.stringMatching(/^data:image\/png;base64,/) },
    ]),
  "media: image, PDF document (URL and base64) and audio": (body) =>
    expect(body.messages[0]?.content).toMatchObject([
      { type: "image_url", image_url: expect.stringMatching(/^data:image\/png;base64,iVBOR/) },
      { type: "document_url", document_url: "https://example.com/report.pdf", document_name: "report.pdf" },
      { type: "document_url", document_url: expect.stringMatching(/^data:application\/pdf;base64,JVBER/) },
      { type: "input_audio", input_audio: expect.stringMatching(/^SUQz/) },
      { type: "text" },
    ]),
  "thinking chunks with signature, replayed": (body) =>
    expect(body.messages[1]?.content).toEqual([
      {
        type: "thinking",
        thinking: [{ type: "text", text: "Basic arithmetic." }],
        signature: "c2lnbmF0dXJl",
      },
      { type: "text", text: "4" },
    ]),
  "tools, parallel tool calls and tool results with names": (body) => {
    expect(body.messages[1]?.tool_calls).toMatchObject([
      { id: "call00001", function: { name: "get_weather", arguments: '{"city":"Paris"}' } },
      { id: "call00002", function: { name: "get_time", arguments: "{}" } },
    ])
    expect(body.messages[2]).toEqual({
      role: "tool",
      tool_call_id: "call00001",
      name: "get_weather",
      content: '{"temp":21}',
    })
    expect(body.parallel_tool_calls).toBe(true)
    expect(body.tool_choice).toBe("auto")
  },
  "tool_choice any (Anthropic form, as a parameter)": (body) => expect(body.tool_choice).toBe("any"),
  "tool_choice named": (body) =>
    expect(body.tool_choice).toEqual({ type: "function", function: { name: "get_time" } }),
  "structured output (json_schema)": (body) =>
    expect(body.response_format).toEqual({
      type: "json_schema",
      json_schema: {
        name: "book",
        description: "A book",
        schema: { type: "object", properties: { title: { type: "string" } }, required: ["title"] },
        strict: true,
      },
    }),
  "prefix: the last assistant message": (body) =>
    expect(body.messages[1]).toEqual({ role: "assistant", content: "Autumn moonlight—", prefix: true }),
  "portable parameters, written for other providers": (body) =>
    expect(body).toMatchObject({
      temperature: 0.3,
      top_p: 0.9,
      max_tokens: 256,
      stop: ["\n\n"],
      random_seed: 7,
      frequency_penalty: 0.5,
      presence_penalty: 0.25,
    }),
  "native parameters": (body) =>
    expect(body).toMatchObject({
      safe_prompt: true,
      random_seed: 42,
      prompt_mode: "reasoning",
      reasoning_effort: "high",
      prediction: { type: "content", content: "Hello" },
      n: 2,
      prompt_cache_key: "conversation-7",
    }),
  "legacy functions and function results": (body) => {
    expect(body.messages[1]).toEqual({ role: "tool", name: "get_time", content: "14:00" })
    expect(body.tool_choice).toEqual({ type: "function", function: { name: "get_time" } })
  },
  "completion template": (body) =>
    expect(body.messages).toEqual([{ role: "user", content: "Once upon a time" }]),
}

describe("the body the real SDK sends for each feature is a valid ChatCompletionRequest", () => {
  let server: TestServer
  beforeAll(async () => {
    server = await answeringServer()
  })
  afterAll(() => server.close())

  for (const [name, blueprint] of Object.entries(FEATURE_BLUEPRINTS)) {
    for (const stream of [false, true]) {
      it(`${name}${stream ? ", streaming" : ""}`, async () => {
        const request = mistral.toRequest(blueprint, { stream })
        const answer = await mistral.send(request, { baseURL: server.url, apiKey: "test-key" })
        if (stream) await drain(answer as AsyncIterable<unknown>)
        const recorded = server.requests.at(-1)
        expect(recorded?.url).toBe("/v1/chat/completions")
        expect(recorded?.headers.authorization).toBe("Bearer test-key")
        const body = JSON.parse(recorded?.body ?? "null") as Wire
        expect(specErrors(body)).toEqual([])
        expect(body.stream).toBe(stream)
        // What the SDK's own outbound schema produces is what went out: the property tests rely on it.
        expect(body).toEqual(sdkWireBody(request))
        WIRE_CHECKS[name]?.(body)
      })
    }
  }

  it("rejects the SDK's camelCase form, so only the captured wire body can pass", () => {
    const request = mistral.toRequest(
      FEATURE_BLUEPRINTS["tools, parallel tool calls and tool results with names"]!,
    )
    expect(specErrors(JSON.parse(JSON.stringify(request)))).not.toEqual([])
  })
})
