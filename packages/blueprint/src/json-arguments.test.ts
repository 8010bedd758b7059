import { describe, expect, it } from "vitest"
import {
  parseToolArguments,
  stringifyToolArguments,
  ToolArgumentsError,
  ToolCallJoiner,
} from "./json-arguments.js"

describe("ToolCallJoiner", () => {
  it("joins argument deltas by index, with parallel calls interleaved", () => {
    const joiner = new ToolCallJoiner()
    joiner.start(0, { id: "call_a", name: "weather" })
    joiner.start(1, { id: "call_b", name: "time", arguments: '{"tz"' })
    joiner.append(0, '{"city":')
    joiner.append(1, ':"CET"}')
    joiner.append(0, '"Paris"}')
    expect(joiner.calls).toEqual([
      { id: "call_a", type: "function", function: { name: "weather", arguments: '{"city":"Paris"}' } },
      { id: "call_b", type: "function", function: { name: "time", arguments: '{"tz":"CET"}' } },
    ])
  })

  it("keeps the same live objects, so a snapshot per chunk costs nothing", () => {
    const joiner = new ToolCallJoiner()
    const calls = joiner.calls
    const call = joiner.start(0, { id: "c", name: "f" })
    joiner.append(0, "{}")
    expect(joiner.calls).toBe(calls)
    expect(calls[0]).toBe(call)
  })

  it("creates a call whose start it did not see, and fills id and name later without erasing them", () => {
    const joiner = new ToolCallJoiner()
    joiner.append("item_1", '{"a":1}')
    joiner.start("item_1", { id: "call_x", name: "f" })
    joiner.start("item_1", { id: "", name: null })
    expect(joiner.get("item_1")).toEqual({
      id: "call_x",
      type: "function",
      function: { name: "f", arguments: '{"a":1}' },
    })
  })
})

describe("parseToolArguments", () => {
  it("parses a JSON object, and empty arguments as {}", () => {
    expect(parseToolArguments('{"a":[1,2]}')).toEqual({ a: [1, 2] })
    expect(parseToolArguments("  ")).toEqual({})
  })

  it("rejects invalid JSON and non-objects with a typed error", () => {
    expect(() => parseToolArguments('{"a":')).toThrow(ToolArgumentsError)
    expect(() => parseToolArguments("[1]")).toThrow(/must be a JSON object/)
  })

  it("stringifies provider argument objects", () => {
    expect(stringifyToolArguments({ a: 1 })).toBe('{"a":1}')
    expect(stringifyToolArguments(undefined)).toBe("{}")
  })
})
