import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { LocalRegistry } from "../src/local/local-registry.js"
import { PromptLayer, PromptLayerValidationError, resolveProviderId } from "../src/node.js"

let directory: string
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "pl-node-"))
  await new LocalRegistry({ directory }).publishTemplate({
    prompt_name: "hello",
    prompt_template: { type: "completion", content: [{ type: "text", text: "Say hello to {name}" }] },
    metadata: { model: { provider: "openai", name: "gpt-4o-mini" } },
  })
})
afterAll(() => rm(directory, { recursive: true, force: true }))

describe("the Node entry", () => {
  it("uses PromptLayer with an API key, and the local registry in PL_REGISTRY without one", async () => {
    expect(new PromptLayer({ env: { PROMPTLAYER_API_KEY: "pl_x" } }).registry.kind).toBe("http")
    const pl = new PromptLayer({ env: { PL_REGISTRY: directory } })
    expect(pl.registry.kind).toBe("local")
    expect(pl.baseURL).toBe("https://api.promptlayer.com")
    const prepared = await pl.prepare({ promptName: "hello", inputVariables: { name: "Ada" } })
    // The OpenAI adapter was loaded with import(); a completion template is one user message.
    expect(prepared.adapter.name).toBe("openai")
    expect(prepared.request).toMatchObject({ model: "gpt-4o-mini", messages: [{ role: "user" }] })
    expect(JSON.stringify(prepared.request)).toContain("Say hello to Ada")
  })

  it("writes the local registry's request log on flush(), and tells the logger of a log it cannot write", async () => {
    const body = {
      provider: "openai",
      model: "gpt-4o-mini",
      input: { type: "completion" as const, content: [{ type: "text" as const, text: "Say hello to Ada" }] },
      output: { type: "completion" as const, content: [{ type: "text" as const, text: "Hello, Ada" }] },
      request_start_time: "2026-11-22T10:00:00.000Z",
      request_end_time: "2026-11-22T10:00:01.000Z",
    }
    const pl = new PromptLayer({ env: { PL_REGISTRY: directory } })
    const logged = await pl.logRequest(body)
    await pl.flush()
    const lines = (await readFile(join(directory, ".pl", "requests.jsonl"), "utf8")).trim().split("\n")
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      expect.objectContaining({ id: logged.id, ...body }),
    ])

    // A log path that is a folder: the write fails in the background, and the client's logger hears of it.
    const broken = await mkdtemp(join(tmpdir(), "pl-node-broken-"))
    await mkdir(join(broken, ".pl", "requests.jsonl"), { recursive: true })
    const warnings: string[] = []
    const logger = { debug() {}, info() {}, warn: (m: string) => warnings.push(m), error() {} }
    const failing = new PromptLayer({ env: { PL_REGISTRY: broken }, logger })
    await failing.logRequest(body)
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(warnings).toEqual([
      expect.stringMatching(/^the local request log: could not append 1 line to .*requests\.jsonl/),
    ])
    await rm(broken, { recursive: true, force: true })
  })

  it("reads PROMPTLAYER_BASE_URL", () => {
    const pl = new PromptLayer({
      env: { PROMPTLAYER_API_KEY: "k", PROMPTLAYER_BASE_URL: "https://pl.internal/" },
    })
    expect(pl.baseURL).toBe("https://pl.internal")
  })

  it("names the providers it knows when given another", () => {
    expect(resolveProviderId("vertexai")).toBe("google")
    expect(resolveProviderId("bedrock")).toBe("amazon.bedrock")
    expect(resolveProviderId("OpenAI", "responses")).toBe("openai.responses")
    expect(() => resolveProviderId("huggingface")).toThrow(PromptLayerValidationError)
    expect(() => resolveProviderId("huggingface")).toThrow(
      /expected one of openai, openai.responses, anthropic/,
    )
  })
})
