import type { PreparedText, RenderContext, TemplateEngine, VariableUse } from "../engine.js"
import { LruCache } from "../lru-cache.js"
import { pythonAscii, pythonRepr, pythonStr } from "../python-str.js"
import { slotOf, type VariableMap } from "../variable-map.js"
import { formatValue, parseFormatSpec } from "./format-spec.js"
import { type Field, type FStringPiece, parseFString } from "./parse-fstring.js"

/**
 * The f-string engine: Python `str.format` over a mapping of variables. Pure TypeScript, no code
 * generation, so it runs in every JavaScript runtime.
 */
export const fStringEngine: TemplateEngine = /* @__PURE__ */ createFStringEngine()

export function createFStringEngine(): TemplateEngine {
  const cache = new LruCache<PreparedText>(1000, 8 * 1024 * 1024)
  return {
    format: "f-string",
    prepare(text) {
      let prepared = cache.get(text)
      if (prepared === undefined) {
        prepared = prepareFString(text)
        cache.set(text, prepared)
      }
      return prepared
    },
    clearCache() {
      cache.clear()
    },
  }
}

function prepareFString(text: string): PreparedText {
  const pieces = parseFString(text)
  const variables: VariableUse[] = []
  const seen = new Set<string>()
  const collect = (list: readonly FStringPiece[]) => {
    for (const piece of list) {
      if (typeof piece === "string") continue
      if (!seen.has(piece.name)) {
        seen.add(piece.name)
        // A number spec (`{n:.2f}`) or a lookup (`{user.name}`) needs more than a string.
        const plain = piece.accessors.length === 0 && piece.nestedSpec === undefined && isTextSpec(piece)
        variables.push({ name: piece.name, kind: plain ? "text" : "value", required: true })
      } else if (piece.accessors.length > 0 || !isTextSpec(piece)) {
        const use = variables.find((v) => v.name === piece.name)
        if (use) use.kind = "value"
      }
      if (piece.nestedSpec) collect(piece.nestedSpec)
    }
  }
  collect(pieces)
  return (
    simpleForm(pieces, variables) ?? {
      variables,
      reportsMissing: true,
      render: (map, context) => renderPieces(pieces, map, context, true),
    }
  )
}

/**
 * A template of text and plain `{name}` fields only, the usual case: text, field, text, ..., text. Its
 * variables are read by slot, so a variable that many texts use is looked up once per render.
 */
class SimpleFString implements PreparedText {
  readonly reportsMissing = true
  /** Each field's variable slot, for {@link VariableMap.read}. */
  private readonly slots: number[]

  constructor(
    readonly variables: VariableUse[],
    private readonly texts: string[],
    private readonly fields: Field[],
  ) {
    this.slots = fields.map((field) => slotOf(field.name))
  }

  render(map: VariableMap, context: RenderContext): string {
    const { texts, fields, slots } = this
    const remaining = context.budget.remainingOutput()
    let out = texts[0] as string
    for (let i = 0; i < fields.length; i++) {
      const field = fields[i] as Field
      const value = map.read(slots[i] as number, field.name)
      out += typeof value === "string" ? value : renderField(field, map, context)
      if (out.length > remaining) throw context.budget.tooMuchOutput()
      out += texts[i + 1] as string
    }
    context.budget.addOutput(out.length)
    return out
  }
}

function simpleForm(pieces: readonly FStringPiece[], variables: VariableUse[]): SimpleFString | undefined {
  const texts: string[] = [""]
  const fields: Field[] = []
  for (const piece of pieces) {
    if (typeof piece === "string") texts[texts.length - 1] += piece
    else if (piece.accessors.length === 0 && piece.conversion === undefined && piece.specText === "") {
      fields.push(piece)
      texts.push("")
    } else return undefined
  }
  return new SimpleFString(variables, texts, fields)
}

function isTextSpec(field: Field): boolean {
  return (
    field.conversion !== undefined ||
    field.spec === undefined ||
    field.spec.type === undefined ||
    field.spec.type === "s"
  )
}

function renderPieces(
  pieces: readonly FStringPiece[],
  map: VariableMap,
  context: RenderContext,
  count: boolean,
) {
  let out = ""
  for (const piece of pieces) {
    const text = typeof piece === "string" ? piece : renderField(piece, map, context)
    if (count) context.budget.addOutput(text.length)
    out += text
  }
  return out
}

function renderField(field: Field, map: VariableMap, context: RenderContext): string {
  let value = map.get(field.name)
  let shown = field.name
  if (value !== undefined) {
    for (const step of field.accessors) {
      value = lookup(value, step)
      shown += typeof step === "number" ? `[${step}]` : `.${step}`
      if (value === undefined) break
    }
  }
  if (value === undefined) {
    if (!context.lenient) context.missing(shown)
    return ""
  }
  if (field.conversion === "s") value = pythonStr(value, "f-string")
  else if (field.conversion === "r") value = pythonRepr(value, "f-string")
  else if (field.conversion === "a") value = pythonAscii(value, "f-string")
  if (field.nestedSpec) {
    const specText = renderPieces(field.nestedSpec, map, context, false)
    return formatValue(value, parseFormatSpec(specText), specText, context.budget)
  }
  // format(value, "") is str(value) for every type.
  if (field.specText === "") return typeof value === "string" ? value : pythonStr(value, "f-string")
  return formatValue(value, field.spec ?? parseFormatSpec(field.specText), field.specText, context.budget)
}

/**
 * `{a.b}` and `{a[b]}`: own keys of objects (JavaScript objects are both Python's dicts and objects),
 * indexes of arrays and strings (by code point, as Python indexes). Nothing else is reachable: no
 * inherited members, nothing inside functions.
 */
function lookup(value: unknown, step: string | number): unknown {
  if (typeof value === "string") {
    if (typeof step !== "number") return undefined
    let index = 0
    for (const char of value) if (index++ === step) return char
    return undefined
  }
  if (Array.isArray(value)) return typeof step === "number" && step < value.length ? value[step] : undefined
  if (typeof value === "object" && value !== null) {
    const key = String(step)
    return Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined
  }
  return undefined
}
