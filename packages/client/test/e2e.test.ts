/**
 * End to end: run() through the Node entry (adapters loaded with import()), the real adapters and the
 * real provider SDKs, against local servers replaying recorded provider responses, with templates and
 * logs on the local PromptLayer API stub. Streamed and not, for every provider.
 */
import { type AssistantMessage, type ChatTemplate, isKnownContent } from "@pl/blueprint"
import {
  readChunkLines,
  readChunks,
  readJsonFixture,
  startServer,
  type TestServer,
  toSse,
} from "@pl/devtools/fixtures"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { loadAdapter } from "../src/load-adapter.js"
import { PROVIDERS, PromptLayer, type RunResult, resolveProviderId } from "../src/node.js"
import { type PromptLayerStub, startPromptLayerStub } from "./support/promptlayer-stub.js"
import { PROVIDER_CASES, type ProviderCase } from "./support/provider-stubs.js"

let promptlayer: PromptLayerStub
beforeAll(async () => {
  promptlayer = await startPromptLayerStub()
})
afterAll(() => promptlayer.close())

const reply = (result: RunResult) =>
  (result.prompt_blueprint.prompt_template as ChatTemplate).messages.at(-1) as AssistantMessage
const textOf = (message: AssistantMessage) =>
  (message.content ?? []).map((p) => (isKnownContent(p) && p.type === "text" ? p.text : "")).join("")

const KEY = "sk-e2e-LEAKCHECK"

const warnings: string[] = []

async function setupCase(c: ProviderCase) {
  let stream = false
  const server: TestServer = await startServer((request, response) => {
    stream =
      /stream|alt=sse/.test(request.url) ||
      (request.body.includes('"stream":true') && !request.url.includes("/converse"))
    c.answer(request, response, stream)
  })
  const name = `e2e-${c.provider}-${c.apiType ?? "default"}`
  promptlayer.addPrompt(name, [
    {
      prompt_template: {
        type: "chat",
        messages: [
          { role: "system", content: [{ type: "text", text: "Answer briefly." }] },
          { role: "user", content: [{ type: "text", text: "Tell me about {topic}." }] },
        ],
        input_variables: ["topic"],
      },
      metadata: {
        model: {
          provider: c.provider,
          name: c.model,
          parameters: { max_tokens: 300 },
          ...(c.apiType ? { api_type: c.apiType } : {}),
        },
      },
      commit_message: null,
    },
  ])
  const pl = new PromptLayer({
    apiKey: promptlayer.apiKey,
    baseURL: promptlayer.url,
    env: c.keyEnv ? { [c.keyEnv]: `${KEY}-${c.provider}` } : {},
    providerBaseUrls: { [c.provider]: c.baseURL(server.url) },
    providerOptions: { [c.provider]: { maxRetries: 0, ...c.sendOptions } },
    logger: { debug() {}, warn: (message) => warnings.push(message) },
  })
  return { pl, server, name }
}

describe.each(PROVIDER_CASES)("run() on $provider $apiType", (c) => {
  const id = resolveProviderId(c.provider, c.apiType)

  it("answers as the adapter parses the recorded response, and logs it", async () => {
    const { pl, server, name } = await setupCase(c)
    try {
      const logsBefore = promptlayer.logs.length
      const result = await pl.run({ promptName: name, inputVariables: { topic: "tides" }, tags: ["e2e"] })
      const adapter = await loadAdapter(id)
      const expected = adapter.fromResponse(readJsonFixture(c.folder, c.fixture)).message
      expect(textOf(reply(result)).length).toBeGreaterThan(0)
      expect(reply(result)).toEqual(expected)
      expect(result.request_id).toBeTypeOf("number")
      expect(server.requests).toHaveLength(1)
      expect(server.requests[0]?.url).toMatch(c.path)
      expect(server.requests[0]?.body).toContain("Tell me about tides.")
      const log = promptlayer.logs[logsBefore]
      expect(log).toMatchObject({
        provider: c.provider,
        model: c.model,
        status: "SUCCESS",
        function_name: PROVIDERS[id].functionName,
        prompt_name: name,
        prompt_input_variables: { topic: "tides" },
        output: { type: "chat", messages: [expected] },
      })
      expect(log?.input_tokens).toBeGreaterThan(0)
    } finally {
      await server.close()
    }
  })

  it("streams one growing blueprint per chunk, request_id on the last", async () => {
    const { pl, server, name } = await setupCase(c)
    try {
      const logsBefore = promptlayer.logs.length
      const items: RunResult[] = []
      for await (const item of await pl.run({
        promptName: name,
        inputVariables: { topic: "tides" },
        stream: true,
      }))
        items.push(item)
      expect(server.requests).toHaveLength(1)
      expect(server.requests[0]?.url).toMatch(c.streamPath)
      const expectedText = c.streamedText(readChunks(c.folder, c.fixture))
      expect(expectedText.length).toBeGreaterThan(0)
      expect(items.length).toBeGreaterThan(2)
      const texts = items.map((item) => textOf(reply(item)))
      for (let i = 1; i < texts.length; i++) expect(texts[i]!.startsWith(texts[i - 1]!)).toBe(true)
      expect(texts.at(-1)).toBe(expectedText)
      expect(items.slice(0, -1).every((item) => item.request_id === null)).toBe(true)
      expect(items.at(-1)?.request_id).toBeTypeOf("number")
      expect(promptlayer.logs[logsBefore]).toMatchObject({
        status: "SUCCESS",
        output: { messages: [{ role: "assistant" }] },
      })
      expect(
        textOf((promptlayer.logs[logsBefore]!.output as ChatTemplate).messages[0] as AssistantMessage),
      ).toBe(expectedText)
    } finally {
      await server.close()
    }
  })
})

describe("end to end, every provider", () => {
  it("warned about nothing", () => {
    expect(warnings).toEqual([])
  })

  it("never sent a provider key or credential to PromptLayer", () => {
    const sent = promptlayer.requests.map((r) => JSON.stringify(r.headers) + r.body).join("\n")
    expect(promptlayer.logs.length).toBeGreaterThanOrEqual(PROVIDER_CASES.length * 2)
    expect(sent).not.toContain("LEAKCHECK")
    expect(sent).not.toContain("AKIDLOCALTEST")
  })
})

describe("a provider stream cut mid-way, through the real SDK", () => {
  it.each(PROVIDER_CASES.filter((c) => c.provider === "openai" || c.provider === "anthropic").slice(0, 3))(
    "keeps and logs what arrived from $provider $apiType, then throws",
    async (c) => {
      const { pl, server, name } = await setupCase({
        ...c,
        answer: (_request, response) => {
          // Half the recorded events, then the connection drops.
          const lines = readChunkLines(c.folder, c.fixture)
          const half = lines.slice(0, Math.floor(lines.length / 2))
          response.writeHead(200, { "content-type": "text/event-stream" })
          response.write(toSse(half, c.provider === "anthropic" ? { eventField: "type" } : {}))
          setTimeout(() => response.socket?.destroy(), 20)
        },
      })
      try {
        const logsBefore = promptlayer.logs.length
        const items: RunResult[] = []
        const error = await (async () => {
          for await (const item of await pl.run({
            promptName: name,
            inputVariables: { topic: "tides" },
            stream: true,
          }))
            items.push(item)
        })().catch((e: unknown) => e)
        expect(error).toBeInstanceOf(Error)
        const half = readChunks(c.folder, c.fixture).slice(
          0,
          Math.floor(readChunkLines(c.folder, c.fixture).length / 2),
        )
        const arrived = c.streamedText(half)
        expect(arrived.length).toBeGreaterThan(0)
        expect(textOf(reply(items.at(-1)!))).toBe(arrived)
        expect(items.at(-1)?.request_id).toBeTypeOf("number")
        const log = promptlayer.logs[logsBefore]
        expect(log).toMatchObject({ status: "ERROR", error_type: "PROVIDER_PARTIAL_RESPONSE" })
        expect(textOf((log!.output as ChatTemplate).messages[0] as AssistantMessage)).toBe(arrived)
      } finally {
        await server.close()
      }
    },
  )
})
