/** A short description of a value for error messages: `a string`, `an array`, `number 3`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing"
  if (value === null) return "null"
  if (Array.isArray(value)) return "an array"
  if (typeof value === "string")
    return `a string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`
  if (typeof value === "number" || typeof value === "boolean") return `${typeof value} ${String(value)}`
  return typeof value === "object" ? "an object" : `a ${typeof value}`
}
