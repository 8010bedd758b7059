/**
 * The parts of nunjucks this package uses, typed. Only what the package's main export offers is used
 * (`parser`, `compiler.Compiler`, `nodes`, `runtime`, `lib`, `Environment` for the built-in filters,
 * tests and globals), so the same code runs against nunjucks' Node build and its browser bundle (which
 * bundlers pick through nunjucks' `browser` field). Nunjucks' own `Environment`/`Template` rendering is
 * never used: templates are parsed, checked and compiled here, and run with this package's runtime.
 */
import nunjucks from "nunjucks"

/** A parsed template node. Fields depend on `typename` (see nunjucks `src/nodes.js`). */
export interface NjNode {
  readonly typename: string
  lineno: number
  colno: number
  [field: string]: unknown
}

export type NjFunction = (this: unknown, ...args: unknown[]) => unknown

/** A frame: the variables of one scope (nunjucks `runtime.Frame`). */
export interface NjFrame {
  topLevel: boolean
  set(name: string, value: unknown, resolveUp?: boolean): void
  lookup(name: string): unknown
  push(isolateWrites?: boolean): NjFrame
}

export type NjFrameClass = new (parent?: NjFrame, isolateWrites?: boolean) => NjFrame

export interface NjRuntime {
  Frame: NjFrameClass
  SafeString: new (value: string) => { val: string; length: number }
  makeMacro(argNames: string[], kwargNames: string[], func: NjFunction): NjFunction
  copySafeness(source: unknown, text: unknown): unknown
  markSafe(value: unknown): unknown
  [member: string]: unknown
}

export interface NjCompiler {
  compile(node: NjNode): void
  getCode(): string
}

interface NunjucksInternals {
  parser: { Parser: new (tokens: NjTokenizer) => { parseAsRoot(): NjNode } }
  lexer: { lex(source: string, options?: object): NjTokenizer }
  compiler: { Compiler: new (templateName: string, throwOnUndefined: boolean) => NjCompiler }
  nodes: {
    Literal: new (lineno: number, colno: number, value: unknown) => NjNode
    Symbol: new (lineno: number, colno: number, value: string) => NjNode
    NodeList: new (lineno: number, colno: number, children: NjNode[]) => NjNode
    Filter: new (lineno: number, colno: number, name: NjNode, args: NjNode) => NjNode
  }
  runtime: NjRuntime
  lib: { TemplateError: new (...args: unknown[]) => Error }
  Environment: new (
    loaders: unknown[],
    options: object,
  ) => {
    filters: Record<string, NjFunction>
    tests: Record<string, NjFunction>
    globals: Record<string, unknown>
  }
}

export function isNode(value: unknown): value is NjNode {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { typename?: unknown }).typename === "string"
  )
}

/** nunjucks' tokenizer: the fields `extractUntil` below keeps in step. */
interface NjTokenizer {
  str: string
  index: number
  len: number
  lineno: number
  colno: number
  _extractUntil(chars: string): string | null
}

export const nj = nunjucks as unknown as NunjucksInternals

/**
 * Parses a template with nunjucks' parser. The tokenizer's `_extractUntil`, which nunjucks runs one
 * character at a time (with a string concatenation and three calls per character), is replaced on this
 * tokenizer instance only by one that scans natively and moves line and column in one step: a 10 MB
 * prompt lexes in milliseconds instead of seconds. Same results: the test suite parses every template
 * both ways.
 */
export function parseTemplate(source: string, fast = true): NjNode {
  const tokens = nj.lexer.lex(source, {})
  if (fast) tokens._extractUntil = extractUntil
  return new nj.parser.Parser(tokens).parseAsRoot()
}

function extractUntil(this: NjTokenizer, chars: string): string | null {
  if (this.index >= this.len) return null
  const { str, index: start, len } = this
  let end = len
  if (chars.length <= 4) {
    for (const char of chars) {
      const at = str.indexOf(char, start)
      if (at >= 0 && at < end) end = at
    }
  } else {
    end = start
    while (end < len && !chars.includes(str.charAt(end))) end++
  }
  if (end === start) return ""
  const text = str.slice(start, end)
  const lastNewline = text.lastIndexOf("\n")
  if (lastNewline < 0) this.colno += text.length
  else {
    let newlines = 0
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) newlines++
    this.lineno += newlines
    this.colno = text.length - lastNewline - 1
  }
  this.index = end
  return text
}

/** A nunjucks template error carries 0-based `lineno`/`colno` when it knows them. */
export function isNunjucksError(error: unknown): error is Error & { lineno?: number; colno?: number } {
  return error instanceof nj.lib.TemplateError
}
