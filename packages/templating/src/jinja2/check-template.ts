import { TemplateLimitError, TemplateSecurityError, TemplateSyntaxError } from "../errors.js"
import { isForbiddenMember } from "../forbidden-names.js"
import { isNode, type NjNode, nj } from "./nunjucks.js"

/** How deep a parsed template may nest (expressions and blocks); deeper is refused before compiling. */
export const MAX_TEMPLATE_DEPTH = 500

/**
 * Checks a parsed template against an allowlist before nunjucks compiles it, and rewrites it slightly.
 *
 * Why an allowlist: nunjucks' compiler writes some names from the template into the generated
 * JavaScript without escaping them, so a template can inject code at compile time, with no
 * `constructor` in sight: `{% set "x\"); ...; //" = 1 %}`, a string as a test name
 * (`x is "odd\") && ...`), as a macro keyword argument or a loop variable, a backslash in a called
 * member's name. Only node types and shapes whose compiled code is known to be safe pass:
 * every name is an identifier, every filter and test is one we provide, called names carry no
 * escape characters. Refused outright: `include`/`import`/`extends`/`block` (a prompt is one
 * self-contained text, and nothing may be loaded), nunjucks' async tags, extensions, and regular
 * expression literals (`r/(a+)+$/` can take exponential time).
 *
 * Rewrites: literal text goes through the runtime's output counting (so the output limit also covers
 * text in loops), and `True`/`False`/`None` are constants, as in jinja2.
 */
export function checkTemplate(root: NjNode, filters: ReadonlySet<string>, tests: ReadonlySet<string>): void {
  new TemplateChecker(filters, tests).node(root, 0)
}

// A JavaScript identifier (names also become generated parameter names, `l_<name>`), without escapes.
const NAME = /^[\p{ID_Start}_$][\p{ID_Continue}$]*$/u
// Maps, not object literals: `constructor` or `toString` must not be found on Object.prototype.
const CONSTANTS: ReadonlyMap<string, boolean | null> = new Map([
  ["True", true],
  ["False", false],
  ["None", null],
])
const UNSUPPORTED: ReadonlyMap<string, string> = new Map(
  Object.entries({
    Extends: "{% extends %}",
    Include: "{% include %}",
    Import: "{% import %}",
    FromImport: "{% from ... import %}",
    Block: "{% block %}",
    Super: "super()",
    TemplateRef: "template references",
    AsyncEach: "{% asyncEach %}",
    AsyncAll: "{% asyncAll %}",
    IfAsync: "{% ifAsync %}",
    FilterAsync: "async filters",
    CallExtension: "extension tags",
    CallExtensionAsync: "extension tags",
  }),
)
const BINARY = new Set(["In", "Is", "Or", "And", "Add", "Sub", "Div", "FloorDiv", "Pow"])
/**
 * Operators and loops rewritten into calls of internal filters, named so no template can name them
 * (filter names in templates are identifiers): `~` prints both sides as jinja2 does (`None`, not `null`)
 * and checks the result's length; `*` repeats a string as Python does (`"-" * 20`), checked against the
 * output limit; `%` refuses Python's string formatting (`"%s" % x`) instead of printing `nan`; a loop with
 * one name over a dict iterates its keys, as in Python (nunjucks would iterate nothing).
 */
export const CONCAT_FILTER = "~"
export const MUL_FILTER = "*"
export const MOD_FILTER = "%"
export const LOOP_FILTER = "@for"
const OPERATOR_FILTERS: ReadonlyMap<string, string> = new Map([
  ["Concat", CONCAT_FILTER],
  ["Mul", MUL_FILTER],
  ["Mod", MOD_FILTER],
])
/** Tests that are literals in the lexer (`x is none`, `x is true`), by the name they are provided under. */
const LITERAL_TESTS: ReadonlyMap<unknown, string> = new Map<unknown, string>([
  [null, "none"],
  [true, "true"],
  [false, "false"],
])
const UNARY = new Set(["Not", "Neg", "Pos"])
const LISTS = new Set(["Root", "NodeList", "Group", "Array", "Output"])
const COMPARE_OPS = new Set(["==", "===", "!=", "!==", "<", ">", "<=", ">="])

function position(node: NjNode) {
  return { line: node.lineno + 1, column: node.colno + 1 }
}

class TemplateChecker {
  constructor(
    private readonly filters: ReadonlySet<string>,
    private readonly tests: ReadonlySet<string>,
  ) {}

  private refuse(node: NjNode, message: string): never {
    throw new TemplateSecurityError("jinja2", message, position(node))
  }

  private unsupported(node: NjNode, message: string): never {
    throw new TemplateSyntaxError("jinja2", message, position(node))
  }

  /** Checks `node` and returns it, or the node that replaces it. */
  node(node: unknown, depth: number): NjNode {
    if (!isNode(node)) throw new TemplateSecurityError("jinja2", "unexpected template structure")
    if (depth > MAX_TEMPLATE_DEPTH) {
      throw new TemplateLimitError("nesting", MAX_TEMPLATE_DEPTH, "the template nests too deeply")
    }
    const next = depth + 1
    const type = node.typename
    if (LISTS.has(type)) {
      this.children(node, next)
      return node
    }
    if (BINARY.has(type)) {
      node.left = this.node(node.left, next)
      if (type === "Is") this.testName(node, node.right)
      node.right = type === "Is" ? this.testCall(node.right, next) : this.node(node.right, next)
      return node
    }
    const operatorFilter = OPERATOR_FILTERS.get(type)
    if (operatorFilter !== undefined) {
      return internalFilter(node, operatorFilter, [this.node(node.left, next), this.node(node.right, next)])
    }
    if (UNARY.has(type)) {
      node.target = this.node(node.target, next)
      return node
    }
    switch (type) {
      case "TemplateData":
        // Through suppressValue, where output is counted, instead of appended directly.
        return new nj.nodes.Literal(node.lineno, node.colno, String(node.value ?? ""))
      case "Literal":
        return this.literal(node)
      case "Symbol": {
        const name = this.name(node)
        return CONSTANTS.has(name) ? new nj.nodes.Literal(node.lineno, node.colno, CONSTANTS.get(name)) : node
      }
      case "Dict":
      case "KeywordArgs":
        for (const pair of this.list(node.children)) this.pair(pair, next)
        return node
      case "LookupVal":
        node.target = this.node(node.target, next)
        node.val = this.node(node.val, next)
        if (isNode(node.val) && node.val.typename === "Literal" && typeof node.val.value === "string") {
          if (isForbiddenMember(node.val.value))
            this.refuse(node, `the member "${node.val.value}" is not accessible`)
        }
        return node
      case "FunCall":
        this.callee(node, node.name)
        node.name = this.node(node.name, next)
        node.args = this.node(node.args, next)
        return node
      case "Filter": {
        const name = isNode(node.name) ? node.name.value : undefined
        if (typeof name !== "string" || !this.filters.has(name)) {
          this.unsupported(node, `unknown filter ${JSON.stringify(String(name))}`)
        }
        node.args = this.node(node.args, next)
        return node
      }
      case "InlineIf":
      case "If":
        node.cond = this.node(node.cond, next)
        node.body = this.node(node.body, next)
        if (node.else_ !== null && node.else_ !== undefined) node.else_ = this.node(node.else_, next)
        return node
      case "For":
        this.loopNames(node)
        if (
          isNode(node.arr) &&
          node.arr.typename === "InlineIf" &&
          (node.arr.else_ === null || node.arr.else_ === undefined)
        ) {
          this.unsupported(
            node,
            "loop filtering (`for x in items if condition`) is not supported: put an `{% if %}` inside the loop, or filter first with `select`/`selectattr`",
          )
        }
        node.arr = this.node(node.arr, next)
        if (isNode(node.name) && node.name.typename === "Symbol")
          node.arr = internalFilter(node, LOOP_FILTER, [node.arr as NjNode])
        node.body = this.node(node.body, next)
        if (node.else_ !== null && node.else_ !== undefined) node.else_ = this.node(node.else_, next)
        return node
      case "Set":
        for (const target of this.list(node.targets)) this.symbol(target)
        if (node.value !== null && node.value !== undefined) node.value = this.node(node.value, next)
        if (node.body !== null && node.body !== undefined) node.body = this.node(node.body, next)
        return node
      case "Capture":
        node.body = this.node(node.body, next)
        return node
      case "Macro":
      case "Caller":
        this.symbol(node.name)
        this.signature(node.args, next)
        node.body = this.node(node.body, next)
        return node
      case "Switch":
        node.expr = this.node(node.expr, next)
        for (const [i, c] of this.list(node.cases).entries()) (node.cases as NjNode[])[i] = this.node(c, next)
        if (node.default !== null && node.default !== undefined) node.default = this.node(node.default, next)
        return node
      case "Case":
        node.cond = this.node(node.cond, next)
        node.body = this.node(node.body, next)
        return node
      case "Compare":
        node.expr = this.node(node.expr, next)
        for (const op of this.list(node.ops)) {
          if (op.typename !== "CompareOperand" || !COMPARE_OPS.has(String(op.type))) {
            this.refuse(op, "unexpected comparison")
          }
          op.expr = this.node(op.expr, next)
        }
        return node
      default: {
        const tag = UNSUPPORTED.get(type)
        if (tag !== undefined) {
          this.unsupported(
            node,
            `${tag} is not supported: a prompt template is one self-contained text and cannot load or extend others (nunjucks-only async tags and extensions are not supported either)`,
          )
        }
        return this.refuse(node, `unexpected template element ${type}`)
      }
    }
  }

  private children(node: NjNode, depth: number): void {
    const children = this.list(node.children)
    for (let i = 0; i < children.length; i++) children[i] = this.node(children[i], depth)
  }

  private list(value: unknown): NjNode[] {
    if (!Array.isArray(value)) throw new TemplateSecurityError("jinja2", "unexpected template structure")
    return value as NjNode[]
  }

  private literal(node: NjNode): NjNode {
    const value = node.value
    if (value instanceof RegExp) this.refuse(node, "regular expression literals (r/.../) are not allowed")
    if (
      value !== null &&
      typeof value !== "string" &&
      typeof value !== "number" &&
      typeof value !== "boolean"
    ) {
      this.refuse(node, "unexpected literal")
    }
    return node
  }

  /** A name that nunjucks writes into generated code: it must be a plain identifier. */
  private name(node: NjNode): string {
    const name = node.value
    if (typeof name !== "string" || !NAME.test(name))
      this.refuse(node, `${JSON.stringify(name)} is not a valid name`)
    return name
  }

  private symbol(node: unknown): void {
    if (!isNode(node) || node.typename !== "Symbol") {
      throw new TemplateSecurityError(
        "jinja2",
        "only plain names can be assigned or declared",
        isNode(node) ? position(node) : undefined,
      )
    }
    this.name(node)
  }

  private loopNames(node: NjNode): void {
    const name = node.name
    if (isNode(name) && name.typename === "Array")
      for (const child of this.list(name.children)) this.symbol(child)
    else this.symbol(name)
  }

  private pair(pair: NjNode, depth: number): void {
    if (pair.typename !== "Pair") this.refuse(pair, "unexpected dictionary entry")
    const key = pair.key
    if (
      !isNode(key) ||
      (key.typename !== "Symbol" && !(key.typename === "Literal" && typeof key.value === "string"))
    ) {
      this.refuse(pair, "dictionary keys must be strings or names")
    }
    if (key.typename === "Symbol") this.name(key)
    // `{"__proto__": x}` would set the new object's prototype instead of adding a key.
    if (key.value === "__proto__") this.refuse(pair, 'the key "__proto__" is not allowed')
    pair.value = this.node(pair.value, depth)
  }

  /** Macro and caller parameters: names, then optionally `name=default` pairs. */
  private signature(args: unknown, depth: number): void {
    if (!isNode(args) || args.typename !== "NodeList")
      throw new TemplateSecurityError("jinja2", "unexpected macro signature")
    const children = this.list(args.children)
    children.forEach((arg, i) => {
      if (i === children.length - 1 && arg.typename === "KeywordArgs") {
        for (const pair of this.list(arg.children)) {
          if (pair.typename !== "Pair") this.refuse(pair, "unexpected macro parameter")
          this.symbol(pair.key)
          pair.value = this.node(pair.value, depth)
        }
      } else {
        this.symbol(arg)
      }
    })
  }

  /** `x is test` / `x is test(args)`: the test must be one we provide. */
  private testName(node: NjNode, right: unknown): void {
    // `x is none` / `x is true`: the lexer reads the test's name as a literal; name it as the test.
    if (isNode(right) && right.typename === "Literal" && LITERAL_TESTS.has(right.value)) {
      node.right = new nj.nodes.Symbol(right.lineno, right.colno, LITERAL_TESTS.get(right.value) as string)
      right = node.right
    }
    const target = isNode(right) && right.typename === "FunCall" ? right.name : right
    if (!isNode(target) || target.typename !== "Symbol")
      this.refuse(node, "a test must be named, as in `x is defined`")
    const name = this.name(target)
    if (!this.tests.has(name)) this.unsupported(node, `unknown test ${JSON.stringify(name)}`)
  }

  private testCall(right: unknown, depth: number): NjNode {
    if (isNode(right) && right.typename === "FunCall") {
      right.args = this.node(right.args, depth)
      return right
    }
    return right as NjNode
  }

  /**
   * nunjucks writes a called expression's name into the generated code for its error messages, escaping
   * quotes but not backslashes: a name with `\` or a line break could end the string early.
   */
  private callee(node: NjNode, callee: unknown): void {
    const name = calleeName(callee)
    if (name === undefined) this.unsupported(node, "this cannot be called")
    if (/[\\\n\r\u2028\u2029]/.test(name))
      this.refuse(node, "a called name may not contain backslashes or line breaks")
  }
}

/** A call of an internal filter, standing for an operator or a loop's iterable. */
function internalFilter(node: NjNode, name: string, args: NjNode[]): NjNode {
  return new nj.nodes.Filter(
    node.lineno,
    node.colno,
    new nj.nodes.Symbol(node.lineno, node.colno, name),
    new nj.nodes.NodeList(node.lineno, node.colno, args),
  )
}

function calleeName(node: unknown): string | undefined {
  if (!isNode(node)) return undefined
  switch (node.typename) {
    case "Symbol":
      return String(node.value)
    case "FunCall":
      return calleeName(node.name)
    case "LookupVal": {
      const target = calleeName(node.target)
      const val = calleeName(node.val)
      return target === undefined || val === undefined ? undefined : `${target}[${val}]`
    }
    case "Literal":
      return node.value === null || node.value === undefined ? undefined : String(node.value)
    default:
      return "--expression--"
  }
}
