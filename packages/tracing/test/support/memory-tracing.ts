import { context } from "@opentelemetry/api"
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks"
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from "@opentelemetry/sdk-trace-base"

/** A tracer provider recording into memory, and the spans it has ended, by name. */
export function memoryTracing() {
  const exporter = new InMemorySpanExporter()
  const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] })
  return {
    exporter,
    tracerProvider,
    spans: (): ReadableSpan[] => exporter.getFinishedSpans(),
    named: (name: string): ReadableSpan[] => exporter.getFinishedSpans().filter((s) => s.name === name),
    reset: () => exporter.reset(),
  }
}

/** Spans created inside a traced call nest under it across awaits (as the Node entry sets up). */
export function useAsyncContext(): () => void {
  const manager = new AsyncLocalStorageContextManager().enable()
  context.setGlobalContextManager(manager)
  return () => {
    context.disable()
  }
}

/** The id of a span's parent, or undefined for a root span. */
export const parentId = (span: ReadableSpan) => span.parentSpanContext?.spanId
