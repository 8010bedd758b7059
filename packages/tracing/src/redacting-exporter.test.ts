import { InMemorySpanExporter } from "@opentelemetry/sdk-trace-base"
import { afterEach, describe, expect, it } from "vitest"
import { memoryTracing } from "../test/support/memory-tracing.js"
import { RedactingExporter } from "./redacting-exporter.js"

const source = memoryTracing()
afterEach(() => source.reset())

function exportThrough(exporter: RedactingExporter) {
  const span = source.tracerProvider.getTracer("t").startSpan("call", {
    attributes: {
      prompt: "mail ada@example.com with key pl_secret_key_123",
      tags: ["ada@example.com", "ok"],
      "user.id": "42",
      tokens: 7,
    },
  })
  span.addEvent("note", { detail: "from pl_secret_key_123" })
  span.end()
  return new Promise<void>((resolve) => exporter.export(source.spans(), () => resolve()))
}

const hideEmails = (text: string) => text.replace(/\S+@\S+/g, "[email]")

describe("RedactingExporter", () => {
  it("blanks known secrets, then lets the hook rewrite or drop each attribute, events included", async () => {
    const next = new InMemorySpanExporter()
    await exportThrough(
      new RedactingExporter(next, {
        secrets: ["pl_secret_key_123", "short"],
        redact: (key, value) =>
          key === "user.id"
            ? undefined
            : typeof value === "string"
              ? hideEmails(value)
              : Array.isArray(value)
                ? (value as string[]).map(hideEmails)
                : value,
      }),
    )
    const [span] = next.getFinishedSpans()
    expect(span?.attributes).toEqual({
      prompt: "mail [email] with key [REDACTED]",
      tags: ["[email]", "ok"],
      tokens: 7,
    })
    expect(span?.events[0]?.attributes).toEqual({ detail: "from [REDACTED]" })
    // The exported view keeps the span's identity; the recorded span is untouched.
    expect(span?.spanContext()).toEqual(source.spans()[0]?.spanContext())
    expect(span?.name).toBe("call")
    expect(source.spans()[0]?.attributes["user.id"]).toBe("42")
  })

  it("hands spans on as they are when there is nothing to redact", async () => {
    const next = new InMemorySpanExporter()
    await exportThrough(new RedactingExporter(next, { secrets: ["tiny"] }))
    expect(next.getFinishedSpans()[0]).toBe(source.spans()[0])
  })
})
