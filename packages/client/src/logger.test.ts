import { describe, expect, it } from "vitest"
import { createLogger, defaultLogLevel, formatDelay } from "./logger.js"

function target() {
  const lines: string[] = []
  const write = (level: string) => (message: string) => lines.push(`${level} ${message}`)
  return {
    lines,
    logger: { debug: write("debug"), info: write("info"), warn: write("warn"), error: write("error") },
  }
}

describe("createLogger", () => {
  it("passes the messages at the level or above, and drops the others", () => {
    const t = target()
    const logger = createLogger(t.logger, "info")
    logger.debug("a")
    logger.info("b")
    logger.warn("c")
    logger.error("d")
    expect(t.lines).toEqual(["info b", "warn c", "error d"])
  })

  it("reports nothing when silent", () => {
    const t = target()
    const logger = createLogger(t.logger, "silent")
    logger.error("x")
    expect(t.lines).toEqual([])
  })

  it("takes a logger with some of the levels, sending errors to warn when it has no error", () => {
    const warned: string[] = []
    const logger = createLogger({ warn: (m) => warned.push(m) }, "debug")
    logger.debug("dropped")
    logger.error("kept")
    expect(warned).toEqual(["kept"])
  })

  it("calls the logger's methods on the logger itself", () => {
    const lines: string[] = []
    const logger = {
      prefix: "[app]",
      warn(this: { prefix: string }, message: string) {
        lines.push(`${this.prefix} ${message}`)
      },
    }
    createLogger(logger, "warn").warn("hi")
    expect(lines).toEqual(["[app] hi"])
  })
})

describe("defaultLogLevel", () => {
  it("is warn, and silent for the console logger in tests", () => {
    expect(defaultLogLevel({}, false)).toBe("warn")
    expect(defaultLogLevel({ NODE_ENV: "test" }, false)).toBe("silent")
    expect(defaultLogLevel({ NODE_ENV: "test" }, true)).toBe("warn")
  })
})

describe("formatDelay", () => {
  it("says milliseconds under a second, else seconds to a tenth", () => {
    expect(formatDelay(250)).toBe("250 ms")
    expect(formatDelay(4_000)).toBe("4 s")
    expect(formatDelay(1_537)).toBe("1.5 s")
  })
})
