import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type { PromptTemplate } from "@pl/blueprint"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { PromptLayerNotFoundError, PromptLayerValidationError } from "../errors.js"
import { LocalRegistry } from "./local-registry.js"

let directory: string
let registry: LocalRegistry

const chat = (text: string): PromptTemplate => ({
  type: "chat",
  messages: [{ role: "user", content: [{ type: "text", text }] }],
})
const metadata = { model: { provider: "openai", name: "gpt-4o" } }

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), "pl-registry-"))
  registry = new LocalRegistry({ directory })
})
afterEach(() => rm(directory, { recursive: true, force: true }))

describe("LocalRegistry templates", () => {
  it("publishes versions as readable files and serves the latest, a version or a label", async () => {
    await registry.publishTemplate({ prompt_name: "greet", prompt_template: chat("Hi {name}"), metadata })
    const second = await registry.publishTemplate({
      prompt_name: "greet",
      prompt_template: chat("Hello {name}"),
      metadata,
      commit_message: "warmer",
      release_labels: ["prod"],
    })
    expect(second).toMatchObject({ prompt_name: "greet", version_number: 2, release_labels: ["prod"] })
    expect((await registry.getTemplate("greet", {})).version).toBe(2)
    expect((await registry.getTemplate("greet", { version: 1 })).prompt_template).toEqual(chat("Hi {name}"))
    expect(await registry.getTemplate("greet", { label: "prod" })).toMatchObject({
      version: 2,
      commit_message: "warmer",
      release_labels: ["prod"],
      metadata,
    })
    const file = await readFile(join(directory, "greet", "v2.json"), "utf8")
    expect(file).toContain('\n  "version": 2,\n')
    expect(JSON.parse(await readFile(join(directory, "greet", "labels.json"), "utf8"))).toEqual({ prod: 2 })
  })

  it("names what is missing: prompt, version or label", async () => {
    await registry.publishTemplate({ prompt_name: "greet", prompt_template: chat("Hi") })
    await expect(registry.getTemplate("nope", {})).rejects.toThrow('Prompt "nope" not found')
    await expect(registry.getTemplate("greet", { version: 7 })).rejects.toThrow("no version 7")
    const error = await registry.getTemplate("greet", { label: "prod" }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PromptLayerNotFoundError)
    expect((error as Error).message).toContain('no release label "prod"')
  })

  it("refuses to publish an invalid blueprint, naming the path", async () => {
    const error = await registry
      .publishTemplate({
        prompt_name: "bad",
        prompt_template: { type: "chat", messages: [{ role: "user" }] } as never,
      })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PromptLayerValidationError)
    expect((error as PromptLayerValidationError).issues[0]?.path).toBe("prompt_template.messages[0].content")
    expect(await readdir(directory)).toEqual([])
  })

  it("reports a hand-edited version file that is not a blueprint, naming the file", async () => {
    await registry.publishTemplate({ prompt_name: "greet", prompt_template: chat("Hi") })
    await writeFile(join(directory, "greet", "v1.json"), '{ "prompt_template": { "type": "chat" } }')
    const error = await registry.getTemplate("greet", {}).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PromptLayerValidationError)
    expect((error as Error).message).toContain("v1.json")
    expect((error as PromptLayerValidationError).issues[0]?.path).toBe("prompt_template.messages")
  })

  it("keeps prompt names with slashes and spaces in one folder each", async () => {
    await registry.publishTemplate({ prompt_name: "team/greet me", prompt_template: chat("Hi") })
    await registry.publishTemplate({ prompt_name: "..", prompt_template: chat("dots") })
    expect((await readdir(directory)).sort()).toEqual(["%2E.", "team%2Fgreet%20me"])
    expect((await registry.getTemplate("team/greet me", {})).prompt_name).toBe("team/greet me")
    expect((await registry.listTemplates({})).map((t) => t.prompt_name)).toEqual(["..", "team/greet me"])
  })

  it("lists the latest version of each prompt, or the labelled one, paged", async () => {
    for (const name of ["a", "b", "c"]) {
      await registry.publishTemplate({
        prompt_name: name,
        prompt_template: chat(name),
        release_labels: name === "b" ? ["prod"] : [],
      })
      await registry.publishTemplate({ prompt_name: name, prompt_template: chat(`${name}2`) })
    }
    expect((await registry.listTemplates({})).map((t) => [t.prompt_name, t.version])).toEqual([
      ["a", 2],
      ["b", 2],
      ["c", 2],
    ])
    expect((await registry.listTemplates({ label: "prod" })).map((t) => [t.prompt_name, t.version])).toEqual([
      ["b", 1],
    ])
    expect((await registry.listTemplates({ page: 2, perPage: 2 })).map((t) => t.prompt_name)).toEqual(["c"])
  })
})

describe("LocalRegistry under concurrency", () => {
  it("gives each of 50 concurrent publishes its own version, from two registry instances", async () => {
    const other = new LocalRegistry({ directory })
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        (i % 2 ? registry : other).publishTemplate({
          prompt_name: "busy",
          prompt_template: chat(`text ${i}`),
          release_labels: ["latest"],
        }),
      ),
    )
    const versions = results.map((r) => r.version_number).sort((a, b) => a - b)
    expect(versions).toEqual(Array.from({ length: 50 }, (_, i) => i + 1))
    const files = (await readdir(join(directory, "busy"))).filter((f) => f.startsWith("v")).sort()
    expect(files).toHaveLength(50)
    expect(files.some((f) => f.endsWith(".tmp"))).toBe(false)
    // Every published text is in exactly one version file.
    const texts = await Promise.all(
      versions.map(
        async (v) =>
          (
            (await registry.getTemplate("busy", { version: v })).prompt_template as {
              messages: { content: { text: string }[] }[]
            }
          ).messages[0]?.content[0]?.text,
      ),
    )
    expect(new Set(texts).size).toBe(50)
    expect(await registry.getTemplate("busy", { label: "latest" })).toMatchObject({ version: 50 })
    expect((await readdir(join(directory, "busy"))).filter((f) => f.endsWith(".lock"))).toEqual([])
  })
})

describe("LocalRegistry request log", () => {
  const minimalLog = {
    provider: "openai",
    model: "m",
    input: chat("a"),
    output: chat("b"),
    request_start_time: "2026-11-22T10:00:00.000Z",
    request_end_time: "2026-11-22T10:00:00.000Z",
  }

  it("appends one JSON object per request and per track call", async () => {
    const { id } = await registry.logRequest({
      provider: "openai",
      model: "gpt-4o",
      input: chat("Hi"),
      output: { type: "chat", messages: [{ role: "assistant", content: [{ type: "text", text: "Hello" }] }] },
      request_start_time: "2026-11-22T10:00:00.000Z",
      request_end_time: "2026-11-22T10:00:01.000Z",
    })
    await registry.trackScore({ request_id: id, score: 90 })
    await registry.trackMetadata({ request_id: id, metadata: { user: "42" } })
    const group = await registry.createGroup()
    await registry.trackGroup({ request_id: id, group_id: group })
    await registry.flush()
    const lines = (await readFile(join(directory, ".pl", "requests.jsonl"), "utf8")).trim().split("\n")
    const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>)
    expect(records.map((r) => r.type)).toEqual(["request", "score", "metadata", "group_created", "group"])
    expect(records[0]).toMatchObject({ id, provider: "openai", model: "gpt-4o" })
    expect(records[1]).toMatchObject({ request_id: id, score: 90, name: "default" })
    expect(records[4]).toMatchObject({ request_id: id, group_id: group })
  })

  it("gives concurrent requests distinct ids", async () => {
    const ids = await Promise.all(Array.from({ length: 100 }, () => registry.logRequest(minimalLog)))
    expect(new Set(ids.map((r) => r.id)).size).toBe(100)
    await registry.flush()
    const lines = (await readFile(registry.logFile, "utf8")).trim().split("\n")
    expect(lines).toHaveLength(100)
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow()
  })

  it("writes the log in the background, without flush, within moments", async () => {
    await registry.logRequest(minimalLog)
    await new Promise((resolve) => setTimeout(resolve, 100))
    const lines = (await readFile(registry.logFile, "utf8")).trim().split("\n")
    expect(lines.map((line) => (JSON.parse(line) as { type: string }).type)).toEqual(["request"])
  })
})

describe("LocalRegistry and hostile names", () => {
  it("keeps a release label named __proto__ as a label, without touching any prototype", async () => {
    await registry.publishTemplate({
      prompt_name: "p",
      prompt_template: chat("x"),
      release_labels: ["__proto__"],
    })
    expect(await registry.getTemplate("p", { label: "__proto__" })).toMatchObject({ version: 1 })
    expect(({} as Record<string, unknown>).version).toBeUndefined()
  })
})
