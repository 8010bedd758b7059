/** Small facts about values, shared by both engines. */

/** An object literal or `Object.create(null)`: what JSON and template data are made of (a dict). */
export function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value)
  return proto === null || proto === Object.prototype
}

/** The length in code points, as Python counts a string's length. */
export function codePointLength(text: string): number {
  let count = 0
  for (const _ of text) count++
  return count
}

/** How many times `part` (not empty) occurs in `text`, without overlaps, as Python's `str.count`. */
export function countOccurrences(text: string, part: string): number {
  let count = 0
  for (let i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length)) count++
  return count
}
