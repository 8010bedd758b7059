import { describe, expect, it } from "vitest"
import { ClientCache } from "./client-cache.js"

/** A cache whose clients are numbered in the order they were built. */
function numbered(max?: number) {
  const cache = new ClientCache<number>(max)
  let built = 0
  const get = (options: Record<string, unknown>) => cache.get(options, async () => ++built)
  return { cache, get, built: () => built }
}

describe("ClientCache", () => {
  it("builds one client per set of options and hands it out again", async () => {
    const { get, built } = numbered()
    expect(await get({ apiKey: "a", baseURL: undefined })).toBe(1)
    expect(await get({ apiKey: "a", baseURL: undefined })).toBe(1)
    expect(await get({ apiKey: "b", baseURL: undefined })).toBe(2)
    expect(await get({ apiKey: "a", baseURL: "http://localhost" })).toBe(3)
    expect(await get({ apiKey: undefined, baseURL: undefined })).toBe(4)
    expect(await get({ timeout: 5, retries: 0, vertexai: false })).toBe(5)
    expect(await get({ timeout: 5, retries: 0, vertexai: false })).toBe(5)
    expect(built()).toBe(5)
  })

  it("tells apart values that would print alike", async () => {
    const { get } = numbered()
    const values = ["1", 1, true, "true", null, "null", undefined, "-", 'a";b=c', "a", { b: "c" }]
    const clients = await Promise.all(values.map((value) => get({ a: value })))
    expect(new Set(clients).size).toBe(values.length)
  })

  it("compares objects and functions by identity", async () => {
    const { get } = numbered()
    const credentials = { accessKeyId: "AKIA", secretAccessKey: "s" }
    const provider = async () => credentials
    expect(await get({ credentials })).toBe(await get({ credentials }))
    expect(await get({ credentials: { ...credentials } })).not.toBe(await get({ credentials }))
    expect(await get({ credentials: provider })).toBe(await get({ credentials: provider }))
  })

  it("shares one build between concurrent first sends", async () => {
    const { get, built } = numbered()
    const clients = await Promise.all(Array.from({ length: 10 }, () => get({ apiKey: "k" })))
    expect(clients).toEqual(Array(10).fill(1))
    expect(built()).toBe(1)
  })

  it("keeps the most recently used clients only", async () => {
    const { cache, get } = numbered(2)
    await get({ k: "a" }) // 1
    await get({ k: "b" }) // 2
    await get({ k: "a" }) // used again: b is now the oldest
    await get({ k: "c" }) // 3, drops b
    expect(cache.size).toBe(2)
    expect(await get({ k: "a" })).toBe(1)
    expect(await get({ k: "b" })).toBe(4)
  })

  it("forgets a client that could not be built", async () => {
    const cache = new ClientCache<string>()
    await expect(cache.get({ k: 1 }, () => Promise.reject(new Error("no SDK")))).rejects.toThrow("no SDK")
    expect(cache.size).toBe(0)
    expect(await cache.get({ k: 1 }, async () => "built")).toBe("built")
  })
})
