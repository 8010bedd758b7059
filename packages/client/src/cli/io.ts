/** What the CLI reads and writes, injectable so tests run it in-process. */
export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean | undefined }
  stderr: { write(text: string): unknown; isTTY?: boolean | undefined }
  env: Readonly<Record<string, string | undefined>>
  cwd: string
  /** Aborted when the user interrupts (Ctrl-C): a run in progress stops, logs what arrived and exits 130. */
  signal?: AbortSignal | undefined
  /** What `pl --version` prints: the installed `@pl/client`'s version. */
  version?: string | undefined
}

/** Raised for a bad command line; the message is printed with the usage. */
export class UsageError extends Error {
  override readonly name = "UsageError"
}

/** `k=v` pairs of repeated flags, as an object; `--var-json k=<json>` values parsed as JSON. */
export function parsePairs(
  pairs: readonly string[] | undefined,
  flag: string,
  json: boolean,
): Record<string, unknown> {
  // Collected as entries: `--var __proto__=...` is a variable like any other, never a prototype.
  const out: [string, unknown][] = []
  for (const pair of pairs ?? []) {
    const at = pair.indexOf("=")
    if (at <= 0) throw new UsageError(`${flag} expects name=value, got "${pair}"`)
    const key = pair.slice(0, at)
    const raw = pair.slice(at + 1)
    if (!json) {
      out.push([key, raw])
      continue
    }
    try {
      out.push([key, JSON.parse(raw)])
    } catch {
      throw new UsageError(`${flag} ${key}: the value is not valid JSON`)
    }
  }
  return Object.fromEntries(out)
}

/** The input-variable flags `pl run`, `pl convert` and `pl templates get` take, for `parseArgs`. */
export const VARIABLE_FLAGS = {
  var: { type: "string", multiple: true },
  "var-json": { type: "string", multiple: true },
} as const

/** The input variables of `--var name=value` and `--var-json name=<json>` (which wins for a name given twice). */
export function inputVariables(values: { var?: string[] | undefined; "var-json"?: string[] | undefined }) {
  return { ...parsePairs(values.var, "--var", false), ...parsePairs(values["var-json"], "--var-json", true) }
}

/** The integer value of a flag, or undefined. */
export function parseInteger(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined
  if (!/^\d+$/.test(value)) throw new UsageError(`${flag} expects a whole number, got "${value}"`)
  return Number(value)
}

/** Pretty JSON and a newline. */
export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`
}
