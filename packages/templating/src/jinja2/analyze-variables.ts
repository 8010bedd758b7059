import type { VariableUse } from "../engine.js"
import { CONCAT_FILTER, LOOP_FILTER } from "./check-template.js"
import { isNode, type NjNode } from "./nunjucks.js"

/** Filters whose input is text: a variable printed through them is still a string. */
const TEXT_FILTERS = new Set([
  "capitalize",
  "center",
  "e",
  "escape",
  "forceescape",
  "indent",
  "lower",
  "nl2br",
  "replace",
  "safe",
  "striptags",
  "title",
  "trim",
  "truncate",
  "upper",
  "urlize",
  "wordcount",
])
const DEFAULT_FILTERS = new Set(["default", "d"])

interface Guards {
  /** Names known to be present when the condition is true. */
  truthy: string[]
  /** Names known to be present when it is false. */
  falsy: string[]
}

/**
 * The undeclared variables of a checked template, from its syntax tree (never by pattern-matching the
 * text), in first-use order: names bound by `set`, `for` (and `loop`), macros, macro parameters and
 * `caller`, and the globals, are not variables. A variable is optional (`required: false`) when every use
 * copes with its absence: `x is defined`/`undefined`, `x | default(...)`, `{% if x %}` /
 * `{% if not x %}`, or a use inside the branch such a test guards.
 */
export function analyzeVariables(root: NjNode, globals: ReadonlySet<string>): VariableUse[] {
  const analyzer = new Analyzer(globals)
  analyzer.statements(root)
  return [...analyzer.uses.values()]
}

class Analyzer {
  readonly uses = new Map<string, VariableUse>()
  private readonly scopes: Set<string>[] = [new Set()]
  private readonly guarded: string[][] = []

  constructor(private readonly globals: ReadonlySet<string>) {}

  private use(name: string, kind: VariableUse["kind"], optional: boolean): void {
    if (this.globals.has(name) || this.scopes.some((scope) => scope.has(name))) return
    const required = !optional && !this.guarded.some((names) => names.includes(name))
    const known = this.uses.get(name)
    if (known === undefined) this.uses.set(name, { name, kind, required })
    else {
      if (kind === "value") known.kind = "value"
      known.required ||= required
    }
  }

  private declare(name: unknown): void {
    if (typeof name === "string") this.scopes[this.scopes.length - 1]?.add(name)
  }

  private scoped(names: unknown[], run: () => void): void {
    this.scopes.push(new Set(names.filter((name): name is string => typeof name === "string")))
    try {
      run()
    } finally {
      this.scopes.pop()
    }
  }

  private withGuards(names: string[], run: () => void): void {
    this.guarded.push(names)
    try {
      run()
    } finally {
      this.guarded.pop()
    }
  }

  statements(node: unknown): void {
    if (!isNode(node)) return
    switch (node.typename) {
      case "Root":
      case "NodeList":
        for (const child of children(node)) this.statements(child)
        return
      case "Output":
        for (const child of children(node)) this.expression(child, "text")
        return
      case "If": {
        const guards = guardsOf(node.cond)
        this.condition(node.cond)
        this.withGuards(guards.truthy, () => this.statements(node.body))
        this.withGuards(guards.falsy, () => this.statements(node.else_))
        return
      }
      case "For": {
        this.expression(node.arr, "value")
        const name = node.name as NjNode
        const names = name.typename === "Array" ? children(name).map((child) => child.value) : [name.value]
        this.scoped([...names, "loop"], () => this.statements(node.body))
        this.statements(node.else_)
        return
      }
      case "Set":
        if (isNode(node.value)) this.expression(node.value, "value")
        if (isNode(node.body)) this.statements((node.body as NjNode).body)
        for (const target of node.targets as NjNode[]) this.declare(target.value)
        return
      case "Macro":
        this.declare((node.name as NjNode).value)
        this.macro(node)
        return
      case "Switch":
        this.expression(node.expr, "value")
        for (const c of node.cases as NjNode[]) {
          this.expression(c.cond, "value")
          this.statements(c.body)
        }
        this.statements(node.default)
        return
      default:
        this.expression(node, "value")
    }
  }

  /** A macro or `{% call %}` body: its own scope, with its parameters and `caller`. */
  private macro(node: NjNode): void {
    const params: unknown[] = ["caller"]
    const defaults: NjNode[] = []
    for (const arg of children(node.args as NjNode)) {
      if (arg.typename === "KeywordArgs") {
        for (const pair of children(arg)) {
          params.push((pair.key as NjNode).value)
          defaults.push(pair.value as NjNode)
        }
      } else params.push(arg.value)
    }
    this.scoped(params, () => {
      for (const value of defaults) this.expression(value, "value")
      this.statements(node.body)
    })
  }

  /** An `if` condition: the names it tests for presence are optional there. */
  private condition(node: unknown): void {
    if (!isNode(node)) return
    switch (node.typename) {
      case "Symbol":
        this.use(String(node.value), "value", true)
        return
      case "Not":
        this.condition(node.target)
        return
      case "And":
      case "Or":
        this.condition(node.left)
        this.condition(node.right)
        return
      case "Group":
        if (children(node).length === 1) this.condition(children(node)[0])
        else this.expression(node, "value")
        return
      default:
        this.expression(node, "value")
    }
  }

  expression(node: unknown, kind: VariableUse["kind"], optional = false): void {
    if (!isNode(node)) return
    switch (node.typename) {
      case "Literal":
        return
      case "Symbol":
        this.use(String(node.value), kind, optional)
        return
      case "Group":
        for (const child of children(node)) this.expression(child, kind, optional)
        return
      case "Array":
      case "NodeList":
        for (const child of children(node)) this.expression(child, "value")
        return
      case "Dict":
      case "KeywordArgs":
        for (const pair of children(node)) this.expression(pair.value, "value")
        return
      case "LookupVal":
        this.expression(node.target, "value", optional)
        this.expression(node.val, "value")
        return
      case "FunCall":
        this.expression(node.name, "value")
        this.expression(node.args, "value")
        return
      case "Filter": {
        const name = String((node.name as NjNode).value)
        const [input, ...rest] = children(node.args as NjNode)
        if (name === CONCAT_FILTER) {
          // `a ~ b`: both sides are printed into the result.
          this.expression(input, kind)
          for (const arg of rest) this.expression(arg, kind)
          return
        }
        if (name === LOOP_FILTER) {
          this.expression(input, "value", optional)
          return
        }
        if (isNode(input) && input.typename === "Capture") this.statements(input.body)
        else if (DEFAULT_FILTERS.has(name)) this.expression(input, kind, true)
        else this.expression(input, TEXT_FILTERS.has(name) ? kind : "value", optional)
        for (const arg of rest) this.expression(arg, "value")
        return
      }
      case "Capture":
        this.statements(node.body)
        return
      case "Caller":
        this.macro(node)
        return
      case "InlineIf": {
        const guards = guardsOf(node.cond)
        this.condition(node.cond)
        this.withGuards(guards.truthy, () => this.expression(node.body, kind))
        this.withGuards(guards.falsy, () => this.expression(node.else_, kind))
        return
      }
      case "Is": {
        const test = testName(node.right)
        this.expression(node.left, "value", optional || test === "defined" || test === "undefined")
        if (isNode(node.right) && node.right.typename === "FunCall") this.expression(node.right.args, "value")
        return
      }
      case "Not":
      case "Neg":
      case "Pos":
        this.expression(node.target, "value")
        return
      case "Compare":
        this.expression(node.expr, "value")
        for (const op of node.ops as NjNode[]) this.expression(op.expr, "value")
        return
      default:
        // The remaining binary operators: In, Or, And, Add, Sub, Mul, Div, FloorDiv, Pow.
        this.expression(node.left, "value")
        this.expression(node.right, "value")
    }
  }
}

function guardsOf(node: unknown): Guards {
  if (!isNode(node)) return { truthy: [], falsy: [] }
  switch (node.typename) {
    case "Symbol":
      return { truthy: [String(node.value)], falsy: [] }
    case "Is": {
      const left = node.left as NjNode
      if (left.typename !== "Symbol") return { truthy: [], falsy: [] }
      const test = testName(node.right)
      if (test === "defined") return { truthy: [String(left.value)], falsy: [] }
      if (test === "undefined") return { truthy: [], falsy: [String(left.value)] }
      return { truthy: [], falsy: [] }
    }
    case "Not": {
      const inner = guardsOf(node.target)
      return { truthy: inner.falsy, falsy: inner.truthy }
    }
    case "And": {
      const left = guardsOf(node.left)
      const right = guardsOf(node.right)
      return { truthy: [...left.truthy, ...right.truthy], falsy: [] }
    }
    case "Or": {
      const left = guardsOf(node.left)
      const right = guardsOf(node.right)
      return { truthy: [], falsy: [...left.falsy, ...right.falsy] }
    }
    case "Group":
      return children(node).length === 1 ? guardsOf(children(node)[0]) : { truthy: [], falsy: [] }
    default:
      return { truthy: [], falsy: [] }
  }
}

function testName(right: unknown): string | undefined {
  const target = isNode(right) && right.typename === "FunCall" ? right.name : right
  return isNode(target) ? String(target.value) : undefined
}

function children(node: NjNode): NjNode[] {
  return Array.isArray(node.children) ? (node.children as NjNode[]) : []
}
