import type { TemplateFormat } from "@pl/blueprint"
import { TemplateRenderError } from "./errors.js"

/**
 * How a value prints, as Python's `str()` prints it on PromptLayer's server: `True`/`False`/`None`,
 * floats as Python's shortest repr (`1e+16`, `0.1`), with two documented differences: a JavaScript number
 * with no fraction prints as an integer (`3`, not `3.0`), and arrays and objects print as JSON (Python
 * would print its own repr of a list or dict). `undefined` prints as empty text.
 */
export function pythonStr(value: unknown, format: TemplateFormat): string {
  switch (typeof value) {
    case "string":
      return value
    case "number":
      return numberRepr(value)
    case "bigint":
      return value.toString()
    case "boolean":
      return value ? "True" : "False"
    case "undefined":
      return ""
    case "object":
      if (value === null) return "None"
      return json(value, format)
    default:
      throw new TemplateRenderError(format, `cannot print a ${typeof value}`)
  }
}

/** Python's `repr()`: strings quoted and escaped as Python does; other values as {@link pythonStr}. */
export function pythonRepr(value: unknown, format: TemplateFormat): string {
  return typeof value === "string" ? stringRepr(value, false) : pythonStr(value, format)
}

/** Python's `ascii()`: like `repr()`, with every non-ASCII character escaped. */
export function pythonAscii(value: unknown, format: TemplateFormat): string {
  return typeof value === "string" ? stringRepr(value, true) : escapeNonAscii(pythonStr(value, format))
}

function json(value: object, format: TemplateFormat): string {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "None" : value.toISOString()
  try {
    return JSON.stringify(value) ?? ""
  } catch (error) {
    throw new TemplateRenderError(format, `cannot print a value as JSON (${(error as Error).message})`)
  }
}

/** Integers as integers; anything else as Python's float repr. */
export function numberRepr(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) <= Number.MAX_SAFE_INTEGER) return String(value)
  return floatRepr(value)
}

/**
 * Python's `repr(float)`: the shortest digits that round-trip (the same digits JavaScript picks), in
 * fixed notation when the decimal exponent is in [-4, 16), else `d.ddde+XX`; fixed results keep `.0`.
 */
export function floatRepr(value: number): string {
  if (Number.isNaN(value)) return "nan"
  if (!Number.isFinite(value)) return value > 0 ? "inf" : "-inf"
  const sign = value < 0 || Object.is(value, -0) ? "-" : ""
  const { digits, exponent } = shortestDigits(Math.abs(value))
  const point = exponent + 1
  if (point > -4 && point <= 16) return sign + placePoint(digits, point, true)
  return sign + scientific(digits, exponent)
}

/** The shortest round-trip digits of a finite number ≥ 0 and its decimal exponent (`d.ddd × 10^exponent`). */
export function shortestDigits(value: number): { digits: string; exponent: number } {
  if (value === 0) return { digits: "0", exponent: 0 }
  // toExponential() without a fraction count gives exactly the shortest round-trip digits.
  const [mantissa = "0", exp = "0"] = value.toExponential().split("e")
  return { digits: mantissa.replace(".", ""), exponent: Number(exp) }
}

/** Digits with the decimal point after `point` digits; `keepZero` adds `.0` to a whole number. */
export function placePoint(digits: string, point: number, keepZero: boolean): string {
  if (point <= 0) return `0.${"0".repeat(-point)}${digits}`
  if (point >= digits.length) return `${digits}${"0".repeat(point - digits.length)}${keepZero ? ".0" : ""}`
  return `${digits.slice(0, point)}.${digits.slice(point)}`
}

/** `d.ddde±XX`, with at least two exponent digits, as Python writes exponents. */
export function scientific(digits: string, exponent: number, upper = false): string {
  const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits
  return `${mantissa}${upper ? "E" : "e"}${exponentText(exponent)}`
}

export function exponentText(exponent: number): string {
  return `${exponent < 0 ? "-" : "+"}${String(Math.abs(exponent)).padStart(2, "0")}`
}

// Python's str.isprintable() is false for these categories (space excepted): they are escaped by repr().
const NOT_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u

function stringRepr(text: string, asciiOnly: boolean): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'"
  let out = quote
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0
    if (char === "\\" || char === quote) out += `\\${char}`
    else if (char === "\n") out += "\\n"
    else if (char === "\r") out += "\\r"
    else if (char === "\t") out += "\\t"
    else if (char !== " " && (NOT_PRINTABLE.test(char) || (asciiOnly && code > 0x7e))) out += escapeCode(code)
    else out += char
  }
  return out + quote
}

function escapeNonAscii(text: string): string {
  let out = ""
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0
    out += code > 0x7e ? escapeCode(code) : char
  }
  return out
}

function escapeCode(code: number): string {
  if (code <= 0xff) return `\\x${code.toString(16).padStart(2, "0")}`
  if (code <= 0xffff) return `\\u${code.toString(16).padStart(4, "0")}`
  return `\\U${code.toString(16).padStart(8, "0")}`
}
