/**
 * The client's end-to-end fixture setup (its PromptLayer stub and the local servers replaying recorded
 * provider responses, in packages/client/test/support), with a prompt per provider and a client whose
 * spans go to the given tracer provider.
 */
import type { TracerProvider } from "@opentelemetry/api"
import { type Completion, type ProviderAdapter, splitParameters } from "@pl/blueprint"
import { PromptLayer, type PromptLayerOptions, resolveProviderId } from "@pl/client"
import { readChunks, readJsonFixture, startServer, type TestServer } from "@pl/devtools/fixtures"
import { loadAdapter } from "../../../client/src/load-adapter.js"
import type { PromptLayerStub } from "../../../client/test/support/promptlayer-stub.js"
import type { ProviderCase } from "../../../client/test/support/provider-stubs.js"

export { startPromptLayerStub } from "../../../client/test/support/promptlayer-stub.js"
export { PROVIDER_CASES, type ProviderCase } from "../../../client/test/support/provider-stubs.js"

/** Marks the provider keys, so a test can look for them in every exported span. */
export const KEY = "sk-tracing-LEAKCHECK"

export const PARAMETERS = { max_tokens: 300, temperature: 0.5 }

export async function runFixture(
  promptlayer: PromptLayerStub,
  c: ProviderCase,
  tracerProvider: TracerProvider | undefined,
  options: Partial<PromptLayerOptions> & { answer?: ProviderCase["answer"] } = {},
) {
  const { answer, ...clientOptions } = options
  const server: TestServer = await startServer((request, response) => {
    const stream =
      /stream|alt=sse/.test(request.url) ||
      (request.body.includes('"stream":true') && !request.url.includes("/converse"))
    ;(answer ?? c.answer)(request, response, stream)
  })
  const name = `tracing-${c.provider}-${c.apiType ?? "default"}`
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
          parameters: PARAMETERS,
          ...(c.apiType ? { api_type: c.apiType } : {}),
        },
      },
      commit_message: null,
    },
  ])
  const pl = new PromptLayer({
    apiKey: promptlayer.apiKey,
    baseURL: promptlayer.url,
    tracerProvider,
    env: c.keyEnv ? { [c.keyEnv]: `${KEY}-${c.provider}` } : {},
    providerBaseUrls: { [c.provider]: c.baseURL(server.url) },
    providerOptions: { [c.provider]: { maxRetries: 0, ...c.sendOptions } },
    logger: { debug() {}, warn() {} },
    ...clientOptions,
  } as PromptLayerOptions)
  return { pl, server, name, port: Number(new URL(server.url).port) }
}

/** The completion the adapter reads from the recorded response: parsed, or streamed chunk by chunk. */
export async function recordedCompletion(c: ProviderCase, stream: boolean): Promise<Completion> {
  const adapter = (await loadAdapter(resolveProviderId(c.provider, c.apiType))) as ProviderAdapter<
    unknown,
    unknown,
    unknown
  >
  if (!stream) return adapter.fromResponse(readJsonFixture(c.folder, c.fixture))
  const accumulator = adapter.accumulator()
  for (const chunk of readChunks(c.folder, c.fixture)) accumulator.push(chunk)
  return structuredClone(accumulator.result())
}

/** The portable parameters each adapter sends of PARAMETERS (Anthropic's API refuses temperature). */
export function sentParameters(c: ProviderCase): Record<string, number> {
  const { portable } = splitParameters(PARAMETERS)
  return c.provider === "anthropic"
    ? { "gen_ai.request.max_tokens": portable.max_tokens! }
    : {
        "gen_ai.request.max_tokens": portable.max_tokens!,
        "gen_ai.request.temperature": portable.temperature!,
      }
}
