import type { PromptTemplate } from "@pl/blueprint"
import { PromptLayer, type PromptLayerOptions } from "../../src/index.js"
import { fakeAdapter } from "./fake-adapter.js"
import { type PromptLayerStub, startPromptLayerStub } from "./promptlayer-stub.js"

export const greetTemplate: PromptTemplate = {
  type: "chat",
  messages: [
    { role: "system", content: [{ type: "text", text: "You greet people." }] },
    { role: "user", content: [{ type: "text", text: "Greet {name}" }] },
  ],
  input_variables: ["name"],
}

export const greetMetadata = {
  model: {
    provider: "openai",
    name: "gpt-4o-mini",
    parameters: { temperature: 0.3, logit_bias: { "50256": -100 } },
  },
}

/** A PromptLayer stub with a `greet` prompt, a client pointed at it, and a fake OpenAI adapter. */
export async function setup(options: Partial<PromptLayerOptions> = {}, extra: Record<string, unknown> = {}) {
  const stub: PromptLayerStub = await startPromptLayerStub()
  stub.addPrompt(
    "greet",
    [{ prompt_template: greetTemplate, metadata: greetMetadata, commit_message: "v1" }],
    {
      labels: { prod: 1 },
      extra,
    },
  )
  const openai = fakeAdapter("openai")
  const anthropic = fakeAdapter("anthropic")
  const warnings: string[] = []
  const pl = new PromptLayer({
    apiKey: stub.apiKey,
    baseURL: stub.url,
    adapters: [openai.adapter, anthropic.adapter],
    sleep: async () => {},
    timeoutMs: 1_000,
    logger: { debug() {}, warn: (message) => warnings.push(message) },
    ...options,
  })
  return { stub, pl, openai, anthropic, warnings }
}
