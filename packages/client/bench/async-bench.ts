/**
 * TODO(shared): an async variant of `runBenchmarks` (@pl/devtools/bench times synchronous functions
 * only). Each round runs a batch of the baseline and a batch of every case, in a random order, so
 * machine noise hits all alike; each case's ratio is the median over rounds of its time over the same
 * round's baseline.
 */
export interface AsyncBenchCase {
  name: string
  ours: () => Promise<unknown>
  bar?: { max?: number; min?: number }
}

async function timeBatch(fn: () => Promise<unknown>, size: number): Promise<number> {
  const start = performance.now()
  for (let i = 0; i < size; i++) await fn()
  return (performance.now() - start) / size
}

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1))
    ;[items[i], items[j]] = [items[j]!, items[i]!]
  }
  return items
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN

/** Runs every case against one baseline and prints the table: case, ours, baseline, ratio, bar. */
export async function runAsyncBenchmarks(
  title: string,
  baseline: { label: string; run: () => Promise<unknown> },
  cases: readonly AsyncBenchCase[],
  options: { rounds?: number; batch?: number } = {},
) {
  const rounds = options.rounds ?? 30
  const batch = options.batch ?? 25
  for (const fn of [baseline.run, ...cases.map((c) => c.ours)]) await timeBatch(fn, 50) // warm up
  const base: number[] = []
  const ours = cases.map(() => [] as number[])
  const ratios = cases.map(() => [] as number[])
  for (let round = 0; round < rounds; round++) {
    // A new random order each round, so no side always runs right after another.
    const order = shuffle([-1, ...cases.keys()])
    const times = new Map<number, number>()
    for (const i of order) times.set(i, await timeBatch(i < 0 ? baseline.run : cases[i]!.ours, batch))
    const b = times.get(-1)!
    base.push(b)
    for (const i of cases.keys()) {
      ours[i]!.push(times.get(i)!)
      ratios[i]!.push(times.get(i)! / b)
    }
  }
  const rows = [["case", "ours", "baseline", "baseline is", "ratio", "bar", ""]]
  for (const [i, c] of cases.entries()) {
    const ratio = median(ratios[i]!)
    const { max, min } = c.bar ?? {}
    const ok = (max === undefined || ratio <= max) && (min === undefined || ratio >= min)
    const bar = max !== undefined ? `≤ ${max}×` : min !== undefined ? `≥ ${min}×` : "-"
    const verdict = bar === "-" ? "" : ok ? "meets bar" : "MISSES BAR"
    rows.push([
      c.name,
      ms(median(ours[i]!)),
      ms(median(base)),
      baseline.label,
      `${ratio.toFixed(3)}×`,
      bar,
      verdict,
    ])
  }
  print(`${title} (${rounds} rounds of ${batch} calls, median)`, rows)
}

export function ms(n: number): string {
  return n >= 1 ? `${n.toFixed(2)} ms` : `${(n * 1000).toFixed(1)} µs`
}

export function print(title: string, rows: string[][]) {
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
