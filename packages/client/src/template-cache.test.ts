import { describe, expect, it } from "vitest"
import type { TemplateResponse } from "./api-types.js"
import { PromptLayerInternalServerError, PromptLayerNotFoundError } from "./errors.js"
import { TemplateCache } from "./template-cache.js"

const template = (version: number): TemplateResponse => ({
  id: 1,
  prompt_name: "greet",
  version,
  prompt_template: { type: "chat", messages: [] },
})

function setup(options: { maxEntries?: number } = {}) {
  let now = 0
  const stale: string[] = []
  const cache = new TemplateCache({
    ttlMs: 1_000,
    maxEntries: options.maxEntries,
    now: () => now,
    onStale: (name) => stale.push(name),
  })
  return { cache, stale, advance: (ms: number) => (now += ms) }
}

describe("TemplateCache", () => {
  it("serves a fresh entry without fetching, and fetches again once it is stale", async () => {
    const { cache, advance } = setup()
    let fetches = 0
    const fetch = async () => template(++fetches)
    expect((await cache.get("greet", {}, fetch)).version).toBe(1)
    advance(999)
    expect((await cache.get("greet", {}, fetch)).version).toBe(1)
    advance(1)
    expect((await cache.get("greet", {}, fetch)).version).toBe(2)
    expect(fetches).toBe(2)
  })

  it("keys entries by name, version, label, provider and model", async () => {
    const { cache } = setup()
    let fetches = 0
    const fetch = async () => template(++fetches)
    await cache.get("greet", {}, fetch)
    await cache.get("greet", { version: 1 }, fetch)
    await cache.get("greet", { label: "prod" }, fetch)
    await cache.get("greet", { provider: "anthropic" }, fetch)
    await cache.get("greet", { provider: "anthropic", model: "claude" }, fetch)
    await cache.get("greet", { label: "prod" }, fetch)
    expect(fetches).toBe(5)
  })

  it("shares one request between concurrent misses for one key", async () => {
    const { cache } = setup()
    let fetches = 0
    let release: () => void = () => {}
    const gate = new Promise<void>((resolve) => (release = resolve))
    const fetch = async () => {
      fetches++
      await gate
      return template(fetches)
    }
    const all = Promise.all(Array.from({ length: 20 }, () => cache.get("greet", {}, fetch)))
    release()
    const results = await all
    expect(fetches).toBe(1)
    expect(new Set(results.map((r) => r.version))).toEqual(new Set([1]))
  })

  it("serves the stale entry when the registry fails transiently, and says so", async () => {
    const { cache, stale, advance } = setup()
    await cache.get("greet", {}, async () => template(1))
    advance(5_000)
    const result = await cache.get("greet", {}, async () => {
      throw new PromptLayerInternalServerError("down", { status: 503 })
    })
    expect(result.version).toBe(1)
    expect(stale).toEqual(["greet"])
  })

  it("does not hide a 404 behind a stale entry", async () => {
    const { cache, advance } = setup()
    await cache.get("greet", {}, async () => template(1))
    advance(5_000)
    await expect(
      cache.get("greet", {}, async () => {
        throw new PromptLayerNotFoundError("gone", { status: 404 })
      }),
    ).rejects.toBeInstanceOf(PromptLayerNotFoundError)
  })

  it("does not cache a failure", async () => {
    const { cache } = setup()
    await expect(
      cache.get("greet", {}, async () => {
        throw new PromptLayerInternalServerError("down", { status: 503 })
      }),
    ).rejects.toThrow("down")
    expect((await cache.get("greet", {}, async () => template(2))).version).toBe(2)
  })

  it("stays within its size, dropping the least recently used entry", async () => {
    const { cache } = setup({ maxEntries: 2 })
    let fetches = 0
    const fetch = async () => template(++fetches)
    await cache.get("a", {}, fetch)
    await cache.get("b", {}, fetch)
    await cache.get("a", {}, fetch) // a is now the most recently used
    await cache.get("c", {}, fetch) // evicts b
    expect(cache.size).toBe(2)
    expect(fetches).toBe(3)
    await cache.get("a", {}, fetch)
    expect(fetches).toBe(3)
    await cache.get("b", {}, fetch)
    expect(fetches).toBe(4)
  })

  it("invalidates one name, or everything", async () => {
    const { cache } = setup()
    let fetches = 0
    const fetch = async () => template(++fetches)
    await cache.get("a", { label: "prod" }, fetch)
    await cache.get("b", {}, fetch)
    cache.invalidate("a")
    expect(cache.size).toBe(1)
    cache.invalidate()
    expect(cache.size).toBe(0)
  })
})
