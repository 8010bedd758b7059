import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { contentSchema } from "../content.js"
import { messageSchema } from "../message.js"
import { parseBlueprint } from "../parse.js"
import { blueprintArbitrary, contentArbitrary, messageArbitrary } from "./index.js"

const numRuns = Number(process.env.FC_NUM_RUNS ?? 2000)

describe("blueprint arbitraries", () => {
  it("generate blueprints that parse to themselves", () => {
    fc.assert(
      fc.property(blueprintArbitrary(), (blueprint) => {
        expect(parseBlueprint(blueprint)).toEqual(blueprint)
      }),
      { numRuns },
    )
  })

  it("generate blueprints that survive a JSON round trip unchanged", () => {
    fc.assert(
      fc.property(blueprintArbitrary(), (blueprint) => {
        expect(parseBlueprint(JSON.parse(JSON.stringify(blueprint)))).toEqual(blueprint)
      }),
      { numRuns },
    )
  })

  it("generate every content type and role they are asked for, and only those", () => {
    const seen = new Set<string>()
    fc.assert(
      fc.property(contentArbitrary(["thinking", "image_url"]), (part) => {
        expect(contentSchema.safeParse(part).success).toBe(true)
        seen.add(part.type)
      }),
      { numRuns: 200 },
    )
    expect([...seen].sort()).toEqual(["image_url", "thinking"])
    fc.assert(
      fc.property(messageArbitrary({ roles: ["tool"], contentTypes: ["text"] }), (message) => {
        expect(messageSchema.parse(message).role).toBe("tool")
      }),
      { numRuns: 100 },
    )
  })
})
