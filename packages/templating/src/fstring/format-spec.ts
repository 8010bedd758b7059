import { TemplateLimitError, TemplateRenderError, TemplateSyntaxError } from "../errors.js"
import type { Budget } from "../options.js"
import { exponentText, floatRepr, placePoint, pythonStr } from "../python-str.js"
import { codePointLength } from "../values.js"
import { fixedDigits, significantDigits } from "./exact-decimal.js"

/**
 * Python's format-spec mini-language, `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`,
 * as `format(value, spec)` applies it: strings (`s`), integers (`b c d o x X n`), floats
 * (`e E f F g G n %`), and no type. A JavaScript number with no fraction is an int, any other number a
 * float; a boolean is an int when a spec is given (as in Python); `None`, lists and dicts take no spec.
 * `n` formats like `d`/`g` (no locale).
 */
export interface FormatSpec {
  fill: string
  align: "<" | ">" | "=" | "^" | undefined
  sign: "+" | "-" | " " | undefined
  /** Negative zero becomes positive zero after rounding (Python 3.11 `z`). */
  noNegativeZero: boolean
  alternate: boolean
  /** A `0` before the width: sign-aware zero padding. */
  zero: boolean
  width: number | undefined
  grouping: "," | "_" | undefined
  precision: number | undefined
  type: string | undefined
}

/** Precision above this is refused: a double never has more meaningful digits, and huge ones cost time. */
export const MAX_PRECISION = 1000

const ALIGNS = new Set(["<", ">", "=", "^"])
const TYPES = new Set(["s", "b", "c", "d", "o", "x", "X", "n", "e", "E", "f", "F", "g", "G", "%"])

function syntax(spec: string, message: string): TemplateSyntaxError {
  return new TemplateSyntaxError("f-string", `invalid format spec ${JSON.stringify(spec)}: ${message}`)
}

/** Parses a spec; throws {@link TemplateSyntaxError} for anything Python would reject as a spec. */
export function parseFormatSpec(spec: string): FormatSpec {
  const chars = Array.from(spec)
  let i = 0
  const result: FormatSpec = {
    fill: " ",
    align: undefined,
    sign: undefined,
    noNegativeZero: false,
    alternate: false,
    zero: false,
    width: undefined,
    grouping: undefined,
    precision: undefined,
    type: undefined,
  }
  let explicitFill = false
  if (chars.length >= 2 && ALIGNS.has(chars[1] ?? "")) {
    result.fill = chars[0] ?? " "
    result.align = chars[1] as FormatSpec["align"]
    explicitFill = true
    i = 2
  } else if (ALIGNS.has(chars[0] ?? "")) {
    result.align = chars[0] as FormatSpec["align"]
    i = 1
  }
  const c = () => chars[i]
  if (c() === "+" || c() === "-" || c() === " ") result.sign = chars[i++] as FormatSpec["sign"]
  if (c() === "z") {
    result.noNegativeZero = true
    i++
  }
  if (c() === "#") {
    result.alternate = true
    i++
  }
  if (c() === "0") {
    result.zero = true
    if (!explicitFill) result.fill = "0"
    i++
  }
  const width = readDigits(chars, i)
  if (width.text) {
    result.width = Number(width.text)
    i = width.end
  }
  if (c() === "," || c() === "_") result.grouping = chars[i++] as FormatSpec["grouping"]
  if (c() === ",") throw syntax(spec, "cannot specify both ',' and '_'")
  if (c() === "_") throw syntax(spec, "cannot specify '_' with '_'")
  if (c() === ".") {
    const precision = readDigits(chars, i + 1)
    if (!precision.text) throw syntax(spec, "format specifier missing precision")
    result.precision = Number(precision.text)
    i = precision.end
  }
  if (i < chars.length) {
    const type = chars[i] ?? ""
    if (i + 1 < chars.length || !TYPES.has(type)) throw syntax(spec, "unknown or misplaced format code")
    result.type = type
  }
  if (result.precision !== undefined && result.precision > MAX_PRECISION) {
    throw new TemplateLimitError(
      "precision",
      MAX_PRECISION,
      `a precision of ${result.precision} is too large`,
    )
  }
  return result
}

function readDigits(chars: string[], start: number): { text: string; end: number } {
  let end = start
  while (end < chars.length && /[0-9]/.test(chars[end] ?? "")) end++
  return { text: chars.slice(start, end).join(""), end }
}

/** `format(value, spec)` as Python computes it for the values a template variable can hold. */
export function formatValue(value: unknown, spec: FormatSpec, specText: string, budget: Budget): string {
  if (spec.width !== undefined) budget.checkLength(spec.width, "a padded field")
  if (typeof value === "string") return formatString(value, spec, specText)
  if (typeof value === "boolean") {
    return specText === "" ? pythonStr(value, "f-string") : formatInteger(value ? 1n : 0n, spec, specText)
  }
  if (typeof value === "bigint") return formatInteger(value, spec, specText)
  if (typeof value === "number") {
    return Number.isInteger(value) && Math.abs(value) <= Number.MAX_SAFE_INTEGER
      ? formatInteger(BigInt(value), spec, specText, Object.is(value, -0))
      : formatFloat(value, spec, specText)
  }
  if (specText === "") return pythonStr(value, "f-string")
  const kind = value === null ? "NoneType" : Array.isArray(value) ? "list" : "dict"
  throw new TemplateRenderError("f-string", `unsupported format string passed to ${kind}.__format__`)
}

function mismatch(type: string | undefined, kind: string): TemplateRenderError {
  return new TemplateRenderError("f-string", `unknown format code '${type}' for object of type '${kind}'`)
}

function formatString(value: string, spec: FormatSpec, specText: string): string {
  if (spec.type !== undefined && spec.type !== "s") throw mismatch(spec.type, "str")
  if (spec.sign !== undefined) throw syntax(specText, "sign not allowed in string format specifier")
  if (spec.alternate) throw syntax(specText, "alternate form (#) not allowed in string format specifier")
  if (spec.noNegativeZero) throw syntax(specText, "negative zero coercion (z) not allowed for strings")
  if (spec.align === "=") throw syntax(specText, "'=' alignment not allowed in string format specifier")
  if (spec.grouping !== undefined) throw syntax(specText, `cannot specify '${spec.grouping}' with 's'`)
  let text = value
  if (spec.precision !== undefined) text = Array.from(value).slice(0, spec.precision).join("")
  return pad("", "", text, "", spec, "<")
}

function formatInteger(value: bigint, spec: FormatSpec, specText: string, negativeZero = false): string {
  const type = spec.type
  if (type === "e" || type === "E" || type === "f" || type === "F" || type === "g" || type === "G") {
    return formatFloat(negativeZero ? -0 : Number(value), spec, specText)
  }
  if (type === "%") return formatFloat(Number(value), spec, specText)
  if (type === "s") throw mismatch(type, "int")
  if (spec.precision !== undefined)
    throw syntax(specText, "precision not allowed in integer format specifier")
  if (spec.noNegativeZero) throw syntax(specText, "negative zero coercion (z) not allowed for integers")
  const negative = value < 0n
  const magnitude = negative ? -value : value
  if (type === "c") {
    if (spec.sign !== undefined) throw syntax(specText, "sign not allowed with integer format specifier 'c'")
    if (spec.alternate) throw syntax(specText, "alternate form (#) not allowed with format specifier 'c'")
    if (negative || magnitude > 0x10ffffn)
      throw new TemplateRenderError("f-string", "%c arg not in range(0x110000)")
    return pad("", "", String.fromCodePoint(Number(magnitude)), "", spec, "<")
  }
  const radix = type === "b" ? 2 : type === "o" ? 8 : type === "x" || type === "X" ? 16 : 10
  if (spec.grouping === "," && radix !== 10) throw syntax(specText, `cannot specify ',' with '${type}'`)
  if (spec.grouping !== undefined && type === "n")
    throw syntax(specText, `cannot specify '${spec.grouping}' with 'n'`)
  let digits = magnitude.toString(radix)
  if (type === "X") digits = digits.toUpperCase()
  const prefix = spec.alternate && radix !== 10 ? `0${type}` : ""
  return padNumber(signOf(negative, spec), prefix, digits, "", spec, radix === 10 ? 3 : 4)
}

function formatFloat(value: number, spec: FormatSpec, specText: string): string {
  if (spec.grouping !== undefined && spec.type === "n")
    throw syntax(specText, `cannot specify '${spec.grouping}' with 'n'`)
  const type = spec.type === "n" ? "g" : spec.type
  if (
    type === "s" ||
    type === "c" ||
    type === "d" ||
    type === "b" ||
    type === "o" ||
    type === "x" ||
    type === "X"
  ) {
    throw mismatch(type, "float")
  }
  let negative = value < 0 || Object.is(value, -0)
  const upper = type === "E" || type === "F" || type === "G"
  if (!Number.isFinite(value)) {
    const word = Number.isNaN(value) ? "nan" : "inf"
    if (Number.isNaN(value)) negative = false
    const text = (upper ? word.toUpperCase() : word) + (type === "%" ? "%" : "")
    return padNumber(signOf(negative, spec), "", text, "", spec, 0)
  }
  const magnitude = Math.abs(value)
  let body: string
  switch (type) {
    case "f":
    case "F":
    case "%": {
      const places = spec.precision ?? 6
      body = fixedText(type === "%" ? magnitude * 100 : magnitude, places, spec.alternate)
      break
    }
    case "e":
    case "E":
      body = exponentNotation(magnitude, spec.precision ?? 6, spec.alternate, upper)
      break
    case "g":
    case "G":
      body = general(magnitude, spec.precision ?? 6, spec.alternate, upper, false)
      break
    default:
      body =
        spec.precision === undefined
          ? floatRepr(magnitude)
          : general(magnitude, spec.precision, spec.alternate, false, true)
  }
  // `z`: a negative value that rounds to zero prints as positive zero.
  if (spec.noNegativeZero && negative && /^[0.]+$/.test(body.replace(/[eE][+-]\d+$/, ""))) negative = false
  const split = /^(\d*)(.*)$/s.exec(body)
  const integer = split?.[1] ?? ""
  const rest = (split?.[2] ?? "") + (type === "%" ? "%" : "")
  return padNumber(signOf(negative, spec), "", integer, rest, spec, 3)
}

function fixedText(magnitude: number, places: number, alternate: boolean): string {
  const digits = fixedDigits(magnitude, places)
  if (places === 0) return alternate ? `${digits}.` : digits
  return `${digits.slice(0, -places)}.${digits.slice(-places)}`
}

function exponentNotation(magnitude: number, places: number, alternate: boolean, upper: boolean): string {
  const { digits, exponent } =
    magnitude === 0
      ? { digits: "0".repeat(places + 1), exponent: 0 }
      : significantDigits(magnitude, places + 1)
  const mantissa = places > 0 || alternate ? `${digits[0]}.${digits.slice(1)}` : digits
  return `${mantissa}${upper ? "E" : "e"}${exponentText(exponent)}`
}

/**
 * `g` (and no type with a precision, `addDotZero`): round to `precision` significant digits, fixed
 * notation when the exponent is in [-4, precision) (for no type: [-4, precision - 1)), trailing zeros
 * removed unless `#`; with no type a fixed result keeps at least one decimal (`12.0`).
 */
function general(
  magnitude: number,
  precision: number,
  alternate: boolean,
  upper: boolean,
  addDotZero: boolean,
) {
  const significant = precision === 0 ? 1 : precision
  const { digits, exponent } =
    magnitude === 0
      ? { digits: "0".repeat(significant), exponent: 0 }
      : significantDigits(magnitude, significant)
  const limit = addDotZero ? significant - 1 : significant
  let text: string
  if (exponent < -4 || exponent >= limit) {
    let mantissa = digits
    if (!alternate) mantissa = mantissa.replace(/0+$/, "") || "0"
    text = `${mantissa.length > 1 || alternate ? `${mantissa[0]}.${mantissa.slice(1)}` : mantissa}${upper ? "E" : "e"}${exponentText(exponent)}`
  } else {
    text = placePoint(digits, exponent + 1, false)
    if (!alternate && text.includes(".")) text = text.replace(/\.?0+$/, "")
    if (alternate && !text.includes(".")) text += "."
    if (addDotZero && !text.includes(".")) text += ".0"
  }
  return text
}

function signOf(negative: boolean, spec: FormatSpec): string {
  if (negative) return "-"
  return spec.sign === "+" ? "+" : spec.sign === " " ? " " : ""
}

function group(digits: string, separator: string, every: number): string {
  let out = ""
  for (let end = digits.length; end > 0; end -= every) {
    const start = Math.max(0, end - every)
    out = out ? `${digits.slice(start, end)}${separator}${out}` : digits.slice(start, end)
  }
  return out
}

/**
 * Pads a number: sign and prefix (`0x`), integer digits (grouped), then the rest (fraction, exponent,
 * `%`). Zero padding with grouping groups the padding zeros too, as Python does (`format(1234, "08,")`
 * is `0,001,234`).
 */
function padNumber(
  sign: string,
  prefix: string,
  integer: string,
  rest: string,
  spec: FormatSpec,
  every: number,
) {
  const separator = spec.grouping
  let digits = separator && every > 0 && /^\d+$/.test(integer) ? group(integer, separator, every) : integer
  // Zero padding: the `0` flag without an alignment, or an explicit `0=` fill and alignment.
  const zeroPad = spec.fill === "0" && (spec.align === "=" || (spec.align === undefined && spec.zero))
  if (zeroPad && spec.width !== undefined && separator && every > 0 && /^\d+$/.test(integer)) {
    let raw = integer
    const target = spec.width - sign.length - prefix.length - codePointLength(rest)
    while (digits.length < target) {
      raw = `0${raw}`
      digits = group(raw, separator, every)
    }
    return sign + prefix + digits + rest
  }
  return pad(sign + prefix, zeroPad ? "=" : undefined, digits + rest, "", spec, ">")
}

/** Aligns `body` in `spec.width` code points; `=` puts the padding between `lead` (sign, prefix) and body. */
function pad(
  lead: string,
  forcedAlign: "=" | undefined | "",
  body: string,
  trail: string,
  spec: FormatSpec,
  defaultAlign: "<" | ">",
): string {
  const text = lead + body + trail
  const width = spec.width ?? 0
  const length = codePointLength(text)
  if (length >= width) return text
  const padding = width - length
  const fill = spec.fill
  const align = forcedAlign || spec.align || defaultAlign
  switch (align) {
    case "<":
      return text + fill.repeat(padding)
    case "^": {
      const left = Math.floor(padding / 2)
      return fill.repeat(left) + text + fill.repeat(padding - left)
    }
    case "=":
      return lead + fill.repeat(padding) + body + trail
    default:
      return fill.repeat(padding) + text
  }
}
