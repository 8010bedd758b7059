/** What `serialize` does by default: keep this many characters. */
export const DEFAULT_MAX_LENGTH = 16_384

/**
 * Property names whose values are credentials: replaced by `[REDACTED]` wherever they appear in a
 * serialised value, so a config object passed to a traced function does not put its key in a span.
 */
const SECRET_KEY =
  /^(?:x-)?(?:api[-_]?key|apikey|authorization|password|passwd|secret|client[-_]?secret|secret[-_]?access[-_]?key|access[-_]?token|refresh[-_]?token|session[-_]?token|credentials?|private[-_]?key)$/i

/**
 * A value as JSON for a span attribute: cycles, bigints, functions, errors, maps, sets and binary data
 * are written readably instead of throwing or vanishing; values of credential-named properties
 * (`apiKey`, `authorization`, `password`, ...) are `[REDACTED]`; the text is cut at `maxLength`
 * characters with a note of how much was left out.
 *
 * @example
 * serialize({ question: "hi", apiKey: "sk-..." }) // '{"question":"hi","apiKey":"[REDACTED]"}'
 */
export function serialize(value: unknown, maxLength = DEFAULT_MAX_LENGTH): string {
  let text: string
  try {
    text = JSON.stringify(value, replacer()) ?? String(value)
  } catch (error) {
    text = `[unserialisable: ${(error as Error).message}]`
  }
  return truncate(text, maxLength)
}

/** Cuts `text` to `maxLength` characters, saying how many were left out. */
export function truncate(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text
  return `${text.slice(0, maxLength)}…[${text.length - maxLength} more characters]`
}

function replacer(): (this: unknown, key: string, value: unknown) => unknown {
  const ancestors: unknown[] = []
  return function (this: unknown, key, value) {
    if (key !== "" && SECRET_KEY.test(key) && value !== undefined && value !== null) return "[REDACTED]"
    switch (typeof value) {
      case "bigint":
        return value.toString()
      case "function":
        return `[Function ${value.name || "anonymous"}]`
      case "symbol":
        return value.toString()
      case "object":
        break
      default:
        return value
    }
    if (value === null) return null
    // `this` is the object holding `value`: drop the ancestors that are not on its path any more.
    while (ancestors.length > 0 && ancestors.at(-1) !== this) ancestors.pop()
    if (ancestors.includes(value)) return "[Circular]"
    ancestors.push(value)
    const written = readable(value)
    // A replacement holds the original's children: it is their holder now.
    if (written !== value && typeof written === "object") ancestors.push(written)
    return written
  }
}

function readable(value: object): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message }
  if (value instanceof Map) return Object.fromEntries(value)
  if (value instanceof Set) return [...value]
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer)
    return `[${value.constructor.name} ${value.byteLength} bytes]`
  return value
}
