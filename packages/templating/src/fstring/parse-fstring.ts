import { TemplateSecurityError, TemplateSyntaxError } from "../errors.js"
import { isForbiddenMember } from "../forbidden-names.js"
import { positionOf } from "../text-position.js"
import { type FormatSpec, parseFormatSpec } from "./format-spec.js"

/**
 * An f-string template parsed as Python's `str.format` parses it, for a mapping of named variables:
 * `{name}`, `{name.attribute}`, `{name[index]}`, conversions `!s` `!r` `!a`, a format spec after `:`
 * (which may itself hold `{fields}`), and `{{`/`}}` for literal braces. Refused with a clear
 * {@link TemplateSyntaxError}: positional fields (`{}`, `{0}`), names that are not identifiers (JSON, code,
 * `{ name }` with spaces), unbalanced braces.
 */
export type FStringPiece = string | Field

export interface Field {
  /** The field as written, `{user.name!r:>10}`, for messages. */
  source: string
  /** The variable. */
  name: string
  /** Attribute and index steps after the name: `.name` → `"name"`, `[0]` → `0`, `[key]` → `"key"`. */
  accessors: readonly (string | number)[]
  conversion: "s" | "r" | "a" | undefined
  /** The spec, parsed when it holds no `{fields}`; otherwise parsed after they are filled in. */
  spec: FormatSpec | undefined
  specText: string
  /** The spec's pieces when it holds nested `{fields}`. */
  nestedSpec: readonly FStringPiece[] | undefined
  /** Where the field starts in the template text. */
  offset: number
}

const NAME = /^[\p{L}\p{N}_$-]+$/u
const DIGITS = /^\d+$/
const NO_ACCESSORS: readonly (string | number)[] = []
const LITERAL_BRACE_HINT =
  "to write braces literally, double them as {{ and }} (JSON or code in a prompt must escape every brace this way), or use the jinja2 format"

export function parseFString(text: string): FStringPiece[] {
  return parsePieces(text, 0, text.length, 0)
}

function parsePieces(text: string, start: number, end: number, depth: number): FStringPiece[] {
  const pieces: FStringPiece[] = []
  let literal = ""
  let i = start
  while (i < end) {
    const next = nextBrace(text, i, end)
    if (next < 0) {
      literal += text.slice(i, end)
      break
    }
    literal += text.slice(i, next)
    const brace = text[next]
    if (text[next + 1] === brace && next + 1 < end) {
      literal += brace
      i = next + 2
      continue
    }
    if (brace === "}") {
      throw new TemplateSyntaxError(
        "f-string",
        `single '}' in the text: ${LITERAL_BRACE_HINT}`,
        positionOf(text, next),
      )
    }
    const close = matchingBrace(text, next, end)
    if (close < 0) {
      throw new TemplateSyntaxError(
        "f-string",
        `'{' is never closed (${JSON.stringify(excerpt(text.slice(next, end)))}): ${LITERAL_BRACE_HINT}`,
        positionOf(text, next),
      )
    }
    if (literal) pieces.push(literal)
    literal = ""
    pieces.push(parseField(text, next, close, depth))
    i = close + 1
  }
  if (literal) pieces.push(literal)
  return pieces
}

function nextBrace(text: string, from: number, end: number): number {
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i)
    if (c === 123 || c === 125) return i
  }
  return -1
}

/** The `}` closing the `{` at `open`, counting nested braces as Python does; -1 when there is none. */
function matchingBrace(text: string, open: number, end: number): number {
  let depth = 0
  for (let i = open; i < end; i++) {
    const c = text[i]
    if (c === "{") depth++
    else if (c === "}" && --depth === 0) return i
  }
  return -1
}

function parseField(text: string, open: number, close: number, depth: number): Field {
  const body = text.slice(open + 1, close)
  // The common case, `{name}`, without the general machinery.
  if (NAME.test(body) && !DIGITS.test(body)) {
    return {
      source: `{${body}}`,
      name: body,
      accessors: NO_ACCESSORS,
      conversion: undefined,
      spec: undefined,
      specText: "",
      nestedSpec: undefined,
      offset: open,
    }
  }
  const source = text.slice(open, close + 1)
  // Positions are computed only for errors: finding the line is a scan from the start of the text.
  const fail = (message: string) =>
    new TemplateSyntaxError("f-string", `${excerpt(source)} ${message}`, positionOf(text, open))

  // The field name ends at the first ':' or '!' outside square brackets.
  let nameEnd = 0
  let inBracket = false
  for (; nameEnd < body.length; nameEnd++) {
    const c = body[nameEnd]
    if (inBracket) {
      if (c === "]") inBracket = false
    } else if (c === "[") inBracket = true
    else if (c === ":" || c === "!") break
    else if (c === "{" || c === "}") throw fail(`is not a field: ${LITERAL_BRACE_HINT}`)
  }
  const fieldName = body.slice(0, nameEnd)
  let conversion: Field["conversion"]
  let specText = ""
  if (body[nameEnd] === "!") {
    const char = body[nameEnd + 1]
    if (char === undefined || char === ":") throw fail("ends after '!': expected a conversion (!s, !r or !a)")
    if (char !== "s" && char !== "r" && char !== "a")
      throw fail(`has an unknown conversion !${char}: use !s, !r or !a`)
    conversion = char
    const after = body[nameEnd + 2]
    if (after !== undefined && after !== ":") throw fail("expected ':' after the conversion")
    specText = after === ":" ? body.slice(nameEnd + 3) : ""
  } else if (body[nameEnd] === ":") {
    specText = body.slice(nameEnd + 1)
  }

  const { name, accessors } = parseFieldName(fieldName, fail)
  for (const step of accessors) {
    if (typeof step === "string" && isForbiddenMember(step)) {
      throw new TemplateSecurityError(
        "f-string",
        `${JSON.stringify(step)} cannot be looked up in a template`,
        positionOf(text, open),
      )
    }
  }
  let spec: FormatSpec | undefined
  let nestedSpec: FStringPiece[] | undefined
  if (specText.includes("{") || specText.includes("}")) {
    if (depth >= 1) throw fail("nests fields in its format spec too deeply (one level is allowed)")
    const offset = open + 1 + body.length - specText.length
    nestedSpec = parsePieces(text, offset, offset + specText.length, depth + 1)
  } else if (specText !== "") {
    try {
      spec = parseFormatSpec(specText)
    } catch (error) {
      if (error instanceof TemplateSyntaxError)
        throw fail(`${error.message.replace(/^f-string template: /, "")}; ${LITERAL_BRACE_HINT}`)
      throw error
    }
  }
  return { source, name, accessors, conversion, spec, specText, nestedSpec, offset: open }
}

function parseFieldName(
  fieldName: string,
  fail: (message: string) => TemplateSyntaxError,
): { name: string; accessors: (string | number)[] } {
  const first = fieldName.search(/[.[]/)
  const name = first < 0 ? fieldName : fieldName.slice(0, first)
  if (name === "" || /^\d+$/.test(name)) {
    throw fail(
      "is a positional field: templates are rendered with named variables only, write {name} (for literal braces write {{ and }})",
    )
  }
  if (!NAME.test(name)) {
    throw fail(
      `is not a variable (an f-string field is {name}: letters, digits, '_' or '-'); ${LITERAL_BRACE_HINT}`,
    )
  }
  const accessors: (string | number)[] = []
  let i = first < 0 ? fieldName.length : first
  while (i < fieldName.length) {
    const c = fieldName[i]
    if (c === ".") {
      const end = nextAccessor(fieldName, i + 1)
      const attribute = fieldName.slice(i + 1, end)
      if (!attribute) throw fail("has an empty attribute after '.'")
      accessors.push(attribute)
      i = end
    } else if (c === "[") {
      const end = fieldName.indexOf("]", i + 1)
      if (end < 0) throw fail("is missing ']'")
      const key = fieldName.slice(i + 1, end)
      if (!key) throw fail("has an empty index '[]'")
      accessors.push(/^\d+$/.test(key) ? Number(key) : key)
      i = end + 1
      if (i < fieldName.length && fieldName[i] !== "." && fieldName[i] !== "[") {
        throw fail("has text after ']': only '.' or '[' may follow")
      }
    } else {
      throw fail("is not a field name")
    }
  }
  return { name, accessors }
}

function nextAccessor(fieldName: string, from: number): number {
  for (let i = from; i < fieldName.length; i++) if (fieldName[i] === "." || fieldName[i] === "[") return i
  return fieldName.length
}

function excerpt(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text
}
