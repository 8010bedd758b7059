/**
 * Member names a template may never look up or call, whatever it looks into: they lead from any value to
 * `Function` (and so to running code: `range.constructor("return process")()`) or rewrite prototypes.
 * Every name starting with `__` is refused too (`__proto__`, `__defineGetter__`, `__lookupSetter__`, ...),
 * as jinja2's own sandbox refuses underscore attributes. `caller`, `callee` and `arguments` reach the
 * calling function on non-strict functions.
 */
const FORBIDDEN = new Set(["constructor", "prototype", "caller", "callee", "arguments"])

export function isForbiddenMember(name: string): boolean {
  return FORBIDDEN.has(name) || name.startsWith("__")
}
