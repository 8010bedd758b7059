import type { ChatTemplate } from "@pl/blueprint"
import { afterEach, describe, expect, it } from "vitest"
import { PromptLayer, PromptLayerError, PromptLayerNotFoundError } from "../src/index.js"
import type { PromptLayerStub } from "./support/promptlayer-stub.js"
import { greetMetadata, greetTemplate, setup } from "./support/setup.js"

let stub: PromptLayerStub | undefined
afterEach(async () => {
  await stub?.close()
  stub = undefined
})

const bodyOf = (s: PromptLayerStub, path: string, index = 0) =>
  JSON.parse(s.calls(path)[index]?.body ?? "null") as Record<string, unknown>

describe("templates", () => {
  it("get asks for the unrendered template, renders locally and computes llm_kwargs with the adapter", async () => {
    const s = await setup()
    stub = s.stub
    const template = await s.pl.templates.get("greet", { label: "prod", inputVariables: { name: "Ada" } })
    expect(bodyOf(s.stub, "/prompt-templates/greet")).toEqual({
      label: "prod",
      skip_input_variable_rendering: true,
    })
    expect((template!.prompt_template as ChatTemplate).messages[1]?.content).toEqual([
      { type: "text", text: "Greet Ada" },
    ])
    expect(template?.llm_kwargs).toMatchObject({
      model: "gpt-4o-mini",
      messages: [{}, { role: "user", text: "Greet Ada" }],
    })
    expect(template).toMatchObject({ prompt_name: "greet", version: 1, metadata: greetMetadata })
  })

  it("get leaves the template unrendered without input variables, and converts for another provider", async () => {
    const s = await setup()
    stub = s.stub
    const template = await s.pl.templates.get("greet", { provider: "anthropic", model: "claude" })
    expect((template!.prompt_template as ChatTemplate).messages[1]?.content).toEqual([
      { type: "text", text: "Greet {name}" },
    ])
    expect(template?.llm_kwargs).toMatchObject({ model: "claude" })
  })

  it("get warns why there are no llm_kwargs for a provider asked for by name", async () => {
    const s = await setup()
    stub = s.stub
    const template = await s.pl.templates.get("greet", { provider: "anthropic" })
    expect(template?.llm_kwargs).toBeNull()
    expect(s.warnings).toEqual([
      'no llm_kwargs for "greet": Prompt "greet" names a model for openai, not for anthropic: pass model, or set metadata.model.name',
    ])
  })

  it("URL-encodes the prompt name in the path", async () => {
    const s = await setup()
    stub = s.stub
    s.stub.addPrompt("team/greet me", [
      { prompt_template: greetTemplate, metadata: greetMetadata, commit_message: null },
    ])
    await s.pl.templates.get("team/greet me")
    expect(s.stub.calls("/prompt-templates/")[0]?.url).toBe("/prompt-templates/team%2Fgreet%20me")
  })

  it("publish sends the documented body and list reads the items", async () => {
    const s = await setup()
    stub = s.stub
    const published = await s.pl.templates.publish({
      prompt_name: "farewell",
      prompt_template: greetTemplate,
      metadata: greetMetadata,
      commit_message: "first",
      tags: ["t"],
      release_labels: ["prod"],
    })
    expect(published).toMatchObject({ prompt_name: "farewell", version_number: 1 })
    expect(bodyOf(s.stub, "/rest/prompt-templates")).toEqual({
      prompt_template: { prompt_name: "farewell", tags: ["t"] },
      prompt_version: { prompt_template: greetTemplate, commit_message: "first", metadata: greetMetadata },
      release_labels: ["prod"],
    })
    const listed = await s.pl.templates.list({ label: "prod", perPage: 10 })
    expect(listed?.map((t) => t.prompt_name).sort()).toEqual(["farewell", "greet"])
    expect(s.stub.calls("/prompt-templates?")[0]?.url).toBe("/prompt-templates?per_page=10&label=prod")
  })

  it("with a cache, fetches once per TTL, shares concurrent misses, and publish invalidates the name", async () => {
    let now = 0
    const s = await setup({ cacheTtlSeconds: 60, now: () => now })
    stub = s.stub
    await Promise.all(
      Array.from({ length: 5 }, () => s.pl.run({ promptName: "greet", inputVariables: { name: "A" } })),
    )
    await s.pl.run({ promptName: "greet", inputVariables: { name: "B" } })
    expect(s.stub.calls("/prompt-templates/greet")).toHaveLength(1)
    expect(s.openai.sent.map((x) => x.request.messages[1]?.text)).toContain("Greet B")
    await s.pl.templates.publish({
      prompt_name: "greet",
      prompt_template: greetTemplate,
      metadata: greetMetadata,
    })
    await s.pl.run({ promptName: "greet", inputVariables: { name: "C" } })
    expect(s.stub.calls("/prompt-templates/greet")).toHaveLength(2)
    now += 61_000
    s.stub.fail("/prompt-templates/greet", ...Array(4).fill({ status: 503 }))
    const result = await s.pl.run({ promptName: "greet", inputVariables: { name: "D" } })
    expect(result.request_id).toBeTypeOf("number")
    expect(s.warnings.some((w) => w.includes('stale cached template for "greet"'))).toBe(true)
    s.pl.invalidate()
    await expect(s.pl.run({ promptName: "greet", inputVariables: { name: "E" } })).resolves.toBeDefined()
    expect(s.stub.calls("/prompt-templates/greet")).toHaveLength(7)
  })
})

describe("logging and tracking", () => {
  it("logRequest posts the body and returns the id", async () => {
    const s = await setup()
    stub = s.stub
    const body = {
      provider: "openai",
      model: "gpt-4o",
      input: greetTemplate,
      output: {
        type: "chat" as const,
        messages: [{ role: "assistant" as const, content: [{ type: "text" as const, text: "Hi" }] }],
      },
      request_start_time: "2026-11-22T10:00:00.000Z",
      request_end_time: "2026-11-22T10:00:01.000Z",
    }
    const logged = await s.pl.logRequest(body)
    expect(logged?.id).toBeTypeOf("number")
    expect(bodyOf(s.stub, "/log-request")).toEqual(body)
  })

  it("track.* post the documented bodies with the API key, and group.create returns an id", async () => {
    const s = await setup()
    stub = s.stub
    const key = s.stub.apiKey
    expect(await s.pl.track.score({ request_id: 7, score: 80, score_name: "accuracy" })).toBe(true)
    expect(await s.pl.track.metadata({ request_id: 7, metadata: { user: "42" } })).toBe(true)
    expect(
      await s.pl.track.prompt({
        request_id: 7,
        prompt_name: "greet",
        prompt_input_variables: { name: "A" },
        version: 1,
      }),
    ).toBe(true)
    expect(await s.pl.track.group({ request_id: 7, group_id: 3 })).toBe(true)
    expect(bodyOf(s.stub, "/rest/track-score")).toEqual({
      request_id: 7,
      score: 80,
      name: "accuracy",
      api_key: key,
    })
    expect(bodyOf(s.stub, "/rest/track-metadata")).toEqual({
      request_id: 7,
      metadata: { user: "42" },
      api_key: key,
    })
    expect(bodyOf(s.stub, "/rest/track-prompt")).toEqual({
      request_id: 7,
      prompt_name: "greet",
      prompt_input_variables: { name: "A" },
      version: 1,
      api_key: key,
    })
    expect(bodyOf(s.stub, "/rest/track-group")).toEqual({ request_id: 7, group_id: 3, api_key: key })
    expect(await s.pl.group.create()).toBeTypeOf("number")
  })
})

describe("throwOnError", () => {
  it("true (default): API errors throw the PromptLayerError family", async () => {
    const s = await setup()
    stub = s.stub
    await expect(s.pl.templates.get("missing")).rejects.toBeInstanceOf(PromptLayerNotFoundError)
  })

  it("false: API errors resolve null and warn; run() still throws", async () => {
    const s = await setup({ throwOnError: false })
    stub = s.stub
    expect(await s.pl.templates.get("missing")).toBeNull()
    s.stub.fail("/rest/track-score", ...Array(4).fill({ status: 500 }))
    expect(await s.pl.track.score({ request_id: 1, score: 1 })).toBeNull()
    expect(s.warnings).toHaveLength(2)
    expect(s.warnings[0]).toContain("while fetching a prompt template")
    await expect(s.pl.run({ promptName: "missing" })).rejects.toBeInstanceOf(PromptLayerNotFoundError)
  })

  it("a browser-style client without a key or registry says what to pass", () => {
    expect(() => new PromptLayer({})).toThrow(PromptLayerError)
    expect(() => new PromptLayer({})).toThrow(/pass apiKey/)
  })
})
