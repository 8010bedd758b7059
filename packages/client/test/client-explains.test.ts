/** The client explains itself: what reaches the logger, at which level, and the console default. */
import { afterEach, describe, expect, it, vi } from "vitest"
import { PromptLayer } from "../src/index.js"
import { fakeAdapter } from "./support/fake-adapter.js"
import type { PromptLayerStub } from "./support/promptlayer-stub.js"
import { setup } from "./support/setup.js"

let stub: PromptLayerStub | undefined
afterEach(async () => {
  vi.restoreAllMocks()
  await stub?.close()
  stub = undefined
})

/** Everything the logger is told, with its level. */
function recordingLogger() {
  const lines: string[] = []
  const at = (level: string) => (message: string) => lines.push(`${level}: ${message}`)
  return { lines, logger: { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") } }
}

describe("the logger", () => {
  it("hears about retries at info, and nothing below the level it asked for", async () => {
    const quiet = recordingLogger()
    const chatty = recordingLogger()
    const a = await setup({ logger: quiet.logger })
    const b = await setup({ logger: chatty.logger, logLevel: "info" })
    for (const s of [a, b]) {
      s.stub.fail("/prompt-templates/greet", { status: 503 })
      await s.pl.templates.get("greet")
      await s.stub.close()
    }
    expect(quiet.lines).toEqual([])
    expect(chatty.lines).toEqual([
      expect.stringMatching(
        /^info: retrying in [\d.]+ m?s after 503 from \/prompt-templates\/greet, attempt 2 of 4$/,
      ),
    ])
  })

  it("warns about features the adapter dropped in conversion, naming the prompt and the path", async () => {
    const fake = fakeAdapter("openai")
    const dropping = {
      ...fake.adapter,
      toRequest: (...args: Parameters<typeof fake.adapter.toRequest>) => {
        args[1]?.onWarning?.({
          provider: "openai",
          feature: "parameters.top_k",
          path: "metadata.model.parameters.top_k",
          message: "openai does not accept the parameter top_k; it was not sent",
        })
        return fake.adapter.toRequest(...args)
      },
    }
    const s = await setup({ adapters: [dropping] })
    stub = s.stub
    await s.pl.run({ promptName: "greet", inputVariables: { name: "Ada" } })
    expect(s.warnings).toEqual([
      '"greet" on openai: dropped metadata.model.parameters.top_k: openai does not accept the parameter top_k; it was not sent',
    ])
  })

  it("defaults to console warnings, silent when NODE_ENV is test", async () => {
    const s = await setup()
    stub = s.stub
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {})
    const options = { apiKey: s.stub.apiKey, baseURL: s.stub.url, throwOnError: false as const }
    await new PromptLayer({ ...options, env: { NODE_ENV: "test" } }).templates.get("missing")
    expect(warn).not.toHaveBeenCalled()
    await new PromptLayer({ ...options, env: {} }).templates.get("missing")
    expect(warn).toHaveBeenCalledOnce()
    expect(warn.mock.calls[0]?.[0]).toMatch(/^\[promptlayer\] while fetching a prompt template/)
  })
})
