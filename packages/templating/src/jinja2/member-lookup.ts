import { TemplateSecurityError } from "../errors.js"
import { isForbiddenMember } from "../forbidden-names.js"
import type { Budget } from "../options.js"
import { codePointLength, isPlainObject } from "../values.js"
import { pythonMethod } from "./python-methods.js"

/** nunjucks' marker class for text that skips escaping; macros return it. */
export interface SafeStringLike {
  val: string
}

/**
 * `x.name` and `x[key]` in a jinja2 template. Only data is reachable:
 * - objects: their own keys (never inherited members such as `constructor` or `toString`); a plain object
 *   also answers jinja2's dict methods `items()`, `keys()`, `values()`, `get(key, default)`;
 * - arrays and strings: indexes (negative ones count from the end, as in Python; strings by code point),
 *   `length`, and for strings the common Python `str` methods (`upper()`, `split()`, ...);
 * - nothing inside functions, numbers or booleans.
 * `constructor`, `prototype`, `caller`, `callee`, `arguments` and every `__name` are refused outright,
 * whatever they are looked up on. Methods are returned bound, so calling them needs nothing from the
 * receiver's prototype.
 */
export function createMemberLookup(
  budget: Budget,
  SafeString: abstract new (...args: never[]) => SafeStringLike,
) {
  return function memberLookup(target: unknown, rawKey: unknown): unknown {
    const key = rawKey instanceof SafeString ? rawKey.val : rawKey
    if (typeof key === "string" && isForbiddenMember(key)) {
      throw new TemplateSecurityError("jinja2", `the member "${key}" is not accessible`)
    }
    if (target === undefined || target === null || key === undefined || key === null) return undefined
    if (typeof key !== "string" && typeof key !== "number") {
      throw new TemplateSecurityError("jinja2", "members can only be looked up by a string or a number")
    }
    const value = target instanceof SafeString ? target.val : target
    if (typeof value === "function") {
      throw new TemplateSecurityError("jinja2", "members of functions are not accessible")
    }
    if (typeof value === "string") {
      if (key === "length") return codePointLength(value)
      const index = integerKey(key)
      if (index !== undefined) return charAt(value, index)
      return typeof key === "string" ? pythonMethod(value, key, budget) : undefined
    }
    if (Array.isArray(value)) {
      if (key === "length") return value.length
      const index = integerKey(key)
      if (index === undefined) return undefined
      return value[index < 0 ? value.length + index : index]
    }
    if (typeof value === "object") {
      const name = String(key)
      if (Object.hasOwn(value, name)) {
        const member = (value as Record<string, unknown>)[name]
        return typeof member === "function" ? member.bind(value) : member
      }
      return isPlainObject(value) ? pythonMethod(value as Record<string, unknown>, name, budget) : undefined
    }
    return undefined
  }
}

function integerKey(key: string | number): number | undefined {
  if (typeof key === "number") return Number.isInteger(key) ? key : undefined
  return /^-?\d+$/.test(key) ? Number(key) : undefined
}

function charAt(text: string, index: number): string | undefined {
  const chars = index < 0 ? Array.from(text) : undefined
  if (chars) return chars[chars.length + index]
  let i = 0
  for (const char of text) if (i++ === index) return char
  return undefined
}
