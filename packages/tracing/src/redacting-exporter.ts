import type { Attributes, AttributeValue } from "@opentelemetry/api"
import type { ReadableSpan, SpanExporter } from "@opentelemetry/sdk-trace-base"

/**
 * Decides what of an attribute leaves the process: return the value (changed or not), or `undefined`
 * to drop the attribute. Called for every attribute of every span and span event, at export.
 *
 * @example
 * const redact: Redact = (key, value) =>
 *   typeof value === "string" ? value.replace(/[\w.+-]+@[\w-]+\.[\w.]+/g, "[email]") : value
 */
export type Redact = (key: string, value: AttributeValue) => AttributeValue | undefined

/** What {@link RedactingExporter} removes. */
export interface RedactionOptions {
  /** The user's hook for their own data. */
  redact?: Redact | undefined
  /**
   * Strings that must never be exported (the PromptLayer key, exporter header values): replaced by
   * `[REDACTED]` wherever they occur in a string attribute. Strings under 8 characters are ignored,
   * so a short header value does not blank out ordinary text.
   */
  secrets?: readonly string[] | undefined
}

const MIN_SECRET_LENGTH = 8

/**
 * An exporter in front of another that rewrites each span's attributes (and its events') before
 * they are handed on: known secrets are blanked, then the user's `redact` hook runs. The spans
 * themselves are left as they are; the next exporter sees views of them.
 *
 * @example
 * new BatchSpanProcessor(new RedactingExporter(new OTLPTraceExporter(), { redact, secrets: [apiKey] }))
 */
export class RedactingExporter implements SpanExporter {
  readonly #next: SpanExporter
  readonly #redact: Redact | undefined
  readonly #secrets: readonly string[]

  constructor(next: SpanExporter, options: RedactionOptions) {
    this.#next = next
    this.#redact = options.redact
    this.#secrets = (options.secrets ?? []).filter((secret) => secret.length >= MIN_SECRET_LENGTH)
  }

  export(spans: ReadableSpan[], resultCallback: Parameters<SpanExporter["export"]>[1]): void {
    const clean = !this.#redact && this.#secrets.length === 0
    this.#next.export(clean ? spans : spans.map((span) => this.#view(span)), resultCallback)
  }

  shutdown(): Promise<void> {
    return this.#next.shutdown()
  }

  forceFlush(): Promise<void> {
    return this.#next.forceFlush?.() ?? Promise.resolve()
  }

  /** The span as exported: its own fields and methods, with rewritten attributes and events. */
  #view(span: ReadableSpan): ReadableSpan {
    const events = span.events.map((event) =>
      event.attributes ? { ...event, attributes: this.#attributes(event.attributes) } : event,
    )
    return Object.create(span, {
      attributes: { value: this.#attributes(span.attributes), enumerable: true },
      events: { value: events, enumerable: true },
    }) as ReadableSpan
  }

  #attributes(attributes: Attributes): Attributes {
    const out: Attributes = {}
    for (const [key, raw] of Object.entries(attributes)) {
      if (raw === undefined) continue
      const value = this.#blank(raw)
      const kept = this.#redact ? this.#redact(key, value) : value
      if (kept !== undefined) out[key] = kept
    }
    return out
  }

  #blank(value: AttributeValue): AttributeValue {
    if (this.#secrets.length === 0) return value
    if (typeof value === "string") return this.#blankText(value)
    if (Array.isArray(value) && value.some((item) => typeof item === "string"))
      return value.map((item) => (typeof item === "string" ? this.#blankText(item) : item)) as AttributeValue
    return value
  }

  #blankText(text: string): string {
    let out = text
    for (const secret of this.#secrets) if (out.includes(secret)) out = out.replaceAll(secret, "[REDACTED]")
    return out
  }
}
