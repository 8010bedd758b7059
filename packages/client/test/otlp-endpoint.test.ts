import { trace } from "@opentelemetry/api"
import { describe, expect, it } from "vitest"
import { PromptLayer } from "../src/index.js"

describe("enableTracing", () => {
  it("sends PromptLayer's spans to PROMPTLAYER_OTLP_TRACES_ENDPOINT when it is set, with the client's key", () => {
    const setups: unknown[] = []
    const setupTracing = async (options: unknown) => {
      setups.push(options)
      return trace.getTracerProvider()
    }
    const env = { PROMPTLAYER_OTLP_TRACES_ENDPOINT: "https://collector.test/v1/traces" }
    new PromptLayer(
      { apiKey: "pl_key", baseURL: "https://pl.test", enableTracing: true, env },
      { setupTracing },
    )
    new PromptLayer(
      { apiKey: "pl_key", baseURL: "https://pl.test", enableTracing: true, env: {} },
      { setupTracing },
    )
    expect(setups).toEqual([
      { apiKey: "pl_key", baseURL: "https://pl.test", endpoint: "https://collector.test/v1/traces" },
      { apiKey: "pl_key", baseURL: "https://pl.test", endpoint: undefined },
    ])
  })
})
