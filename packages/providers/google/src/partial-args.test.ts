import { ProviderResponseError } from "@pl/blueprint"
import { describe, expect, it } from "vitest"
import { PartialArguments, parsePath } from "./partial-args.js"

describe("PartialArguments", () => {
  it("continues a string at the same path while its entries say willContinue, escaping as JSON", () => {
    const args = new PartialArguments()
    const texts: string[] = []
    for (const piece of ['say "hi"', "\n", "and \\ bye"]) {
      args.apply({ jsonPath: "$.note", stringValue: piece, willContinue: true })
      texts.push(args.text)
    }
    args.apply({ jsonPath: "$.note", stringValue: "" })
    expect(texts.map((t) => JSON.parse(t))).toEqual([
      { note: 'say "hi"' },
      { note: 'say "hi"\n' },
      { note: 'say "hi"\nand \\ bye' },
    ])
    expect(JSON.parse(args.text)).toEqual({ note: 'say "hi"\nand \\ bye' })
  })

  it("builds nested objects and arrays, keeps values after the open string, and reads every value kind", () => {
    const args = new PartialArguments({ mode: "fast" })
    args.apply({ jsonPath: "$.items[0].name", stringValue: "a", willContinue: true })
    args.apply({ jsonPath: "$['items'][0][\"name\"]", stringValue: "b" })
    args.apply({ jsonPath: "$.items[1].count", numberValue: 2 })
    args.apply({ jsonPath: "$.items[0].tags[0]", stringValue: "x", willContinue: true })
    const mid = JSON.parse(args.text)
    args.apply({ jsonPath: "$.items[0].tags[0]", stringValue: "y" })
    args.apply({ jsonPath: "$.flags.on", boolValue: true })
    args.apply({ jsonPath: "$.flags.off", nullValue: "NULL_VALUE" })
    expect(mid).toEqual({ mode: "fast", items: [{ name: "ab", tags: ["x"] }, { count: 2 }] })
    expect(JSON.parse(args.text)).toEqual({
      mode: "fast",
      items: [{ name: "ab", tags: ["xy"] }, { count: 2 }],
      flags: { on: true, off: null },
    })
  })

  it("writes the holes of a list filled from a later index as null", () => {
    const args = new PartialArguments()
    args.apply({ jsonPath: "$.rows[2]", stringValue: "c", willContinue: true })
    const open = args.text
    args.apply({ jsonPath: "$.rows[2]", stringValue: "d" })
    expect([JSON.parse(open), JSON.parse(args.text)]).toEqual([
      { rows: [null, null, "c"] },
      { rows: [null, null, "cd"] },
    ])
  })

  it("starts over when a continued path gets a new value", () => {
    const args = new PartialArguments()
    args.apply({ jsonPath: "$.a", stringValue: "one", willContinue: true })
    args.apply({ jsonPath: "$.b", stringValue: "two" })
    args.apply({ jsonPath: "$.a", stringValue: "three" })
    expect(args.text).toBe('{"a":"three","b":"two"}')
  })

  it("does not change the arguments object it starts from", () => {
    const start = { a: { b: 1 } }
    new PartialArguments(start).apply({ jsonPath: "$.a.c", numberValue: 2 })
    expect(start).toEqual({ a: { b: 1 } })
  })

  it("rejects paths it cannot read and shapes that disagree", () => {
    expect(() => parsePath("items[0]")).toThrow(ProviderResponseError)
    expect(() => parsePath("$.items[*]")).toThrow(ProviderResponseError)
    const args = new PartialArguments()
    args.apply({ jsonPath: "$.a", stringValue: "text" })
    expect(() => args.apply({ jsonPath: "$.a.b", numberValue: 1 })).toThrow(ProviderResponseError)
    expect(() => args.apply({ jsonPath: "$", numberValue: 1 })).toThrow(ProviderResponseError)
  })
})
