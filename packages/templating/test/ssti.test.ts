/**
 * Server-side template injection corpus. Payloads are the published nunjucks ones (the
 * `range.constructor(...)` family from the 2016 "sandbox break-out" write-up, nunjucks PR #338, the
 * HackTricks / PayloadsAllTheThings lists), the classic jinja2 ones adapted to nunjucks, every other path
 * nunjucks offers (subscripts, computed keys, filters, set, macros, caller, call blocks), and the
 * compile-time injections found while building this package (nunjucks writes some template names into
 * its generated code unescaped). Each runs against a canary: nothing may ever set it.
 */
import nunjucks from "nunjucks"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { TemplateError, TemplateSecurityError, TemplateSyntaxError } from "../src/errors.js"
import { renderText } from "../src/jinja2.js"

const PWN = "globalThis.__pwned = true"
const canary = () => (globalThis as { __pwned?: unknown }).__pwned

beforeEach(() => {
  delete (globalThis as { __pwned?: unknown }).__pwned
})
afterEach(() => {
  expect(canary()).toBeUndefined()
  expect(({} as { polluted?: unknown }).polluted).toBeUndefined()
})

/** Must be refused: a `TemplateSecurityError` (or, for names we do not provide, a `TemplateSyntaxError`). */
const refused: [string, string][] = [
  // Member access, every spelling.
  ["range.constructor", `{{ range.constructor("${PWN}")() }}`],
  [
    "range.constructor (RCE form)",
    `{{ range.constructor("return global.process.mainModule.require('child_process').execSync('id')")() }}`,
  ],
  ["cycler.constructor", `{{ cycler.constructor("${PWN}")() }}`],
  ["joiner.constructor", `{{ joiner.constructor("${PWN}")() }}`],
  ["string constructor chain", `{{ "".constructor.constructor("${PWN}")() }}`],
  ["array constructor chain", `{{ [].constructor.constructor("${PWN}")() }}`],
  ["dict constructor chain", `{{ {}.constructor.constructor("${PWN}")() }}`],
  ["number constructor", `{{ (1).constructor.constructor("${PWN}")() }}`],
  ["subscript", `{{ range["constructor"]("${PWN}")() }}`],
  ["computed subscript", `{{ range["con" ~ "structor"]("${PWN}")() }}`],
  ["array as key", `{{ range[["constructor"]]("${PWN}")() }}`],
  ["variable's constructor", `{{ x["constructor"]["constructor"]("${PWN}")() }}`],
  ["this.constructor", `{{ this.constructor.constructor("return process.env")() }}`],
  ["bare constructor", `{{ constructor.constructor("${PWN}")() }}`],
  ["__proto__ hop (nunjucks PR #338)", `{{ a.constructor.__proto__.constructor("${PWN}")() }}`],
  ["__proto__", `{{ range.__proto__.constructor("${PWN}")() }}`],
  ["prototype", `{{ range.prototype }}`],
  ["__defineGetter__", `{{ x.__defineGetter__("a", range) }}`],
  ["__lookupGetter__", `{{ x.__lookupGetter__("__proto__")() }}`],
  ["toString.constructor", `{{ "".toString.constructor("${PWN}")() }}`],
  ["function members", `{{ range.call(none, 3) }}`],
  ["bind", `{{ range.bind }}`],
  ["macro result of joiner", `{% set j = joiner() %}{{ j.constructor("${PWN}")() }}`],
  ["cycler method", `{{ cycler(1, 2).next.constructor("${PWN}")() }}`],
  ["caller member", `{% macro m() %}{{ m.caller }}{% endmacro %}{{ m() }}`],
  ["arguments member", `{% macro m() %}{{ m.arguments }}{% endmacro %}{{ m() }}`],
  ["key built at runtime from a variable", `{{ range[k]("${PWN}")() }}`],
  ["key from a set", `{% set k = "constructor" %}{{ range[k][k]("${PWN}")() }}`],
  [
    "key from a macro argument",
    `{% macro m(k) %}{{ range[k]("${PWN}")() }}{% endmacro %}{{ m("constructor") }}`,
  ],
  ["object as key", `{{ range[{"a": 1}] }}`],
  ["boolean as key", `{{ range[true] }}`],
  // The jinja2 classics, adapted.
  ["lipsum globals", `{{ lipsum.__globals__.os.popen("id").read() }}`],
  ["__class__ walk", `{{ "".__class__.__mro__[1].__subclasses__() }}`],
  ["__init__ globals", `{{ self.__init__.__globals__.__builtins__.__import__("os").popen("id").read() }}`],
  ["request globals", `{{ request.application.__globals__.__builtins__.__import__("os") }}`],
  // Filters.
  ["sort by constructor", `{{ [range] | sort(false, false, "constructor") }}`],
  ["sort attribute= constructor", `{{ [range] | sort(attribute="constructor.constructor") }}`],
  ["join attribute", `{{ [range] | join(",", "constructor") }}`],
  ["groupby", `{{ [range] | groupby("constructor") }}`],
  ["selectattr", `{{ [range] | selectattr("constructor") }}`],
  ["rejectattr", `{{ [range] | rejectattr("__proto__") }}`],
  ["sum attribute", `{{ [range] | sum("constructor") }}`],
  ["map attribute", `{{ [range] | map(attribute="constructor") }}`],
  ["filter named constructor", `{{ "${PWN}" | constructor }}`],
  ["filter named __proto__", `{{ x | __proto__ }}`],
  ["filter named __defineGetter__", `{{ "lookup" | __defineGetter__(range) }}`],
  ["filter block named constructor", `{% filter constructor %}x{% endfilter %}`],
  ["test named constructor", `{% if x is constructor %}{% endif %}`],
  ["select with a test named constructor", `{{ [1] | select("constructor") }}`],
  // set.
  ["set a constructor", `{% set f = range.constructor %}{{ f("${PWN}")() }}`],
  ["set block", `{% set f %}{{ range.constructor }}{% endset %}`],
  ["dict with __proto__ key", `{% set x = {"__proto__": {"polluted": 1}} %}{{ x.polluted }}`],
  ["dict with __proto__ name", `{% set x = {__proto__: {"polluted": 1}} %}`],
  ["keyword argument __proto__", `{{ cycler(__proto__=1) }}`],
  ["loop over a constructor", `{% for x in range.constructor %}{% endfor %}`],
  // Macros and callers.
  ["macro constructor", `{% macro m() %}{% endmacro %}{{ m.constructor("${PWN}")() }}`],
  ["macro default argument", `{% macro m(f=range.constructor) %}{{ f("${PWN}")() }}{% endmacro %}{{ m() }}`],
  [
    "caller constructor",
    `{% macro m() %}{{ caller.constructor("${PWN}")() }}{% endmacro %}{% call m() %}x{% endcall %}`,
  ],
  [
    "call block argument",
    `{% macro m() %}{{ caller(range) }}{% endmacro %}{% call(f) m() %}{{ f.constructor }}{% endcall %}`,
  ],
  // Compile-time code injection through names nunjucks writes into generated code unescaped.
  ["string as set target", `{% set "x\\"); ${PWN}; //" = 1 %}`],
  ["string as test name", `{% if 1 is "odd\\") && (${PWN}) && env.getTest(\\"odd" %}{% endif %}`],
  ["string as macro keyword parameter", `{% macro m(a, "b\\", (${PWN}), \\"c" = 1) %}{% endmacro %}`],
  ["string as loop variable", `{% for k, "v\\", (${PWN}), \\"" in {"a": 1} %}{% endfor %}`],
  ["backslash in a called name", `{{ x["\\\\"]["+(${PWN})+\\"\\\\"]() }}`],
  ["dict as macro parameters", `{% macro m({"a\\"); ${PWN}; //": 1}) %}{% endmacro %}`],
  ["regular expression literal (ReDoS)", `{{ "aaaaaaaaaaaaaaaaaaaaaaaaaaaa!" | replace(r/(a+)+$/, "") }}`],
  // Loading other templates.
  ["include", `{% include "/etc/passwd" %}`],
  ["import", `{% import "x.njk" as x %}`],
  ["from import", `{% from "x.njk" import y %}`],
  ["extends", `{% extends "base.njk" %}`],
  ["block", `{% block "b\\"); ${PWN}; //" %}{% endblock %}`],
  ["async loop", `{% asyncEach x in [1] %}{% endeach %}`],
]

/** Harmless whatever they do: they may render or fail, but never run code or reach the host. */
const inert: [string, string][] = [
  ["compiled function's env", "{{ env }}{{ env.getTemplate }}"],
  ["compiled function's context", "{{ context }}{{ context.ctx }}"],
  ["compiled function's runtime", "{{ runtime }}{{ frame }}{{ cb }}{{ output }}{{ lineno }}"],
  ["process", "{{ process.env }}{{ global.process }}{{ globalThis.process }}"],
  ["require", '{{ require("child_process") }}'],
  ["config", "{{ config.items() }}"],
  ["unicode escape in a key", '{{ range["\\u0063onstructor"] }}'],
  ["set __proto__", "{% set __proto__ = range %}{{ constructor }}"],
  ["array methods", '{{ items.push("x") }}{{ items.pop() }}'],
  ["string methods from JavaScript", '{{ "x".repeat(1000000000) }}'],
]

describe("jinja2 refuses server-side template injection", () => {
  it("the payloads are live: stock nunjucks runs them", () => {
    const env = new nunjucks.Environment([], { autoescape: false })
    const live = [
      "range.constructor",
      "cycler.constructor",
      "string constructor chain",
      "key from a set",
      "macro default argument",
      "string as set target",
      "string as test name",
      "string as macro keyword parameter",
      "string as loop variable",
    ]
    for (const [, payload] of refused.filter(([name]) => live.includes(name))) {
      delete (globalThis as { __pwned?: unknown }).__pwned
      try {
        env.renderString(payload, { x: {} })
      } catch {
        // Some break the generated code after running it; the canary is what matters.
      }
      expect(canary()).toBe(true)
    }
    delete (globalThis as { __pwned?: unknown }).__pwned
  })

  it.each(refused)("refuses %s", (_, payload) => {
    let thrown: unknown
    try {
      renderText(payload, { x: {}, a: {}, k: "constructor", items: [1] }, "jinja2", { lenient: true })
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(TemplateError)
    expect([TemplateSecurityError, TemplateSyntaxError].some((type) => thrown instanceof type)).toBe(true)
  })

  it.each(inert)("keeps %s inert", (_, payload) => {
    const items = [1, 2]
    try {
      const output = renderText(payload, { items }, "jinja2", { lenient: true })
      expect(output).not.toMatch(/native code|process|require/)
    } catch (error) {
      expect(error).toBeInstanceOf(TemplateError)
    }
    expect(items).toEqual([1, 2])
  })

  it("refuses the whole corpus in f-string form as well", () => {
    for (const payload of ["{x.constructor}", "{x.__proto__}", "{x[constructor]}", "{x.__class__.__mro__}"]) {
      expect(() => renderText(payload, { x: {} })).toThrow(TemplateSecurityError)
    }
    expect(renderText("{x.toString}", { x: {} }, "f-string", { lenient: true })).toBe("")
  })
})
