/**
 * The bench harness: every case times our code against a baseline in the same process, interleaved
 * round by round so machine noise hits both alike, and reports the median ratio. Benchmarks report;
 * tests assert behaviour.
 */
export interface BenchCase {
  name: string
  ours: () => unknown
  baseline: () => unknown
  /** What `ours` is compared with, for the table (e.g. `JSON.parse of the same text`). */
  baselineLabel: string
  /** The bar from BARS.md: the ratio ours/baseline must stay at or under `max` (or at or over `min`). */
  bar?: { max?: number; min?: number }
}

export interface BenchResult {
  name: string
  oursMs: number
  baselineMs: number
  ratio: number
  bar: string
  ok: boolean
}

/**
 * The mean time of one call over at least `minMs`. Calls run in batches that double in size while they
 * are short, so reading the clock (about 60 ns in Node) does not weigh on a case that takes microseconds.
 */
function timeOnce(fn: () => unknown, minMs: number): number {
  let iterations = 0
  let batch = 1
  const start = performance.now()
  let elapsed = 0
  do {
    for (let i = 0; i < batch; i++) fn()
    iterations += batch
    elapsed = performance.now() - start
    if (elapsed < minMs / 20) batch *= 2
  } while (elapsed < minMs)
  return elapsed / iterations
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}

/** Runs the cases and prints one table: case, ours, baseline, ratio, bar. */
export function runBenchmarks(
  title: string,
  cases: readonly BenchCase[],
  options: { rounds?: number; minMs?: number } = {},
) {
  const rounds = options.rounds ?? 7
  const minMs = options.minMs ?? 150
  const results: BenchResult[] = []
  for (const c of cases) {
    c.ours()
    c.baseline()
    const ours: number[] = []
    const baseline: number[] = []
    const ratios: number[] = []
    for (let round = 0; round < rounds; round++) {
      const o = timeOnce(c.ours, minMs)
      const b = timeOnce(c.baseline, minMs)
      ours.push(o)
      baseline.push(b)
      ratios.push(o / b)
    }
    const ratio = median(ratios)
    const { max, min } = c.bar ?? {}
    const ok = (max === undefined || ratio <= max) && (min === undefined || ratio >= min)
    const bar = max !== undefined ? `≤ ${max}×` : min !== undefined ? `≥ ${min}×` : "-"
    results.push({ name: c.name, oursMs: median(ours), baselineMs: median(baseline), ratio, bar, ok })
  }
  printTable(title, cases, results)
  return results
}

function printTable(title: string, cases: readonly BenchCase[], results: readonly BenchResult[]) {
  const ms = (n: number) => (n >= 1 ? `${n.toFixed(2)} ms` : `${(n * 1000).toFixed(1)} µs`)
  const rows = [["case", "ours", "baseline", "baseline is", "ratio", "bar", ""]]
  for (const [i, r] of results.entries()) {
    const verdict = r.bar === "-" ? "" : r.ok ? "meets bar" : "MISSES BAR"
    const label = cases[i]?.baselineLabel ?? ""
    rows.push([r.name, ms(r.oursMs), ms(r.baselineMs), label, `${r.ratio.toFixed(3)}×`, r.bar, verdict])
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)))
  console.log(`\n${title}`)
  for (const row of rows)
    console.log(
      row
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join("  ")
        .trimEnd(),
    )
}

/** What {@link runAdapterBenchmarks} needs from one adapter. */
export interface AdapterBenchmark<Chunk> {
  /** `adapter.toRequest(blueprint)` on the 50-message chat. */
  convert: () => unknown
  /** Its result, whose `JSON.stringify` is the baseline (the SDK serialises it anyway). */
  request: unknown
  accumulator: () => { push(chunk: Chunk): { message: { content?: readonly unknown[] | null } } }
  /** Chunk `i` of an `n`-chunk text stream in the provider's recorded shape. */
  chunkAt: (i: number, n: number) => Chunk
  /** How the provider calls its stream items, for the table: `chunk` (default) or `event`. */
  unit?: "chunk" | "event"
}

/**
 * The three BARS.md rows every adapter reports: `toRequest` vs `JSON.stringify` of the request (≤ 1.0×);
 * accumulating a 10,000-chunk text stream with a snapshot per chunk vs `JSON.parse` of the same chunk
 * lines (≤ 1.5×); 100,000 chunks vs 10,000 (≤ 11×, linear).
 */
export function runAdapterBenchmarks<Chunk>(
  title: string,
  adapter: AdapterBenchmark<Chunk>,
  options?: { rounds?: number; minMs?: number },
) {
  const unit = adapter.unit ?? "chunk"
  const lines = Array.from({ length: 10_000 }, (_, i) => JSON.stringify(adapter.chunkAt(i, 10_000)))
  const accumulate = (n: number): number => {
    const acc = adapter.accumulator()
    let length = 0
    for (let i = 0; i < n; i++) {
      // A snapshot per chunk: read the text from the completion each push returns.
      const part = acc.push(adapter.chunkAt(i, n)).message.content?.[0] as
        | { type?: string; text?: string }
        | undefined
      if (part?.type === "text") length = part.text?.length ?? 0
    }
    return length
  }
  return runBenchmarks(
    title,
    [
      {
        name: "toRequest, 50-message chat with tools, images and thinking",
        ours: adapter.convert,
        baseline: () => JSON.stringify(adapter.request),
        baselineLabel: "JSON.stringify of the request",
        bar: { max: 1.0 },
      },
      {
        name: `accumulate a 10,000-${unit} text stream, snapshot per ${unit}`,
        ours: () => accumulate(10_000),
        baseline: () => lines.map((line) => JSON.parse(line)),
        baselineLabel: `JSON.parse of the same 10,000 ${unit} lines`,
        bar: { max: 1.5 },
      },
      {
        name: `accumulate 100,000 ${unit}s vs 10,000 ${unit}s`,
        ours: () => accumulate(100_000),
        baseline: () => accumulate(10_000),
        baselineLabel: `accumulating 10,000 ${unit}s`,
        bar: { max: 11 },
      },
    ],
    options,
  )
}
