import type { TextPosition } from "./errors.js"

/** 1-based line and column of `index` in `text`; a scan from the start, so only for error messages. */
export function positionOf(text: string, index: number): TextPosition {
  let line = 1
  let lineStart = 0
  for (let i = text.indexOf("\n"); i >= 0 && i < index; i = text.indexOf("\n", i + 1)) {
    line++
    lineStart = i + 1
  }
  return { line, column: index - lineStart + 1 }
}
