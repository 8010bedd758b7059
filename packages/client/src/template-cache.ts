import type { TemplateResponse, TemplateSelector } from "./api-types.js"
import { isTransientError } from "./errors.js"

/** Options of {@link TemplateCache}. */
export interface TemplateCacheOptions {
  /** How long an entry is fresh, in milliseconds. */
  ttlMs: number
  /** Entries kept at most; the least recently used goes first (default 1000). */
  maxEntries?: number
  /** The clock (injectable for tests). */
  now?: () => number
  /** Told when a stale entry is served because the registry failed. */
  onStale?: (name: string, error: unknown) => void
}

interface Entry {
  template: TemplateResponse
  storedAt: number
}

/**
 * Unrendered templates in memory, per (name, version, label, provider, model). A fresh entry is served
 * without asking the registry; concurrent misses for one key share one request; when the registry fails
 * transiently (429, 5xx, timeout, lost connection) a stale entry is served rather than the error.
 * Bounded: the least recently used entry goes when full.
 *
 * @example
 * const cache = new TemplateCache({ ttlMs: 60_000 })
 * const template = await cache.get("greet", {}, () => registry.getTemplate("greet", {}))
 */
export class TemplateCache {
  readonly #entries = new Map<string, Entry>()
  readonly #inFlight = new Map<string, Promise<TemplateResponse>>()
  readonly #options: TemplateCacheOptions

  constructor(options: TemplateCacheOptions) {
    this.#options = options
  }

  /** The cached template for the key, or the one `fetch` brings (then cached). */
  get(
    name: string,
    selector: TemplateSelector,
    fetch: () => Promise<TemplateResponse>,
  ): Promise<TemplateResponse> {
    const key = cacheKey(name, selector)
    const now = (this.#options.now ?? Date.now)()
    const entry = this.#entries.get(key)
    if (entry && now - entry.storedAt < this.#options.ttlMs) {
      // Re-insert: Map order is the LRU order.
      this.#entries.delete(key)
      this.#entries.set(key, entry)
      return Promise.resolve(entry.template)
    }
    const pending = this.#inFlight.get(key)
    if (pending) return pending
    const request = fetch()
      .then((template) => {
        this.#store(key, template)
        return template
      })
      .catch((error: unknown) => {
        const stale = this.#entries.get(key)
        if (stale && isTransientError(error)) {
          this.#options.onStale?.(name, error)
          return stale.template
        }
        throw error
      })
      .finally(() => this.#inFlight.delete(key))
    this.#inFlight.set(key, request)
    return request
  }

  /** Forgets every entry of `name`, or everything. */
  invalidate(name?: string): void {
    if (name === undefined) {
      this.#entries.clear()
      return
    }
    for (const key of [...this.#entries.keys()]) {
      if ((JSON.parse(key) as unknown[])[0] === name) this.#entries.delete(key)
    }
  }

  get size(): number {
    return this.#entries.size
  }

  #store(key: string, template: TemplateResponse) {
    this.#entries.delete(key)
    this.#entries.set(key, { template, storedAt: (this.#options.now ?? Date.now)() })
    const max = this.#options.maxEntries ?? 1000
    while (this.#entries.size > max) {
      const oldest = this.#entries.keys().next().value
      if (oldest === undefined) break
      this.#entries.delete(oldest)
    }
  }
}

function cacheKey(name: string, selector: TemplateSelector): string {
  return JSON.stringify([
    name,
    selector.version ?? null,
    selector.label ?? null,
    selector.provider ?? null,
    selector.model ?? null,
  ])
}
