/**
 * A bounded least-recently-used cache of parsed templates, keyed by template text. Bounded both in
 * entries and in total text length, so a stream of distinct (or huge) templates cannot grow memory
 * without limit. Texts longer than a quarter of the budget are not cached at all.
 */
export class LruCache<V> {
  private readonly entries = new Map<string, V>()
  private weight = 0

  constructor(
    private readonly maxEntries: number,
    private readonly maxWeight: number,
  ) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key)
    if (value !== undefined && this.entries.size > 1) {
      // Re-inserting moves the key to the end of the Map's order: the most recently used.
      this.entries.delete(key)
      this.entries.set(key, value)
    }
    return value
  }

  set(key: string, value: V): void {
    if (key.length > this.maxWeight / 4) return
    if (this.entries.delete(key)) this.weight -= key.length
    this.entries.set(key, value)
    this.weight += key.length
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries && this.weight <= this.maxWeight) break
      this.entries.delete(oldest)
      this.weight -= oldest.length
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
