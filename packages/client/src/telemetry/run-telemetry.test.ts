import { type TracerProvider, trace } from "@opentelemetry/api"
import { describe, expect, it } from "vitest"
import { RunTelemetry, TRACER_NAME } from "./run-telemetry.js"

/** A provider that hands out OpenTelemetry's no-op tracer and notes who asked. */
function countingProvider() {
  const asked: string[] = []
  const provider: TracerProvider = {
    getTracer(name) {
      asked.push(name)
      return trace.getTracer(name)
    },
  }
  return { provider, asked }
}

const quiet = () => {
  const warnings: string[] = []
  const logger = { debug() {}, info() {}, warn: (message: string) => void warnings.push(message), error() {} }
  return { warnings, logger }
}

describe("RunTelemetry", () => {
  it("takes its tracer from the given provider, under the client's scope name", () => {
    const { provider, asked } = countingProvider()
    const { logger } = quiet()
    const telemetry = new RunTelemetry({ tracerProvider: provider, enableTracing: true, env: {}, logger })
    expect(telemetry.start({ promptName: "p" })).not.toBeInstanceOf(Promise)
    expect(asked).toEqual([TRACER_NAME])
  })

  it("with enableTracing, waits for the tracing setup once, with the client's key and base URL", async () => {
    const { provider, asked } = countingProvider()
    const setups: unknown[] = []
    const { logger, warnings } = quiet()
    const telemetry = new RunTelemetry({
      enableTracing: true,
      env: {},
      apiKey: "pl_1",
      baseURL: "https://pl.test",
      setupTracing: async (options) => {
        setups.push(options)
        return provider
      },
      logger,
    })
    await telemetry.start({ promptName: "p" })
    expect(telemetry.start({ promptName: "p" })).not.toBeInstanceOf(Promise)
    expect(setups).toEqual([{ apiKey: "pl_1", baseURL: "https://pl.test" }])
    expect(asked).toEqual([TRACER_NAME])
    expect(warnings).toEqual([])
  })

  it("warns and falls back to the global provider when the setup fails or the runtime has none", async () => {
    const failing = quiet()
    const telemetry = new RunTelemetry({
      enableTracing: true,
      env: {},
      setupTracing: () => Promise.reject(new Error("Cannot find package '@pl/tracing'")),
      logger: failing.logger,
    })
    await telemetry.start({ promptName: "p" })
    expect(failing.warnings).toEqual([expect.stringContaining("Cannot find package '@pl/tracing'")])

    const browser = quiet()
    new RunTelemetry({ enableTracing: true, env: {}, logger: browser.logger })
    expect(browser.warnings).toEqual([expect.stringContaining("pass tracerProvider")])
  })
})
