import { afterEach, describe, expect, it } from "vitest"
import type { PromptLayerStub } from "./support/promptlayer-stub.js"
import { setup } from "./support/setup.js"

let stub: PromptLayerStub | undefined
afterEach(async () => {
  await stub?.close()
  stub = undefined
})

const ENV_KEYS = {
  OPENAI_API_KEY: "sk-env-openai-LEAKCHECK-1111",
  ANTHROPIC_API_KEY: "sk-ant-env-LEAKCHECK-2222",
  GOOGLE_API_KEY: "AIza-env-LEAKCHECK-3333",
  MISTRAL_API_KEY: "mistral-env-LEAKCHECK-4444",
  CO_API_KEY: "cohere-env-LEAKCHECK-5555",
  AWS_SECRET_ACCESS_KEY: "aws-secret-LEAKCHECK-6666",
}
const CUSTOM_KEY = "sk-custom-provider-LEAKCHECK-7777"

/** Every header and body the PromptLayer stub received, as one string. */
function everythingSent(s: PromptLayerStub): string {
  return s.requests.map((r) => `${r.method} ${r.url}\n${JSON.stringify(r.headers)}\n${r.body}`).join("\n")
}

describe("provider keys never reach PromptLayer", () => {
  it("in any header or body, streamed or not, on success, failure and abandonment", async () => {
    const s = await setup(
      { env: ENV_KEYS },
      {
        custom_provider: {
          client: "openai",
          base_url: "https://api.deepseek.example/v1",
          api_key: CUSTOM_KEY,
        },
      },
    )
    stub = s.stub
    await s.pl.run({
      promptName: "greet",
      inputVariables: { name: "Ada" },
      tags: ["t"],
      metadata: { m: "1" },
    })
    for await (const _ of await s.pl.run({
      promptName: "greet",
      inputVariables: { name: "Ada" },
      stream: true,
    })) {
    }
    for await (const _ of await s.pl.run({
      promptName: "greet",
      inputVariables: { name: "Ada" },
      stream: true,
    }))
      break
    s.openai.behave({
      error: Object.assign(new Error(`401 Incorrect API key provided: ${CUSTOM_KEY.slice(0, 6)}***`), {
        status: 401,
      }),
    })
    await expect(s.pl.run({ promptName: "greet", inputVariables: { name: "Ada" } })).rejects.toThrow()
    await s.pl.templates.get("greet", { inputVariables: { name: "Ada" } })

    // The custom provider's key did go to the provider, and only there.
    expect(s.openai.sent.every((call) => call.context?.apiKey === CUSTOM_KEY)).toBe(true)
    expect(s.openai.sent[0]?.context?.baseURL).toBe("https://api.deepseek.example/v1")
    // So does the environment's key on another provider.
    await s.pl.run({
      promptName: "greet",
      inputVariables: { name: "Ada" },
      provider: "anthropic",
      model: "claude",
    })
    expect(s.anthropic.sent[0]?.context?.apiKey).toBe(ENV_KEYS.ANTHROPIC_API_KEY)

    const sent = everythingSent(s.stub)
    expect(s.stub.logs).toHaveLength(5)
    for (const key of [...Object.values(ENV_KEYS), CUSTOM_KEY]) expect(sent).not.toContain(key)
    expect(sent).not.toContain("LEAKCHECK")
  })
})
