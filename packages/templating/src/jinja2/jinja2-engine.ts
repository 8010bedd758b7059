import type { PreparedText, RenderContext, TemplateEngine, VariableUse } from "../engine.js"
import {
  EngineUnavailableError,
  TemplateError,
  TemplateLimitError,
  TemplateRenderError,
  TemplateSecurityError,
  TemplateSyntaxError,
} from "../errors.js"
import { LruCache } from "../lru-cache.js"
import type { Budget } from "../options.js"
import { positionOf } from "../text-position.js"
import type { VariableMap } from "../variable-map.js"
import { analyzeVariables } from "./analyze-variables.js"
import { checkTemplate, MAX_TEMPLATE_DEPTH } from "./check-template.js"
import { createFilters } from "./filters.js"
import { type NjFunction, type NjNode, nj, parseTemplate } from "./nunjucks.js"
import {
  createEnvironment,
  createRuntime,
  Jinja2Context,
  type Jinja2Environment,
  type Jinja2Runtime,
  toTemplateError,
} from "./runtime.js"

type RootRender = (
  env: Jinja2Environment,
  context: Jinja2Context,
  frame: unknown,
  runtime: Jinja2Runtime,
  callback: (error: unknown, output?: string) => void,
) => void

/** Everything renders share: built once, on first use. */
interface Shared {
  env: Jinja2Environment
  filterNames: ReadonlySet<string>
  testNames: ReadonlySet<string>
  globalNames: ReadonlySet<string>
}

/**
 * The jinja2 engine, on nunjucks: templates are parsed by nunjucks, checked against an allowlist
 * (check-template.ts), compiled by nunjucks' compiler, cached by text, and run with this package's
 * runtime (runtime.ts), never nunjucks' own. Autoescaping is off: prompts are not HTML.
 *
 * jinja2 defaults kept: a single trailing newline of the template is dropped; `True`/`False`/`None` are
 * constants. Compiling uses `new Function`; where a runtime forbids it (Cloudflare Workers, Vercel Edge,
 * a page whose Content-Security-Policy lacks 'unsafe-eval'), `prepare` throws {@link EngineUnavailableError}.
 */
export const jinja2Engine: TemplateEngine = /* @__PURE__ */ createJinja2Engine()

export function createJinja2Engine(): TemplateEngine {
  const cache = new LruCache<PreparedText>(500, 8 * 1024 * 1024)
  const runtimes = new WeakMap<Budget, Jinja2Runtime>()
  let shared: Shared | undefined

  const setup = (): Shared => {
    if (shared) return shared
    const environment = new nj.Environment([], { autoescape: false })
    const filters = createFilters()
    const tests: Record<string, NjFunction> = Object.create(null)
    for (const name of Object.keys(environment.tests)) tests[name] = environment.tests[name] as NjFunction
    Object.assign(tests, JINJA2_TESTS)
    const globals: Record<string, unknown> = Object.create(null)
    globals.range = range
    globals.cycler = environment.globals.cycler
    globals.joiner = environment.globals.joiner
    shared = {
      env: createEnvironment(filters, tests, globals),
      filterNames: new Set(Object.keys(filters)),
      testNames: new Set(Object.keys(tests)),
      globalNames: new Set(Object.keys(globals)),
    }
    return shared
  }

  const runtimeFor = (budget: Budget): Jinja2Runtime => {
    let runtime = runtimes.get(budget)
    if (!runtime) {
      runtime = createRuntime(budget)
      runtimes.set(budget, runtime)
    }
    return runtime
  }

  return {
    format: "jinja2",
    prepare(text) {
      let prepared = cache.get(text)
      if (prepared === undefined) {
        const { root, variables } = compile(text, setup())
        const env = setup().env
        prepared = {
          variables,
          reportsMissing: false,
          render: (map: VariableMap, context: RenderContext) =>
            run(root, env, map, runtimeFor(context.budget)),
        }
        cache.set(text, prepared)
      }
      return prepared
    },
    clearCache() {
      cache.clear()
    },
  }
}

function compile(text: string, shared: Shared): { root: RootRender; variables: VariableUse[] } {
  // jinja2 drops a single trailing newline (keep_trailing_newline=False, its default).
  const source = text.endsWith("\r\n") ? text.slice(0, -2) : text.endsWith("\n") ? text.slice(0, -1) : text
  let ast: NjNode
  try {
    ast = parseTemplate(source)
  } catch (error) {
    throw compileError(error, source)
  }
  let code: string
  let variables: VariableUse[]
  try {
    checkTemplate(ast, shared.filterNames, shared.testNames)
    variables = analyzeVariables(ast, shared.globalNames)
    const compiler = new nj.compiler.Compiler("template", false)
    compiler.compile(ast)
    code = compiler.getCode()
  } catch (error) {
    throw compileError(error, source)
  }
  let factory: () => { root: RootRender }
  try {
    // Compiling the checked template is what nunjucks itself does; see check-template.ts for why it is safe.
    factory = new Function(code) as () => { root: RootRender }
  } catch (error) {
    if (error instanceof EvalError || (error as Error | undefined)?.name === "EvalError") {
      throw new EngineUnavailableError(
        "jinja2",
        "jinja2 templates cannot be compiled here: this runtime forbids generating code from strings (new Function), as Cloudflare Workers, Vercel Edge and pages with a strict Content-Security-Policy do. Render jinja2 templates in Node, Deno, Bun or a browser page that allows 'unsafe-eval', or use f-string templates.",
        error,
      )
    }
    // The checked template compiled to invalid JavaScript: refuse it rather than guess why.
    throw new TemplateSecurityError("jinja2", "the template does not compile to valid code")
  }
  return { root: factory().root, variables }
}

function compileError(error: unknown, source: string): TemplateError {
  if (error instanceof TemplateError) return error
  if (error instanceof RangeError) {
    return new TemplateLimitError("nesting", MAX_TEMPLATE_DEPTH, "the template nests too deeply")
  }
  const located = error as { message?: unknown; lineno?: unknown; colno?: unknown }
  // nunjucks prefixes some messages with its parser function's name ("parseIf: ...").
  const message = String(located.message ?? error).replace(/^(?:parse|compile)\w*: /, "")
  // Errors at the end of the text ("expected endif, got end of file") come without a position.
  const position =
    typeof located.lineno === "number"
      ? { line: located.lineno, column: typeof located.colno === "number" ? located.colno : 1 }
      : positionOf(source, source.length)
  return new TemplateSyntaxError("jinja2", message, position, error)
}

function run(
  root: RootRender,
  env: Jinja2Environment,
  variables: VariableMap,
  runtime: Jinja2Runtime,
): string {
  const context = new Jinja2Context(env, variables, runtime.budget)
  const frame = new runtime.Frame()
  frame.topLevel = true
  let output: string | undefined
  let failure: unknown
  try {
    // Without async filters or tags (refused when checking) the callback runs before root returns.
    root(env, context, frame, runtime, (error, result) => {
      failure = error
      output = result
    })
  } catch (error) {
    failure = error
  }
  if (failure) throw toTemplateError(failure)
  return output ?? ""
}

/** jinja2 tests nunjucks lacks. */
const JINJA2_TESTS: Readonly<Record<string, (value: unknown, other?: unknown) => boolean>> = {
  none: (value) => value === null,
  true: (value) => value === true,
  false: (value) => value === false,
  boolean: (value) => typeof value === "boolean",
  integer: (value) => Number.isInteger(value) || typeof value === "bigint",
  float: (value) => typeof value === "number" && !Number.isInteger(value),
  sequence: (value) => typeof value === "string" || Array.isArray(value),
}

/** `range()`, as nunjucks has it, refusing ranges longer than the loop limit before building them. */
function range(this: { budget: Budget }, start: unknown, stop?: unknown, step?: unknown): number[] {
  let from = Number(start)
  let to = Number(stop)
  let by = step === undefined || step === null ? 1 : Number(step)
  if (stop === undefined) {
    to = from
    from = 0
    by = 1
  }
  if (!Number.isFinite(from) || !Number.isFinite(to) || !Number.isFinite(by) || by === 0) {
    throw new TemplateRenderError("jinja2", "range() needs finite numbers and a step other than 0")
  }
  const count = Math.max(0, Math.ceil((to - from) / by))
  this.budget.checkSize(count, "range()")
  const out: number[] = []
  for (let i = 0; i < count; i++) out.push(from + i * by)
  return out
}
