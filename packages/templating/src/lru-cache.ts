/**
 * A bounded cache of parsed templates, keyed by template text: bounded both in entries and in total text
 * length, so a stream of distinct (or huge) templates cannot grow memory without limit. Texts longer than
 * a quarter of the budget are not cached at all.
 *
 * Eviction is "second chance" (CLOCK), an approximation of least-recently-used: a hit only sets a flag
 * (no reordering on the hot path); when room is needed, the oldest entry is evicted unless it was used
 * since it was last passed over, in which case it moves to the back and loses its flag.
 */
export class LruCache<V> {
  private readonly entries = new Map<string, { value: V; used: boolean }>()
  private weight = 0

  constructor(
    private readonly maxEntries: number,
    private readonly maxWeight: number,
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key)
    if (entry === undefined) return undefined
    entry.used = true
    return entry.value
  }

  set(key: string, value: V): void {
    if (key.length > this.maxWeight / 4) return
    if (this.entries.delete(key)) this.weight -= key.length
    this.entries.set(key, { value, used: false })
    this.weight += key.length
    while (this.entries.size > this.maxEntries || this.weight > this.maxWeight) {
      const [oldest, entry] = this.entries.entries().next().value as [string, { value: V; used: boolean }]
      this.entries.delete(oldest)
      if (entry.used && oldest !== key) {
        entry.used = false
        this.entries.set(oldest, entry)
      } else {
        this.weight -= oldest.length
      }
    }
  }

  get size(): number {
    return this.entries.size
  }

  clear(): void {
    this.entries.clear()
    this.weight = 0
  }
}
