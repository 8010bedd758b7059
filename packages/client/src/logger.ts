/**
 * Where the client reports what it does not throw: retries, stale-cache fallbacks, dropped features,
 * logging failures, `throwOnError: false` errors.
 *
 * @example
 * const logger: Logger = { debug: () => {}, warn: (m) => myLog.warn(m) }
 */
export interface Logger {
  debug(message: string): void
  warn(message: string): void
}

/**
 * The default: warnings on the console, debug messages dropped.
 *
 * @example
 * new PromptLayer({ logger: { ...consoleLogger, debug: (m) => console.debug(m) } })
 */
export const consoleLogger: Logger = {
  debug() {},
  warn(message) {
    console.warn(`[promptlayer] ${message}`)
  },
}
