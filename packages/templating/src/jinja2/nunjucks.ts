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
  parser: { parse(source: string, extensions?: unknown[], options?: object): NjNode }
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

export const nj = nunjucks as unknown as NunjucksInternals

/** A nunjucks template error carries 0-based `lineno`/`colno` when it knows them. */
export function isNunjucksError(error: unknown): error is Error & { lineno?: number; colno?: number } {
  return error instanceof nj.lib.TemplateError
}
