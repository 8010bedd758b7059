import { describe, expect, it } from "vitest"
import { slotOf, VariableMap } from "./variable-map.js"

describe("VariableMap", () => {
  it("reads own keys only, by name and by slot", () => {
    const variables = JSON.parse('{"__proto__": "p", "name": "Ada"}') as Record<string, unknown>
    const map = new VariableMap(variables)
    expect(map.get("__proto__")).toBe("p")
    expect(map.read(slotOf("__proto__"), "__proto__")).toBe("p")
    expect(map.read(slotOf("name"), "name")).toBe("Ada")
    expect(map.read(slotOf("toString"), "toString")).toBeUndefined()
    expect(map.has("constructor")).toBe(false)
  })

  it("gives the same name the same slot, and keeps each render's values apart", () => {
    const slot = slotOf("customer")
    expect(slotOf("customer")).toBe(slot)
    expect(slotOf("order")).not.toBe(slot)
    const first = new VariableMap({ customer: "Ada" })
    const second = new VariableMap({ customer: "Grace" })
    const third = new VariableMap({})
    expect(first.read(slot, "customer")).toBe("Ada")
    expect(second.read(slot, "customer")).toBe("Grace")
    expect(third.read(slot, "customer")).toBeUndefined()
    // Read again: the values remembered by slot, a missing one still missing.
    expect(first.read(slot, "customer")).toBe("Ada")
    expect(third.read(slot, "customer")).toBeUndefined()
  })

  it("counts a variable whose value is undefined as missing", () => {
    const map = new VariableMap({ a: undefined, b: null })
    expect(map.has("a")).toBe(false)
    expect(map.read(slotOf("a"), "a")).toBeUndefined()
    expect(map.read(slotOf("b"), "b")).toBeNull()
  })

  it("stops numbering names at 4,096 and still reads the rest by name", () => {
    let last = 0
    for (let i = 0; i < 5000; i++) last = slotOf(`name_${i}`)
    expect(last).toBe(-1)
    expect(slotOf("name_0")).toBeGreaterThanOrEqual(0)
    const map = new VariableMap({ name_4999: "late", name_0: "early" })
    expect(map.read(slotOf("name_4999"), "name_4999")).toBe("late")
    expect(map.read(slotOf("name_0"), "name_0")).toBe("early")
  })

  it("refuses variables that are not an object", () => {
    expect(() => new VariableMap("text" as never)).toThrow(TypeError)
    expect(new VariableMap(null).get("a")).toBeUndefined()
  })
})
