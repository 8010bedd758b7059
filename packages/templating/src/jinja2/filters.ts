import { TemplateRenderError, TemplateSecurityError } from "../errors.js"
import { isForbiddenMember } from "../forbidden-names.js"
import type { Budget } from "../options.js"
import { pythonStr } from "../python-str.js"
import { countOccurrences, isPlainObject } from "../values.js"
import { CONCAT_FILTER, LOOP_FILTER, MOD_FILTER, MUL_FILTER } from "./check-template.js"
import { type NjFunction, nj } from "./nunjucks.js"

/** What filters see as `this`: nunjucks passes the render context, which carries the render's budget. */
interface FilterThis {
  budget: Budget
  env: { getFilter(name: string): NjFunction }
}

type Filter = (this: FilterThis, ...args: unknown[]) => unknown

/**
 * nunjucks' built-in filters, with the ones that could be abused made safe, plus the jinja2 filters
 * prompts use most that nunjucks lacks (`tojson`, `items`, `map`):
 * - sizes come from the template, so they are checked before anything is built: `center` and `indent`
 *   widths, `replace` results, `join` separators against the output limit; `batch` and `slice` counts
 *   against the loop limit;
 * - attribute names (`sort(attribute=...)`, `groupby`, `selectattr`, `rejectattr`, `sum`, `join`, `map`)
 *   may not name a forbidden member (`constructor`, `__proto__`, ...); `groupby` builds its groups in an
 *   object without a prototype;
 * - `trim` and `striptags` are reimplemented in linear time (nunjucks' regular expressions take
 *   quadratic time on long runs of spaces or unclosed tags);
 * - `string` prints values as everything else prints them (`True`, `None`, JSON).
 */
export function createFilters(): Record<string, NjFunction> {
  const base = new nj.Environment([], { autoescape: false }).filters
  const filters: Record<string, NjFunction> = Object.create(null)
  for (const name of Object.keys(base)) filters[name] = base[name] as NjFunction
  const original = (name: string) => base[name] as NjFunction

  const replaced: Record<string, Filter> = {
    center(value, width, ...rest) {
      this.budget.checkLength(Number(width) || 80, "center()")
      return original("center").call(this, value, width, ...rest)
    },
    indent(value, width, ...rest) {
      const lines = typeof value === "string" ? value.split("\n").length : 1
      this.budget.checkLength(lengthOf(value) + lines * (Number(width) || 4), "indent()")
      return original("indent").call(this, value, width, ...rest)
    },
    replace(value, old, replacement, maxCount) {
      const source = valueText(value)
      if (typeof old === "string" && source !== undefined) {
        const occurrences = old === "" ? source.length + 1 : countOccurrences(source, old)
        const limit =
          typeof maxCount === "number" && maxCount >= 0 ? Math.min(maxCount, occurrences) : occurrences
        this.budget.checkLength(source.length + limit * (lengthOf(replacement) - old.length), "replace()")
      }
      return original("replace").call(this, value, old, replacement, maxCount)
    },
    join(value, separator, attribute) {
      checkAttribute(attribute)
      const count = Array.isArray(value) ? value.length : 0
      this.budget.checkLength(Math.max(0, count - 1) * lengthOf(separator), "join()")
      const joined = original("join").call(this, value, separator, attribute)
      this.budget.checkLength(lengthOf(joined), "join()")
      return joined
    },
    batch(value, size, fill) {
      if (fill !== undefined && fill !== null) this.budget.checkSize(Number(size), "batch()")
      return original("batch").call(this, value, size, fill)
    },
    slice(value, slices, fill) {
      this.budget.checkSize(Number(slices), "slice()")
      return original("slice").call(this, value, slices, fill)
    },
    trim(value) {
      return nj.runtime.copySafeness(value, valueText(value)?.trim() ?? "")
    },
    striptags(value, preserveLinebreaks) {
      return nj.runtime.copySafeness(value, stripTags(valueText(value) ?? "", preserveLinebreaks === true))
    },
    string(value) {
      return nj.runtime.copySafeness(value, pythonStr(textOf(value), "jinja2"))
    },
    tojson(value, indent) {
      const text = JSON.stringify(value, null, typeof indent === "number" ? indent : undefined)
      return nj.runtime.markSafe(text ?? "null")
    },
    groupby(value, attribute) {
      // nunjucks' shape (an object of groups, so `for key, items in list | groupby("a")` works), without a
      // prototype: a group named "__proto__" or "constructor" is a group like any other.
      checkAttribute(attribute)
      const groups: Record<string, unknown[]> = Object.create(null)
      for (const item of Array.isArray(value) ? value : []) {
        const key = String(readPath(item, String(attribute)))
        groups[key] ??= []
        groups[key].push(item)
      }
      return groups
    },
    items(value) {
      if (value === null || typeof value !== "object") return []
      return Object.keys(value).map((key) => [key, (value as Record<string, unknown>)[key]])
    },
    map(value, ...args) {
      const { positional, keywords } = splitKeywords(args)
      const list = Array.isArray(value) ? value : []
      if (keywords?.attribute !== undefined) {
        const path = String(keywords.attribute)
        checkAttribute(path)
        return list.map((item) => readPath(item, path) ?? keywords.default)
      }
      const [name, ...filterArgs] = positional
      if (typeof name !== "string")
        throw new TemplateRenderError("jinja2", "map() needs a filter name or attribute=")
      const filter = this.env.getFilter(name)
      return list.map((item) => filter.call(this, item, ...filterArgs))
    },
  }
  for (const [name, filter] of Object.entries(replaced)) filters[name] = filter as NjFunction
  filters[CONCAT_FILTER] = function (this: FilterThis, left: unknown, right: unknown) {
    const joined = printed(left) + printed(right)
    this.budget.checkLength(joined.length, "a concatenated string")
    return joined
  } as NjFunction
  filters[MUL_FILTER] = function (this: FilterThis, left: unknown, right: unknown) {
    const text =
      typeof textOf(left) === "string"
        ? textOf(left)
        : typeof textOf(right) === "string"
          ? textOf(right)
          : undefined
    if (typeof text === "string") {
      const times = text === textOf(left) ? right : left
      if (typeof times !== "number" || !Number.isInteger(times)) {
        throw new TemplateRenderError("jinja2", "a string can only be repeated a whole number of times")
      }
      this.budget.checkLength(text.length * Math.max(0, times), "a repeated string")
      return text.repeat(Math.max(0, times))
    }
    return (left as number) * (right as number)
  } as NjFunction
  filters[LOOP_FILTER] = (iterable: unknown) =>
    iterable !== null && typeof iterable === "object" && !Array.isArray(iterable) && isPlainObject(iterable)
      ? Object.keys(iterable)
      : iterable
  filters[MOD_FILTER] = (left: unknown, right: unknown) => {
    if (typeof textOf(left) === "string") {
      throw new TemplateRenderError(
        "jinja2",
        'Python\'s "%" string formatting is not supported: join text with ~ instead',
      )
    }
    return (left as number) % (right as number)
  }

  for (const [name, position] of [
    ["selectattr", 1],
    ["rejectattr", 1],
    ["sum", 1],
    ["sort", 3],
  ] as const) {
    const filter = original(name)
    filters[name] = function (this: unknown, ...args: unknown[]) {
      const { positional, keywords } = splitKeywords(args)
      checkAttribute(positional[position])
      checkAttribute(keywords?.attribute)
      return filter.apply(this, args)
    }
  }
  return filters
}

/** nunjucks passes `name=value` arguments as a last object flagged `__keywords`. */
function splitKeywords(args: unknown[]): {
  positional: unknown[]
  keywords: Record<string, unknown> | undefined
} {
  const last = args[args.length - 1]
  if (typeof last === "object" && last !== null && Object.hasOwn(last, "__keywords")) {
    return { positional: args.slice(0, -1), keywords: last as Record<string, unknown> }
  }
  return { positional: args, keywords: undefined }
}

function checkAttribute(attribute: unknown): void {
  if (attribute === undefined || attribute === null) return
  for (const part of String(attribute).split(".")) {
    if (isForbiddenMember(part)) {
      throw new TemplateSecurityError("jinja2", `the attribute "${part}" is not accessible`)
    }
  }
}

function readPath(item: unknown, path: string): unknown {
  let value = item
  for (const part of path.split(".")) {
    if (value === null || typeof value !== "object" || !Object.hasOwn(value, part)) return undefined
    value = (value as Record<string, unknown>)[part]
  }
  return value
}

function valueText(value: unknown): string | undefined {
  const text = textOf(value)
  return typeof text === "string" ? text : text === undefined || text === null ? undefined : String(text)
}

/** How `~` prints a side: as output prints it, but `undefined` as empty text. */
function printed(value: unknown): string {
  const text = textOf(value)
  return typeof text === "string" ? text : pythonStr(text, "jinja2")
}

function textOf(value: unknown): unknown {
  return value instanceof nj.runtime.SafeString ? value.val : value
}

function lengthOf(value: unknown): number {
  const text = textOf(value)
  return typeof text === "string"
    ? text.length
    : text === undefined || text === null
      ? 0
      : String(text).length
}

/**
 * Removes HTML/XML tags and comments, then collapses whitespace, in one forward pass: once no `>` (or no
 * `-->`) follows, nothing later can close a tag (or comment), so the scan never looks back.
 */
export function stripTags(input: string, preserveLinebreaks: boolean): string {
  let out = ""
  let i = 0
  let tagsClose = true
  let commentsClose = true
  while (i < input.length) {
    const open = input.indexOf("<", i)
    if (open < 0) break
    out += input.slice(i, open)
    if (commentsClose && input.startsWith("<!--", open)) {
      const end = input.indexOf("-->", open + 4)
      if (end >= 0) {
        i = end + 3
        continue
      }
      commentsClose = false
    } else if (tagsClose && /[a-zA-Z/]/.test(input[open + 1] ?? "")) {
      const end = input.indexOf(">", open + 1)
      if (end >= 0) {
        i = end + 1
        continue
      }
      tagsClose = false
    }
    out += "<"
    i = open + 1
  }
  out += input.slice(i)
  if (!preserveLinebreaks) return out.trim().replace(/\s+/g, " ")
  const lines = out.trim().replace(/\r\n/g, "\n").split("\n")
  const squashed = lines.map((line) => trimSpaces(line).replace(/ +/g, " ")).join("\n")
  return squashed.replace(/\n\n\n+/g, "\n\n")
}

function trimSpaces(line: string): string {
  let start = 0
  let end = line.length
  while (start < end && line[start] === " ") start++
  while (end > start && line[end - 1] === " ") end--
  return line.slice(start, end)
}
