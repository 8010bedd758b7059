/**
 * The variables of one render, copied into an object without a prototype: a variable named `__proto__`,
 * `constructor` or `toString` is an ordinary entry, it can neither change a prototype nor make an
 * inherited member look like a variable.
 */
export type VariableMap = Readonly<Record<string, unknown>>

export function toVariableMap(variables: Readonly<Record<string, unknown>> | null | undefined): VariableMap {
  const map: Record<string, unknown> = Object.create(null)
  if (variables === null || variables === undefined) return map
  if (typeof variables !== "object") throw new TypeError("variables must be an object")
  // Own enumerable keys only; assigning `__proto__` on a null-prototype object creates an own entry.
  for (const key of Object.keys(variables)) map[key] = variables[key]
  return map
}

/** A variable counts as passed when it is present and not `undefined`. */
export function hasVariable(map: VariableMap, name: string): boolean {
  return map[name] !== undefined
}
