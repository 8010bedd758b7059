import { trace } from "@opentelemetry/api"
import { BasicTracerProvider, InMemorySpanExporter } from "@opentelemetry/sdk-trace-base"
import { afterEach, describe, expect, it } from "vitest"
import { currentTracing } from "./current-tracing.js"
import { setupTracing } from "./setup-tracing.js"
import { traceable } from "./traceable.js"

afterEach(async () => {
  await currentTracing()?.shutdown()
  trace.disable()
})

describe("setupTracing", () => {
  it("keeps a provider of its own: the global one stays as the app left it", async () => {
    const exporter = new InMemorySpanExporter()
    const tracing = setupTracing({ exporter, mode: "immediate" })
    expect(tracing.registeredGlobally).toBe(false)
    trace.getTracer("app").startSpan("app span").end()
    traceable(() => 1, { name: "traced" })()
    expect(exporter.getFinishedSpans().map((s) => s.name)).toEqual(["traced"])
  })

  it("registers globally when asked, but never over a provider the app registered", async () => {
    const asked = setupTracing({ exporter: new InMemorySpanExporter(), useGlobalProvider: true })
    expect(asked.registeredGlobally).toBe(true)
    await asked.shutdown()

    const appProvider = new BasicTracerProvider()
    trace.setGlobalTracerProvider(appProvider)
    const refused = setupTracing({ exporter: new InMemorySpanExporter(), useGlobalProvider: true })
    expect(refused.registeredGlobally).toBe(false)
  })

  it("is what traceable records with until it is shut down, and blanks the key from exported attributes", async () => {
    const exporter = new InMemorySpanExporter()
    const tracing = setupTracing({
      exporter,
      apiKey: "pl_key_0123456789",
      mode: "immediate",
      serviceName: "svc",
    })
    expect(currentTracing()).toBe(tracing)
    traceable((text: string) => text.length, { name: "count" })("pl_key_0123456789")
    const [span] = exporter.getFinishedSpans()
    expect(span?.attributes.function_input).toBe('["[REDACTED]"]')
    expect(span?.resource.attributes["service.name"]).toBe("svc")
    await tracing.shutdown()
    expect(currentTracing()).toBeUndefined()
  })
})
