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

function timeOnce(fn: () => unknown, minMs: number): number {
  let iterations = 0
  const start = performance.now()
  let elapsed = 0
  do {
    fn()
    iterations++
    elapsed = performance.now() - start
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
