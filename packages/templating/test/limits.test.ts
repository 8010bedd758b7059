/**
 * Pathological templates finish or fail, in bounded work. Assertions count work (calls of a variable
 * function, output produced), never time: a limit checked only after rendering would make these tests
 * count far more work, or never finish.
 */
import { afterEach, describe, expect, it, vi } from "vitest"
import { TemplateError, TemplateLimitError } from "../src/errors.js"
import { renderText } from "../src/jinja2.js"

function counter() {
  let calls = 0
  const tick = () => {
    calls++
    return ""
  }
  return { tick, calls: () => calls }
}

function limitOf(run: () => unknown): string | undefined {
  try {
    run()
  } catch (error) {
    if (error instanceof TemplateLimitError) return error.limit
    throw error
  }
  return undefined
}

describe("loop and call limits", () => {
  it("refuses a huge range before building it", () => {
    const { tick, calls } = counter()
    const limit = limitOf(() =>
      renderText("{% for i in range(1000000000) %}{{ tick() }}{% endfor %}", { tick }, "jinja2"),
    )
    expect(limit).toBe("maxLoopIterations")
    expect(calls()).toBe(0)
  })

  it("counts nested loop iterations before each loop starts", () => {
    const { tick, calls } = counter()
    const template = "{% for i in range(100) %}{% for j in range(100) %}{{ tick() }}{% endfor %}{% endfor %}"
    const limit = limitOf(() => renderText(template, { tick }, "jinja2", { maxLoopIterations: 1000 }))
    expect(limit).toBe("maxLoopIterations")
    // 100 outer iterations + 9 inner loops of 100 fit; the 10th inner loop is refused before it runs.
    expect(calls()).toBe(900)
  })

  it("stops an infinite iterator at the limit instead of draining it", () => {
    let produced = 0
    function* forever() {
      while (true) yield ++produced
    }
    const limit = limitOf(() =>
      renderText("{% for x in items %}{% endfor %}", { items: forever() }, "jinja2", {
        maxLoopIterations: 500,
      }),
    )
    expect(limit).toBe("maxLoopIterations")
    expect(produced).toBeLessThanOrEqual(501)
  })

  it("counts macro calls, so exponential recursion without loops stops", () => {
    const { tick, calls } = counter()
    const template =
      "{% macro f(n) %}{{ tick() }}{% if n > 0 %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(40) }}"
    const limit = limitOf(() => renderText(template, { tick }, "jinja2", { maxLoopIterations: 10_000 }))
    expect(limit).toBe("maxLoopIterations")
    expect(calls()).toBeLessThanOrEqual(10_000)
  })

  it("stops infinite macro recursion at a fixed depth", () => {
    const { tick, calls } = counter()
    const limit = limitOf(() =>
      renderText("{% macro f() %}{{ tick() }}{{ f() }}{% endmacro %}{{ f() }}", { tick }, "jinja2"),
    )
    expect(limit).toBe("nesting")
    expect(calls()).toBe(200)
  })

  it("refuses batch and slice sizes beyond the loop limit", () => {
    expect(limitOf(() => renderText('{{ [1] | batch(1000000000, "x") }}', {}, "jinja2"))).toBe(
      "maxLoopIterations",
    )
    expect(limitOf(() => renderText("{{ [1] | slice(1000000000) }}", {}, "jinja2"))).toBe("maxLoopIterations")
  })
})

describe("output limits", () => {
  it("stops a loop as soon as its output passes the limit", () => {
    const { tick, calls } = counter()
    const template = "{% for i in range(10000) %}{{ tick() }}{{ big }}{% endfor %}"
    const limit = limitOf(() =>
      renderText(template, { tick, big: "x".repeat(1000) }, "jinja2", { maxOutputLength: 100_000 }),
    )
    expect(limit).toBe("maxOutputLength")
    expect(calls()).toBe(101)
  })

  it("counts literal text inside loops", () => {
    const limit = limitOf(() =>
      renderText("{% for i in range(100000) %}0123456789{% endfor %}", {}, "jinja2", {
        maxOutputLength: 5000,
      }),
    )
    expect(limit).toBe("maxOutputLength")
  })

  it("refuses a string doubled in a loop long before memory runs out", () => {
    const template =
      '{% set s = "ab" %}{% for i in range(64) %}{% set s = s ~ s %}{% endfor %}{{ s | length }}'
    const limit = limitOf(() => renderText(template, {}, "jinja2", { maxOutputLength: 1_000_000 }))
    expect(limit).toBe("maxOutputLength")
  })

  it("checks string growth in filters and methods before building the string", () => {
    const options = { maxOutputLength: 10_000 }
    const s = "x".repeat(1000)
    for (const template of [
      '{{ s | replace("", s) }}',
      "{{ s.replace('x', s) }}",
      "{{ s | center(100000000) }}",
      "{{ s | indent(100000000) }}",
      "{{ [s, s, s] | join(s ~ s ~ s ~ s ~ s ~ s ~ s ~ s ~ s ~ s ~ s) }}",
      "{{ s.join([s, s, s, s, s, s, s, s, s, s, s, s]) }}",
    ]) {
      expect(
        limitOf(() => renderText(template, { s }, "jinja2", options)),
        template,
      ).toBe("maxOutputLength")
    }
  })

  it("bounds f-string output while rendering, across a whole 10 MB template", () => {
    const text = "{x}".repeat(3_500_000)
    const limit = limitOf(() =>
      renderText(text, { x: "y".repeat(100) }, "f-string", { maxOutputLength: 1_000_000 }),
    )
    expect(limit).toBe("maxOutputLength")
  })

  it("renders a 10 MB text within the default limits, in both formats", () => {
    const text = `${"lorem ipsum ".repeat(850_000)}{{ name }}`
    expect(renderText(text.replace("{{ name }}", "{name}"), { name: "Ada" })).toHaveLength(10_200_003)
    expect(renderText(text, { name: "Ada" }, "jinja2")).toHaveLength(10_200_003)
  })
})

describe("nesting", () => {
  it.each([
    ["parentheses", `{{ ${"(".repeat(50_000)}1${")".repeat(50_000)} }}`],
    ["if blocks", `${"{% if true %}".repeat(5_000)}x${"{% endif %}".repeat(5_000)}`],
    ["lists", `{{ ${"[".repeat(50_000)}${"]".repeat(50_000)} }}`],
  ])("fails cleanly on deeply nested %s", (_, template) => {
    let thrown: unknown
    try {
      renderText(template, {}, "jinja2")
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(TemplateError)
  })
})

describe("time limit", () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it("stops when the clock passes timeoutMs, checked every 1,024 steps", () => {
    vi.useFakeTimers()
    let calls = 0
    // Each call advances the (fake) clock by 1 ms.
    const tick = () => {
      calls++
      vi.setSystemTime(Date.now() + 1)
      return ""
    }
    const template = "{% for i in range(50) %}{% for j in range(1000) %}{{ tick() }}{% endfor %}{% endfor %}"
    const limit = limitOf(() => renderText(template, { tick }, "jinja2", { timeoutMs: 2000 }))
    expect(limit).toBe("timeoutMs")
    expect(calls).toBeLessThan(4000)
  })
})
