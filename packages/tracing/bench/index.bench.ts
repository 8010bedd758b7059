/**
 * `pnpm bench`: what tracing costs a `run()`. A cached template, a local stub provider (the recorded
 * OpenAI response) and a local PromptLayer stub for logging; the same client setup untraced (spans are
 * OpenTelemetry no-ops) and traced (spans batched and exported over OTLP/HTTP protobuf to a local
 * receiver, in this process). Target: traced ≤ 1.05× untraced.
 */
import { once } from "node:events"
import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import { PromptLayer } from "@pl/client"
import { runAsyncBenchmarks } from "@pl/devtools/bench"
import { readJsonFixture, sendJson, startServer } from "@pl/devtools/fixtures"
import OpenAI from "openai"
import { startPromptLayerStub } from "../../client/test/support/promptlayer-stub.js"
import { setupTracing, traceable } from "../src/node.js"

const completion = readJsonFixture("openai-chat", "openai-text")
const provider = await startServer((_request, response) => sendJson(response, completion))
const promptlayer = await startPromptLayerStub()

// An OTLP receiver that takes the bytes and answers 200, as a Collector would.
let exported = 0
const receiver = createServer((request, response) => {
  request.on("data", (chunk: Buffer) => {
    exported += chunk.length
  })
  request.on("end", () => response.writeHead(200, { "content-type": "application/x-protobuf" }).end())
})
receiver.listen(0, "127.0.0.1")
await once(receiver, "listening")
const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`

const prompt_template = {
  type: "chat" as const,
  messages: [
    {
      role: "system" as const,
      content: [{ type: "text" as const, text: "You are a support agent for {product}." }],
    },
    { role: "user" as const, content: [{ type: "text" as const, text: "{question}" }] },
  ],
}
const metadata = { model: { provider: "openai", name: "gpt-4.1-nano", parameters: { temperature: 0.2 } } }
promptlayer.addPrompt("support", [{ prompt_template, metadata, commit_message: null }])

const sdk = new OpenAI({ apiKey: "sk-bench", baseURL: `${provider.url}/v1`, maxRetries: 0 })
const tracing = setupTracing({ endpoint: `${receiverUrl}/v1/traces`, serviceName: "bench" })
const tracingJson = setupTracing({ endpoint: `${receiverUrl}/v1/traces`, protocol: "http/json" })
const common = {
  apiKey: promptlayer.apiKey,
  baseURL: promptlayer.url,
  cacheTtlSeconds: 3600,
  env: { OPENAI_API_KEY: "sk-bench" },
  providerBaseUrls: { openai: `${provider.url}/v1` },
  providerOptions: { openai: { client: sdk } },
  logger: { debug() {}, warn: (m: string) => console.warn(m) },
}
const untraced = new PromptLayer(common)
const traced = new PromptLayer({ ...common, tracerProvider: tracing.tracerProvider })
const tracedJson = new PromptLayer({ ...common, tracerProvider: tracingJson.tracerProvider })
const tracedWithContent = new PromptLayer({
  ...common,
  tracerProvider: tracing.tracerProvider,
  captureContent: true,
})
const params = {
  promptName: "support",
  inputVariables: { product: "Acme", question: "How do I reset my password?" },
}
const answer = traceable(
  (question: string) => traced.run({ ...params, inputVariables: { ...params.inputVariables, question } }),
  {
    name: "answer",
  },
)

await runAsyncBenchmarks(
  "@pl/tracing: run() traced vs untraced, against a local stub provider",
  { label: "the same run(), untraced (no-op spans)", run: () => untraced.run(params) },
  [
    {
      name: "run(), traced: 3 spans batched and exported over OTLP/HTTP protobuf",
      ours: () => traced.run(params),
      bar: { max: 1.05 },
    },
    {
      name: "run(), traced, exported as OTLP/JSON instead",
      ours: () => tracedJson.run(params),
    },
    {
      name: "run(), traced with captureContent (messages as JSON on the LLM span)",
      ours: () => tracedWithContent.run(params),
    },
    {
      name: "traceable(fn) around a traced run(): 4 spans, input and output serialised",
      ours: () => answer("How do I reset my password?"),
    },
  ],
)
await tracing.forceFlush()
console.log(`\nexported ${(exported / 1024).toFixed(0)} KB of OTLP protobuf to the local receiver`)

await tracing.shutdown()
await tracingJson.shutdown()
await provider.close()
await promptlayer.close()
receiver.close()
