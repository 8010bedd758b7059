import {
  TemplateError,
  TemplateLimitError,
  TemplateRenderError,
  TemplateSecurityError,
  type TextPosition,
} from "../errors.js"
import { isForbiddenMember } from "../forbidden-names.js"
import { type Budget, MAX_NESTING } from "../options.js"
import { pythonStr } from "../python-str.js"
import type { VariableMap } from "../variable-map.js"
import { createMemberLookup } from "./member-lookup.js"
import { type NjFrame, type NjFunction, type NjRuntime, nj } from "./nunjucks.js"

/**
 * What compiled templates call back into, replacing nunjucks' own runtime for this package's renders
 * only (nunjucks' module is never modified, so other users of nunjucks in the process are unaffected).
 * Every path from template to JavaScript goes through here:
 * - `memberLookup` (every `.name` and `[key]`): data only, forbidden names refused (see member-lookup.ts);
 * - `callWrap` (every call): only functions, never the `Function` constructors or `eval`;
 * - `contextOrFrameLookup` (every variable): the render's own variables, globals and local names, from
 *   objects without prototypes;
 * - `suppressValue` (every printed value): counts output against the limit, prints values as Python would;
 * - `fromIterator` (every loop start): counts the iterations before the loop runs, materialises at most
 *   the limit from an iterator;
 * - `makeMacro` (every macro and `caller`): counts calls and depth;
 * - `Frame.set` (every `set`, loop variable and macro argument): refuses strings over the output limit,
 *   so doubling a string in a loop stops early;
 * - `handleError`: turns anything thrown into this package's errors, with the template line.
 */
export type Jinja2Runtime = NjRuntime & { readonly budget: Budget }

export interface Jinja2Environment {
  readonly opts: { readonly autoescape: false; readonly throwOnUndefined: false; readonly dev: false }
  readonly globals: Readonly<Record<string, unknown>>
  getFilter(name: string): NjFunction
  getTest(name: string): NjFunction
  getTemplate(): never
  getExtension(): never
}

export function createEnvironment(
  filters: Readonly<Record<string, NjFunction>>,
  tests: Readonly<Record<string, NjFunction>>,
  globals: Readonly<Record<string, unknown>>,
): Jinja2Environment {
  const refuse = (): never => {
    throw new TemplateSecurityError("jinja2", "templates cannot load other templates or use extensions")
  }
  return {
    opts: { autoescape: false, throwOnUndefined: false, dev: false },
    globals,
    getFilter(name) {
      if (isForbiddenMember(name))
        throw new TemplateSecurityError("jinja2", `no filter may be named "${name}"`)
      const filter = filters[name]
      if (filter === undefined)
        throw new TemplateRenderError("jinja2", `unknown filter ${JSON.stringify(name)}`)
      return filter
    },
    getTest(name) {
      if (isForbiddenMember(name)) throw new TemplateSecurityError("jinja2", `no test may be named "${name}"`)
      const test = tests[name]
      if (test === undefined) throw new TemplateRenderError("jinja2", `unknown test ${JSON.stringify(name)}`)
      return test
    },
    getTemplate: refuse,
    getExtension: refuse,
  }
}

/**
 * The render context compiled code reads variables from and writes top-level `set`s to. Each text gets
 * its own (a `set` in one message is not seen by the next). Lookups: the text's own `set`s, then the
 * render's variables (own keys only), then the globals (`range`, `cycler`, `joiner`).
 */
export class Jinja2Context {
  /** Top-level `set`s, in an object without a prototype: `{% set __proto__ = x %}` is a plain entry. */
  readonly ctx: Record<string, unknown> = Object.create(null)

  constructor(
    readonly env: Jinja2Environment,
    private readonly variables: VariableMap,
    readonly budget: Budget,
  ) {}

  lookup(name: string): unknown {
    if (name in this.ctx) return this.ctx[name]
    const value = this.variables.get(name)
    return value !== undefined ? value : this.env.globals[name]
  }

  setVariable(name: string, value: unknown): void {
    this.ctx[name] = value
  }

  addExport(): void {}

  getVariables(): Record<string, unknown> {
    return this.ctx
  }

  getBlock(): never {
    throw new TemplateSecurityError("jinja2", "template blocks are not supported")
  }

  getSuper(): never {
    return this.getBlock()
  }
}

const DANGEROUS: ReadonlySet<unknown> = new Set([
  Function,
  // biome-ignore lint/security/noGlobalEval: referenced only to be refused, never called.
  eval,
  Object.getPrototypeOf(async () => {}).constructor,
  Object.getPrototypeOf(function* () {}).constructor,
  Object.getPrototypeOf(async function* () {}).constructor,
])

export function createRuntime(budget: Budget): Jinja2Runtime {
  const base = nj.runtime
  const SafeString = base.SafeString

  const checkValue = (value: unknown) => {
    if (typeof value === "string") budget.checkLength(value.length, "a variable")
    else if (value instanceof SafeString) budget.checkLength(value.val.length, "a variable")
  }

  const BaseFrame = base.Frame
  class Frame extends BaseFrame {
    override set(name: string, value: unknown, resolveUp?: boolean): void {
      checkValue(value)
      super.set(name, value, resolveUp)
    }

    override push(isolateWrites?: boolean): NjFrame {
      return new Frame(this, isolateWrites)
    }
  }

  return {
    ...base,
    budget,
    Frame,
    memberLookup: createMemberLookup(budget, SafeString),

    contextOrFrameLookup(context: Jinja2Context, frame: NjFrame, name: string): unknown {
      const value = frame.lookup(name)
      return value !== undefined ? value : context.lookup(name)
    },

    callWrap(callee: unknown, name: string, context: unknown, args: unknown[]): unknown {
      if (typeof callee !== "function") {
        throw new TemplateRenderError(
          "jinja2",
          `${name} is ${callee === undefined || callee === null ? "undefined" : "not a function"} and cannot be called`,
        )
      }
      if (DANGEROUS.has(callee)) throw new TemplateSecurityError("jinja2", `${name} may not be called`)
      const result = (callee as NjFunction).apply(context, args)
      checkValue(result)
      return result
    },

    suppressValue(value: unknown): string {
      const text = value instanceof SafeString ? value.val : pythonStr(value, "jinja2")
      budget.addOutput(text.length)
      return text
    },

    fromIterator(value: unknown): unknown {
      if (value instanceof SafeString) {
        budget.addSteps(value.val.length)
        return value.val
      }
      if (typeof value === "string") budget.addSteps(value.length)
      else if (Array.isArray(value)) budget.addSteps(value.length)
      else if (typeof value === "object" && value !== null) {
        if (Symbol.iterator in value) {
          const items: unknown[] = []
          for (const item of value as Iterable<unknown>) {
            items.push(item)
            budget.addSteps(1)
          }
          return items
        }
        budget.addSteps(Object.keys(value).length)
      }
      return value
    },

    inOperator(key: unknown, container: unknown): boolean {
      const value = container instanceof SafeString ? container.val : container
      if (typeof value === "string") return value.includes(String(key instanceof SafeString ? key.val : key))
      if (Array.isArray(value)) return value.includes(key)
      if (typeof value === "object" && value !== null) return Object.hasOwn(value, String(key))
      throw new TemplateRenderError("jinja2", "'in' needs a list, a string or a dict on its right")
    },

    makeMacro(argNames: string[], kwargNames: string[], func: NjFunction): NjFunction {
      return base.makeMacro(argNames, kwargNames, function (this: unknown, ...args: unknown[]) {
        budget.enter()
        try {
          return func.apply(this, args)
        } finally {
          budget.leave()
        }
      })
    },

    handleError(error: unknown, lineno?: number, colno?: number): TemplateError {
      return toTemplateError(
        error,
        lineno === undefined ? undefined : { line: lineno + 1, column: (colno ?? 0) + 1 },
      )
    },
  }
}

/** Anything thrown while rendering, as one of this package's errors. */
export function toTemplateError(error: unknown, position?: Partial<TextPosition>): TemplateError {
  if (error instanceof TemplateError) return error
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return new TemplateLimitError("nesting", MAX_NESTING, "the template nests or recurses too deeply")
  }
  const message = error instanceof Error ? error.message : String(error)
  return new TemplateRenderError("jinja2", message, position, error)
}
