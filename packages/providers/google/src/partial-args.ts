import type { PartialArg } from "@google/genai"
import { ProviderResponseError } from "@pl/blueprint"
import { isRecord, PROVIDER } from "./conversion.js"

type Key = string | number
type Container = Record<Key, unknown>

const fail = (message: string) => new ProviderResponseError(PROVIDER, `partial arguments: ${message}`)

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
  readonly #root: Container
  text: string
  // The string still streaming: its path, where it sits, and the JSON text around its end.
  #open: { path: string; parent: Container; key: Key; head: string; tail: string } | undefined

  constructor(args?: Record<string, unknown>) {
    this.text = JSON.stringify(args ?? {})
    this.#root = JSON.parse(this.text) as Container
  }

  apply(arg: PartialArg): void {
    if (!isRecord(arg as unknown) || typeof arg.jsonPath !== "string")
      throw fail("an entry without a jsonPath")
    const path = parsePath(arg.jsonPath)
    // The same path may be spelled two ways (`$.a` and `$['a']`): compare the keys.
    const pathKey = JSON.stringify(path)
    const open = this.#open
    const value = arg.stringValue ?? arg.numberValue ?? arg.boolValue ?? (arg.nullValue ? null : undefined)
    if (open?.path === pathKey && typeof value === "string") {
      open.parent[open.key] += value
      open.head += JSON.stringify(value).slice(1, -1)
      this.text = open.head + open.tail
    } else {
      let parent = this.#root
      for (const [i, key] of path.entries()) {
        if (i === path.length - 1) break
        parent[key] ??= typeof path[i + 1] === "number" ? [] : {}
        if (typeof parent[key] !== "object") throw fail(`the value at ${key} is not an object or a list`)
        parent = parent[key] as Container
      }
      const key = path.at(-1)!
      parent[key] = value
      this.#open = undefined
      this.text = JSON.stringify(this.#root)
      if (typeof value === "string" && arg.willContinue) {
        const [head, tail] = splitJson(this.#root, path, 0)
        this.#open = { path: pathKey, parent, key, head, tail }
      }
    }
    if (!arg.willContinue) this.#open = undefined
  }
}

/** `$`, `.name`, `['name']` / `["name"]` and `[0]` segments (RFC 9535 normalized paths). */
export function parsePath(path: string): Key[] {
  const keys: Key[] = []
  const segment = /\.([^.[\]]+)|\[(\d+)\]|\[(['"])(.*?)\3\]/y
  segment.lastIndex = 1
  while (path[0] === "$" && segment.lastIndex < path.length) {
    const match = segment.exec(path)
    if (!match) break
    keys.push(match[2] ? Number(match[2]) : (match[1] ?? match[4]!))
  }
  if (keys.length === 0 || segment.lastIndex < path.length) throw fail(`unsupported JSON path ${path}`)
  return keys
}

// JSON text of `value` cut right before the closing quote of the string at `path`.
function splitJson(value: unknown, path: readonly Key[], depth: number): [string, string] {
  if (depth === path.length) return [JSON.stringify(value).slice(0, -1), '"']
  const isArray = Array.isArray(value)
  // Array.from, not Object.entries: a list set from a later index first has holes, which JSON writes as null.
  const entries = isArray
    ? Array.from(value, (item, i) => [String(i), item] as const)
    : Object.entries(value as Container)
  let head = isArray ? "[" : "{"
  let rest = ""
  let found = false
  for (const [i, [key, item]] of entries.entries()) {
    const text = `${i > 0 ? "," : ""}${isArray ? "" : `${JSON.stringify(key)}:`}`
    if (key === String(path[depth])) {
      const [h, t] = splitJson(item, path, depth + 1)
      head += text + h
      rest = t
      found = true
    } else if (found) rest += text + (JSON.stringify(item) ?? "null")
    else head += text + (JSON.stringify(item) ?? "null")
  }
  return [head, rest + (isArray ? "]" : "}")]
}
