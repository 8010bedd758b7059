import { describe, expect, it } from "vitest"
import { LruCache } from "./lru-cache.js"

describe("LruCache", () => {
  it("evicts the oldest entry not used since, beyond its entry bound", () => {
    const cache = new LruCache<number>(2, 1000)
    cache.set("a", 1)
    cache.set("b", 2)
    expect(cache.get("a")).toBe(1)
    cache.set("c", 3)
    expect(cache.get("b")).toBeUndefined()
    expect(cache.get("a")).toBe(1)
    expect(cache.get("c")).toBe(3)
  })

  it("evicts by total key length and does not cache keys over a quarter of it", () => {
    const cache = new LruCache<number>(100, 40)
    cache.set("x".repeat(11), 1)
    expect(cache.size).toBe(0)
    cache.set("a".repeat(10), 1)
    cache.set("b".repeat(10), 2)
    cache.set("c".repeat(10), 3)
    cache.set("d".repeat(10), 4)
    cache.set("e".repeat(10), 5)
    expect(cache.size).toBe(4)
    expect(cache.get("a".repeat(10))).toBeUndefined()
  })
})
