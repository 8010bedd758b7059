import type { Budget } from "../options.js"
import { pythonStr } from "../python-str.js"
import { codePointLength, countOccurrences } from "../values.js"

type Method = (...args: unknown[]) => unknown

/**
 * The Python methods jinja2 templates call on strings and dicts, reimplemented on plain data (JavaScript
 * methods are never reachable from a template). Those that can build long strings are checked against the
 * output limit before they build them.
 */
export function pythonMethod(
  target: string | Record<string, unknown>,
  name: string,
  budget: Budget,
): Method | undefined {
  if (typeof target === "string") {
    const make = Object.hasOwn(STRING_METHODS, name) ? STRING_METHODS[name] : undefined
    return make?.(target, budget)
  }
  const make = Object.hasOwn(DICT_METHODS, name) ? DICT_METHODS[name] : undefined
  return make?.(target)
}

const text = (value: unknown) => pythonStr(value, "jinja2")

function stripChars(value: string, chars: unknown, start: boolean, end: boolean): string {
  if (chars === undefined || chars === null) {
    return start && end ? value.trim() : start ? value.trimStart() : value.trimEnd()
  }
  const set = new Set(Array.from(text(chars)))
  const list = Array.from(value)
  let from = 0
  let to = list.length
  if (start) while (from < to && set.has(list[from] ?? "")) from++
  if (end) while (to > from && set.has(list[to - 1] ?? "")) to--
  return list.slice(from, to).join("")
}

function split(value: string, separator: unknown, maxSplit: unknown): string[] {
  const limit = typeof maxSplit === "number" && maxSplit >= 0 ? maxSplit : Number.POSITIVE_INFINITY
  if (separator === undefined || separator === null) {
    const words = value.trim().split(/\s+/).filter(Boolean)
    if (words.length <= limit + 1) return words
    // Python keeps the rest of the string, whitespace included, as the last item.
    let rest = value.trimStart()
    const out: string[] = []
    for (let i = 0; i < limit; i++) {
      const match = /\s+/.exec(rest)
      if (!match) break
      out.push(rest.slice(0, match.index))
      rest = rest.slice(match.index + match[0].length)
    }
    out.push(rest)
    return out
  }
  const sep = text(separator)
  if (sep === "") throw new TypeError("empty separator")
  const parts = value.split(sep)
  if (parts.length <= limit + 1) return parts
  return [...parts.slice(0, limit), parts.slice(limit).join(sep)]
}

function count(value: string, sub: string): number {
  return sub === "" ? codePointLength(value) + 1 : countOccurrences(value, sub)
}

function replace(value: string, old: string, replacement: string, maxCount: unknown, budget: Budget): string {
  const max = typeof maxCount === "number" && maxCount >= 0 ? maxCount : Number.POSITIVE_INFINITY
  const occurrences = Math.min(count(value, old), max)
  budget.checkLength(value.length + occurrences * (replacement.length - old.length), "replace()")
  if (old === "") {
    const chars = Array.from(value)
    const out: string[] = []
    chars.forEach((char, i) => {
      if (i < max) out.push(replacement)
      out.push(char)
    })
    if (chars.length < max) out.push(replacement)
    return out.join("")
  }
  let out = ""
  let from = 0
  for (let done = 0; done < max; done++) {
    const at = value.indexOf(old, from)
    if (at < 0) break
    out += value.slice(from, at) + replacement
    from = at + old.length
  }
  return out + value.slice(from)
}

/** Python's str.title(): the first letter of each run of letters upper case, the rest lower case. */
function title(value: string): string {
  let out = ""
  let previousCased = false
  for (const char of value) {
    const cased = char.toLowerCase() !== char.toUpperCase()
    out += cased ? (previousCased ? char.toLowerCase() : char.toUpperCase()) : char
    previousCased = cased
  }
  return out
}

function join(separator: string, items: unknown, budget: Budget): string {
  const list = Array.isArray(items) ? items : typeof items === "string" ? Array.from(items) : []
  budget.checkLength(Math.max(0, list.length - 1) * separator.length, "join()")
  const joined = list.map(text).join(separator)
  budget.checkLength(joined.length, "join()")
  return joined
}

const prefixes = (value: unknown): string[] => (Array.isArray(value) ? value.map(text) : [text(value)])
const every = (value: string, test: RegExp) => value.length > 0 && test.test(value)

const STRING_METHODS: Readonly<Record<string, (value: string, budget: Budget) => Method>> = {
  upper: (value) => () => value.toUpperCase(),
  lower: (value) => () => value.toLowerCase(),
  strip: (value) => (chars) => stripChars(value, chars, true, true),
  lstrip: (value) => (chars) => stripChars(value, chars, true, false),
  rstrip: (value) => (chars) => stripChars(value, chars, false, true),
  split: (value) => (separator, maxSplit) => split(value, separator, maxSplit),
  splitlines: (value) => () =>
    value.split(/\r\n|\r|\n/).filter((line, i, all) => i < all.length - 1 || line !== ""),
  startswith: (value) => (prefix) => prefixes(prefix).some((p) => value.startsWith(p)),
  endswith: (value) => (suffix) => prefixes(suffix).some((s) => value.endsWith(s)),
  replace: (value, budget) => (old, replacement, maxCount) =>
    replace(value, text(old), text(replacement), maxCount, budget),
  title: (value) => () => title(value),
  capitalize: (value) => () => {
    const [first = "", ...rest] = Array.from(value)
    return first.toUpperCase() + rest.join("").toLowerCase()
  },
  find: (value) => (sub) => value.indexOf(text(sub)),
  count: (value) => (sub) => count(value, text(sub)),
  join: (value, budget) => (items) => join(value, items, budget),
  isdigit: (value) => () => every(value, /^\p{Nd}+$/u),
  isalpha: (value) => () => every(value, /^\p{L}+$/u),
  isalnum: (value) => () => every(value, /^[\p{L}\p{N}]+$/u),
  isspace: (value) => () => every(value, /^\s+$/),
  isupper: (value) => () => value !== value.toLowerCase() && value === value.toUpperCase(),
  islower: (value) => () => value !== value.toUpperCase() && value === value.toLowerCase(),
}

const DICT_METHODS: Readonly<Record<string, (value: Record<string, unknown>) => Method>> = {
  items: (value) => () => Object.keys(value).map((key) => [key, value[key]]),
  keys: (value) => () => Object.keys(value),
  values: (value) => () => Object.keys(value).map((key) => value[key]),
  get: (value) => (key, fallback) => {
    const name = text(key)
    return Object.hasOwn(value, name) ? value[name] : (fallback ?? null)
  },
}
