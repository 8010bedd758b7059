/**
 * Where the client reports what it does not throw: retries, stale-cache fallbacks, features dropped in
 * conversion, warnings from the PromptLayer API, logging failures, `throwOnError: false` errors. The
 * shape of `console`, so `console` itself, pino or winston fit.
 *
 * @example
 * const logger: Logger = { debug() {}, info() {}, warn: (m) => myLog.warn(m), error: (m) => myLog.error(m) }
 */
export interface Logger {
  debug(message: string): void
  info(message: string): void
  warn(message: string): void
  error(message: string): void
}

/**
 * What the `logger` options take: any object with some of the four methods. A level the object lacks is
 * not reported, except `error`, which falls back to `warn`.
 */
export type LoggerLike = Partial<Logger>

/** The levels, least severe first; `silent` reports nothing. */
export const LOG_LEVELS = ["debug", "info", "warn", "error", "silent"] as const

export type LogLevel = (typeof LOG_LEVELS)[number]

/**
 * The default logger: `console`, each line prefixed with `[promptlayer]`.
 *
 * @example
 * new PromptLayer({ logger: consoleLogger, logLevel: "debug" })
 */
export const consoleLogger: Logger = {
  debug: toConsole("debug"),
  info: toConsole("info"),
  warn: toConsole("warn"),
  error: toConsole("error"),
}

function toConsole(level: keyof Logger): (message: string) => void {
  return (message) => console[level](`[promptlayer] ${message}`)
}

/**
 * A {@link Logger} that passes to `target` the messages at `level` or more severe, and drops the others.
 *
 * @example
 * const logger = createLogger(console, "info") // retries and warnings, no debug
 * logger.debug("dropped")
 */
export function createLogger(target: LoggerLike, level: LogLevel): Logger {
  const threshold = LOG_LEVELS.indexOf(level)
  const method = (name: Exclude<LogLevel, "silent">): ((message: string) => void) => {
    const write = target[name] ?? (name === "error" ? target.warn : undefined)
    if (!write || LOG_LEVELS.indexOf(name) < threshold) return () => {}
    return (message) => write.call(target, message)
  }
  return { debug: method("debug"), info: method("info"), warn: method("warn"), error: method("error") }
}

/**
 * The level a client reports at when none is given: `warn`, but `silent` for the default console logger
 * when `NODE_ENV` is `test`, so test runs stay quiet (a logger passed in explicitly still gets warnings).
 */
export function defaultLogLevel(
  env: Readonly<Record<string, string | undefined>>,
  customLogger: boolean,
): LogLevel {
  return !customLogger && env.NODE_ENV === "test" ? "silent" : "warn"
}

/**
 * A delay for people: `250 ms`, `1.5 s`, `4 s`.
 *
 * @example
 * formatDelay(4_000) // "4 s"
 */
export function formatDelay(ms: number): string {
  if (ms < 1_000) return `${Math.round(ms)} ms`
  return `${Math.round(ms / 100) / 10} s`
}
