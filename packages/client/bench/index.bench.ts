/**
 * `pnpm bench`: run() with a cached template against a local stub provider, vs a direct SDK call to the
 * same stub (bar ≤ 1.2×, BARS.md), with the SDK client the adapter builds and with one passed in; run()
 * logged to a PromptLayer API stub; the same call through `pl.wrap()`'s proxy, vs the direct call; and the
 * cold `import("@pl/client")` of the built package in a fresh Node process, vs `node -e 0`.
 */
import { execFileSync } from "node:child_process"
import { mkdtemp, rm } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
// The built package, as users install it (the bench script builds it first).
import { PromptLayer } from "@pl/client"
import { LocalRegistry } from "@pl/client/local"
import { formatMs, median, printRows, runAsyncBenchmarks } from "@pl/devtools/bench"
import { readJsonFixture, sendJson, startServer } from "@pl/devtools/fixtures"
import OpenAI from "openai"
import { startPromptLayerStub } from "../test/support/promptlayer-stub.js"

const completion = readJsonFixture("openai-chat", "openai-text")
const provider = await startServer((_request, response) => sendJson(response, completion))
const directory = await mkdtemp(join(tmpdir(), "pl-bench-"))
const promptlayer = await startPromptLayerStub()

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
const local = new LocalRegistry({ directory })
await local.publishTemplate({ prompt_name: "support", prompt_template, metadata })
promptlayer.addPrompt("support", [{ prompt_template, metadata, commit_message: null }])

const sdk = new OpenAI({ apiKey: "sk-bench", baseURL: `${provider.url}/v1`, maxRetries: 0 })
const common = {
  cacheTtlSeconds: 3600,
  env: { OPENAI_API_KEY: "sk-bench" },
  providerBaseUrls: { openai: `${provider.url}/v1` },
  logger: { debug() {}, warn: (m: string) => console.warn(m) },
}
const withLocal = new PromptLayer({ ...common, registry: local })
const withLocalSharedClient = new PromptLayer({
  ...common,
  registry: local,
  providerOptions: { openai: { client: sdk } },
})
const withHttp = new PromptLayer({
  ...common,
  apiKey: promptlayer.apiKey,
  baseURL: promptlayer.url,
  providerOptions: { openai: { client: sdk } },
})
const params = {
  promptName: "support",
  inputVariables: { product: "Acme", question: "How do I reset my password?" },
}
const { request } = await withLocal.prepare(params)
const direct = () => sdk.chat.completions.create(request as OpenAI.ChatCompletionCreateParamsNonStreaming)

// The bar: run() as a user gets it by default (the adapter builds the SDK client), and with
// a client passed in, each against the direct SDK call. In a group of their own, so the heavier case
// below does not run between them.
await runAsyncBenchmarks(
  "@pl/client run() overhead against a local stub provider",
  { label: "openai.chat.completions.create to the same stub", run: direct },
  [
    {
      name: "run(), cached template, local registry (JSONL log), SDK client built by the adapter",
      ours: () => withLocal.run(params),
      bar: { max: 1.2 },
    },
    {
      name: "run(), cached template, local registry (JSONL log), SDK client passed in",
      ours: () => withLocalSharedClient.run(params),
      bar: { max: 1.2 },
    },
  ],
  // Twice the default rounds: the bar's median, steadier from run to run.
  { rounds: 60 },
)
await runAsyncBenchmarks(
  "@pl/client run() logged to the PromptLayer API",
  { label: "openai.chat.completions.create to the same stub", run: direct },
  [
    {
      name: "run(), cached template, logged to a local PromptLayer API stub, SDK client passed in",
      ours: () => withHttp.run(params),
    },
  ],
)

// A wrapped SDK client logs each call in the background: measured as the caller sees it, and with
// flush() (the call and its log, as a serverless function that waits for the log would see it).
const wrapped = withLocalSharedClient.wrap(sdk)
await runAsyncBenchmarks(
  "pl.wrap(client) overhead against a local stub provider",
  { label: "openai.chat.completions.create to the same stub", run: direct },
  [
    {
      name: "wrapped create(), logged to the local registry in the background",
      ours: () => wrapped.chat.completions.create(request as OpenAI.ChatCompletionCreateParamsNonStreaming),
    },
    {
      name: "wrapped create(), then flush() (the log written too)",
      ours: async () => {
        await wrapped.chat.completions.create(request as OpenAI.ChatCompletionCreateParamsNonStreaming)
        await withLocalSharedClient.flush()
      },
    },
  ],
)
await withLocalSharedClient.flush()

// Cold import of the built package in a fresh process (node resolves @pl/client through its own
// exports map, `node` condition: dist/node.js), against a bare `node -e 0`.
const cwd = new URL("..", import.meta.url).pathname
const timeProcess = (args: string[]) => {
  const start = performance.now()
  execFileSync(process.execPath, args, { cwd, stdio: "ignore" })
  return performance.now() - start
}
const coldImport: number[] = []
const bare: number[] = []
try {
  for (let i = 0; i < 15; i++) {
    coldImport.push(timeProcess(["--input-type=module", "-e", 'await import("@pl/client")']))
    bare.push(timeProcess(["-e", "0"]))
  }
} catch (error) {
  console.log(
    `\ncold import: could not import the built package (build the workspace first): ${(error as Error).message}`,
  )
}
if (coldImport.length > 0)
  printRows("cold import (15 fresh processes each, median)", [
    ["case", "ours", "baseline", "baseline is", "ratio", "import cost"],
    [
      "node -e 'await import(\"@pl/client\")'",
      formatMs(median(coldImport)),
      formatMs(median(bare)),
      "node -e 0",
      `${(median(coldImport) / median(bare)).toFixed(3)}×`,
      formatMs(median(coldImport) - median(bare)),
    ],
  ])

await provider.close()
await promptlayer.close()
await rm(directory, { recursive: true, force: true })
