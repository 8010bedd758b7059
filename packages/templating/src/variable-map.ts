/**
 * The variables of one render, read as own keys of the object the caller passed and never copied: a
 * variable named `__proto__`, `constructor` or `toString` is an ordinary variable, present only if the
 * caller passed it; inherited members never count as variables. A variable whose value is `undefined`
 * counts as missing.
 */
export class VariableMap {
  private readonly source: Readonly<Record<string, unknown>>
  /** Values looked up so far, by slot (see {@link slotOf}): empty where not read yet, `MISSING` for none. */
  private readonly values: unknown[] = []

  constructor(variables: Readonly<Record<string, unknown>> | null | undefined) {
    if (variables !== null && variables !== undefined && typeof variables !== "object") {
      throw new TypeError("variables must be an object")
    }
    this.source = variables ?? {}
  }

  get(name: string): unknown {
    return Object.hasOwn(this.source, name) ? this.source[name] : undefined
  }

  /**
   * `get(name)` for a name whose slot a prepared text holds: a template reads the same few variables many
   * times, and after the first read of a render each is one array load instead of a property lookup.
   */
  read(slot: number, name: string): unknown {
    if (slot < 0) return this.get(name)
    const known = this.values[slot]
    if (known !== undefined) return known === MISSING ? undefined : known
    const value = this.get(name)
    this.values[slot] = value === undefined ? MISSING : value
    return value
  }

  has(name: string): boolean {
    return this.get(name) !== undefined
  }
}

const MISSING: unique symbol = Symbol("missing")
/** The slot of each variable name prepared texts read, shared by all renders; at most `MAX_SLOTS`. */
const slotNumbers = new Map<string, number>()
const MAX_SLOTS = 4096

/**
 * A small number for a variable name, the same for every text that reads it, for {@link VariableMap.read}.
 * Names past the first `MAX_SLOTS` (4,096) get -1 and are looked up each time (a bound on what the table can hold).
 */
export function slotOf(name: string): number {
  let slot = slotNumbers.get(name)
  if (slot === undefined) {
    if (slotNumbers.size >= MAX_SLOTS) return -1
    slot = slotNumbers.size
    slotNumbers.set(name, slot)
  }
  return slot
}
