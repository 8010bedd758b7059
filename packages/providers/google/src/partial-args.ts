import type { PartialArg } from "@google/genai"
import { ProviderResponseError } from "@pl/blueprint"
import { isRecord, PROVIDER } from "./conversion.js"

type Key = string | number
type Container = Record<string, unknown> | unknown[]

/**
 * The arguments of a function call Vertex AI streams in pieces (`streamFunctionCallArguments`): each
 * `partialArgs` entry sets the value at a JSON path (`$.location`, `$.items[0].name`), and a string whose
 * entry says `willContinue` is continued by the next entry for the same path. `text` is the arguments as
 * JSON after every entry.
 *
 * Appending to the open string costs O(piece): the JSON text is kept as the text before the string's end
 * and the text after it, and only a new path re-serialises the arguments.
 *
 * @example
 * const args = new PartialArguments()
 * args.apply({ jsonPath: "$.city", stringValue: "San ", willContinue: true })
 * args.apply({ jsonPath: "$.city", stringValue: "Francisco" })
 * args.text // '{"city":"San Francisco"}'
 */
export class PartialArguments {
  readonly #root: Record<string, unknown>
  #text: string
  // The string still streaming: its path, where it sits, and the JSON text around its end.
  #open: { path: string; parent: Container; key: Key; head: string; tail: string } | undefined

  constructor(args?: Record<string, unknown>) {
    this.#root = args ? (JSON.parse(JSON.stringify(args)) as Record<string, unknown>) : {}
    this.#text = JSON.stringify(this.#root)
  }

  get text(): string {
    return this.#text
  }

  apply(arg: PartialArg): void {
    if (!isRecord(arg) || typeof arg.jsonPath !== "string")
      throw new ProviderResponseError(PROVIDER, "a partial argument without a jsonPath")
    const path = parsePath(arg.jsonPath)
    // The same path may be spelled two ways (`$.a` and `$['a']`): compare the keys.
    const pathKey = JSON.stringify(path)
    const open = this.#open
    if (open && open.path === pathKey && typeof arg.stringValue === "string") {
      ;(open.parent as Record<Key, string>)[open.key] += arg.stringValue
      open.head += JSON.stringify(arg.stringValue).slice(1, -1)
      this.#text = open.head + open.tail
    } else {
      const value = argValue(arg)
      const [parent, key] = containerAt(this.#root, path)
      ;(parent as Record<Key, unknown>)[key] = value
      if (typeof value === "string" && arg.willContinue) {
        const [head, tail] = splitJson(this.#root, path, 0)
        this.#open = { path: pathKey, parent, key, head, tail }
        this.#text = head + tail
      } else {
        this.#open = undefined
        this.#text = JSON.stringify(this.#root)
      }
    }
    if (!arg.willContinue) this.#open = undefined
  }
}

function argValue(arg: PartialArg): unknown {
  if (arg.stringValue !== undefined) return arg.stringValue
  if (arg.numberValue !== undefined) return arg.numberValue
  if (arg.boolValue !== undefined) return arg.boolValue
  if (arg.nullValue !== undefined) return null
  return undefined
}

/** `$`, `.name`, `['name']` / `["name"]` and `[0]` segments (RFC 9535 normalized paths). */
export function parsePath(path: string): Key[] {
  if (!path.startsWith("$")) throw new ProviderResponseError(PROVIDER, `not a JSON path: ${path}`)
  const keys: Key[] = []
  const segment = /\.([^.[\]]+)|\[(\d+)\]|\['((?:[^'\\]|\\.)*)'\]|\["((?:[^"\\]|\\.)*)"\]/y
  segment.lastIndex = 1
  while (segment.lastIndex < path.length) {
    const match = segment.exec(path)
    if (!match) throw new ProviderResponseError(PROVIDER, `unsupported JSON path: ${path}`)
    const [, name, index, single, double] = match
    keys.push(
      index !== undefined ? Number(index) : (name ?? (single ?? double ?? "").replace(/\\(.)/g, "$1")),
    )
  }
  return keys
}

// The container that holds `path`'s last key, creating objects and arrays on the way.
function containerAt(root: Record<string, unknown>, path: readonly Key[]): [Container, Key] {
  if (path.length === 0) throw new ProviderResponseError(PROVIDER, "a partial argument for the whole of `$`")
  let node: Container = root
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i]!
    const next = (node as Record<Key, unknown>)[key]
    const wantArray = typeof path[i + 1] === "number"
    if (next === undefined || next === null) {
      const created: Container = wantArray ? [] : {}
      ;(node as Record<Key, unknown>)[key] = created
      node = created
    } else if (wantArray ? Array.isArray(next) : isRecord(next)) node = next as Container
    else
      throw new ProviderResponseError(
        PROVIDER,
        `partial arguments disagree about the shape at ${String(key)}`,
      )
  }
  return [node, path[path.length - 1]!]
}

// JSON text of `value` cut right before the closing quote of the string at `path`.
function splitJson(value: unknown, path: readonly Key[], depth: number): [string, string] {
  if (depth === path.length) {
    const text = JSON.stringify(value)
    return [text.slice(0, -1), '"']
  }
  const key = path[depth]
  const isArray = Array.isArray(value)
  const entries: [Key, unknown][] = isArray
    ? Array.from(value, (item, i) => [i, item])
    : Object.entries(value as Record<string, unknown>)
  let head = isArray ? "[" : "{"
  let tail = ""
  let past = false
  for (const [i, [k, item]] of entries.entries()) {
    const text = `${i > 0 ? "," : ""}${isArray ? "" : `${JSON.stringify(k)}:`}`
    if (k === key) {
      const [h, t] = splitJson(item, path, depth + 1)
      head += text + h
      tail += t
      past = true
    } else if (past) tail += text + (JSON.stringify(item) ?? "null")
    else head += text + (JSON.stringify(item) ?? "null")
  }
  return [head, tail + (isArray ? "]" : "}")]
}
