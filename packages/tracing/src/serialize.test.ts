import { describe, expect, it } from "vitest"
import { serialize, truncate } from "./serialize.js"

describe("serialize", () => {
  it("writes JSON, with values JSON cannot hold written readably", () => {
    const value = {
      n: 1n,
      f: function named() {},
      e: new TypeError("bad"),
      m: new Map([["k", 1]]),
      s: new Set([1, 2]),
      b: new Uint8Array(4),
    }
    expect(JSON.parse(serialize(value))).toEqual({
      n: "1",
      f: "[Function named]",
      e: { name: "TypeError", message: "bad" },
      m: { k: 1 },
      s: [1, 2],
      b: "[Uint8Array 4 bytes]",
    })
  })

  it("marks cycles instead of throwing, and writes a shared object twice", () => {
    const shared = { x: 1 }
    const loop: Record<string, unknown> = { shared, again: shared }
    loop.self = loop
    const map = new Map<string, unknown>()
    map.set("me", map)
    expect(JSON.parse(serialize(loop))).toEqual({ shared: { x: 1 }, again: { x: 1 }, self: "[Circular]" })
    expect(JSON.parse(serialize(map))).toEqual({ me: "[Circular]" })
  })

  it("redacts the values of credential-named fields at any depth, not fields that only contain the word", () => {
    expect(
      JSON.parse(
        serialize({
          apiKey: "sk-1",
          headers: { Authorization: "Bearer x", "X-API-KEY": "pl_1" },
          aws: { secretAccessKey: "s", accessKeyId: "AKID" },
          max_tokens: 5,
          password: null,
        }),
      ),
    ).toEqual({
      apiKey: "[REDACTED]",
      headers: { Authorization: "[REDACTED]", "X-API-KEY": "[REDACTED]" },
      aws: { secretAccessKey: "[REDACTED]", accessKeyId: "AKID" },
      max_tokens: 5,
      password: null,
    })
  })

  it("cuts long text and says how much was left out", () => {
    expect(serialize("x".repeat(50), 10)).toBe(`"${"x".repeat(9)}…[42 more characters]`)
    expect(truncate("short", 10)).toBe("short")
  })

  it("writes undefined as text, since a span attribute needs one", () => {
    expect(serialize(undefined)).toBe("undefined")
  })
})
