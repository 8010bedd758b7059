/**
 * The variables of one render, read as own keys of the object the caller passed and never copied: a
 * variable named `__proto__`, `constructor` or `toString` is an ordinary variable, present only if the
 * caller passed it; inherited members never count as variables. A variable whose value is `undefined`
 * counts as missing.
 */
export class VariableMap {
  private readonly source: Readonly<Record<string, unknown>>
  /** Each name's value once looked up: a template reads the same few variables many times. */
  private readonly seen = new Map<string, unknown>()

  constructor(variables: Readonly<Record<string, unknown>> | null | undefined) {
    if (variables !== null && variables !== undefined && typeof variables !== "object") {
      throw new TypeError("variables must be an object")
    }
    this.source = variables ?? {}
  }

  get(name: string): unknown {
    let value = this.seen.get(name)
    if (value === undefined && !this.seen.has(name)) {
      value = Object.hasOwn(this.source, name) ? this.source[name] : undefined
      this.seen.set(name, value)
    }
    return value
  }

  has(name: string): boolean {
    return this.get(name) !== undefined
  }
}
