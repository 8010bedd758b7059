/**
 * The bench harness: every case times our code against a baseline in the same process, interleaved
 * round by round so machine noise hits both alike, and reports the median ratio. Benchmarks report;
 * tests assert behaviour. `runBenchmarks` times synchronous functions, `runAsyncBenchmarks` awaited calls
 * (a request to a local server, say).
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
  /** What the case was compared with. */
  baselineLabel: string
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

/** The middle value (the upper one of an even count); `NaN` for none. */
export function median(values: readonly number[]): number {
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
    results.push(result(c.name, c.baselineLabel, ours, baseline, ratios, c.bar))
  }
  printTable(title, results)
  return results
}

/** One case of {@link runAsyncBenchmarks}: an async function, timed against the group's baseline. */
export interface AsyncBenchCase {
  name: string
  ours: () => Promise<unknown>
  /** The bar from BARS.md, as in {@link BenchCase}. */
  bar?: { max?: number; min?: number }
}

/** The mean time of one awaited call, calls one after another over at least `minMs`. */
async function timeAsync(fn: () => Promise<unknown>, minMs: number): Promise<number> {
  let calls = 0
  const start = performance.now()
  let elapsed = 0
  do {
    await fn()
    calls++
    elapsed = performance.now() - start
  } while (elapsed < minMs)
  return elapsed / calls
}

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1))
    ;[items[i], items[j]] = [items[j]!, items[i]!]
  }
  return items
}

/**
 * Runs async cases against one baseline and prints one table. Each round times the baseline and every
 * case for `minMs` each, in a new random order, so machine noise hits all alike; a case's ratio is the
 * median over rounds of its time over the same round's baseline.
 *
 * The defaults are what calls that do I/O need on Node 20 (measured on `@pl/client`'s bench):
 * - `warmupMs` 3000: an HTTP call reaches its steady speed only after thousands of calls, as V8
 *   optimises undici's and the SDK's code. A direct OpenAI SDK call to a local stub took 415–495 µs after
 *   50 warm-up calls, 300–345 µs after 3 s; cases with more code of their own warm up later still.
 * - `minMs` 100: a batch spans several young-generation collections (there, about 3 ms each, every 70
 *   calls or so). In batches of 25 calls, whether a collection fell in a case's batch or in the
 *   baseline's swung a round's ratio: `run()`'s median ranged 1.12–1.34× from run to run, 1.16–1.19× now.
 *
 * @example
 * await runAsyncBenchmarks("run() overhead", { label: "direct SDK call", run: direct }, [
 *   { name: "run()", ours: () => pl.run(params), bar: { max: 1.2 } },
 * ])
 */
export async function runAsyncBenchmarks(
  title: string,
  baseline: { label: string; run: () => Promise<unknown> },
  cases: readonly AsyncBenchCase[],
  options: { rounds?: number; minMs?: number; warmupMs?: number } = {},
): Promise<BenchResult[]> {
  const rounds = options.rounds ?? 30
  const minMs = options.minMs ?? 100
  const warmupMs = options.warmupMs ?? 3000
  const all = [baseline.run, ...cases.map((c) => c.ours)]
  const warmupStart = performance.now()
  while (performance.now() - warmupStart < warmupMs) for (const fn of all) await timeAsync(fn, 50)
  const base: number[] = []
  const ours = cases.map(() => [] as number[])
  const ratios = cases.map(() => [] as number[])
  for (let round = 0; round < rounds; round++) {
    const times = new Map<number, number>()
    for (const i of shuffle([-1, ...cases.keys()])) times.set(i, await timeAsync(all[i + 1]!, minMs))
    const b = times.get(-1)!
    base.push(b)
    for (const i of cases.keys()) {
      ours[i]!.push(times.get(i)!)
      ratios[i]!.push(times.get(i)! / b)
    }
  }
  const results = cases.map((c, i) => result(c.name, baseline.label, ours[i]!, base, ratios[i]!, c.bar))
  printTable(`${title} (${rounds} rounds of ${minMs} ms each, median)`, results)
  return results
}

function result(
  name: string,
  baselineLabel: string,
  ours: number[],
  baseline: number[],
  ratios: number[],
  bars: { max?: number; min?: number } = {},
): BenchResult {
  const ratio = median(ratios)
  const { max, min } = bars
  const ok = (max === undefined || ratio <= max) && (min === undefined || ratio >= min)
  const bar = max !== undefined ? `≤ ${max}×` : min !== undefined ? `≥ ${min}×` : "-"
  return { name, baselineLabel, oursMs: median(ours), baselineMs: median(baseline), ratio, bar, ok }
}

function printTable(title: string, results: readonly BenchResult[]) {
  const rows = [["case", "ours", "baseline", "baseline is", "ratio", "bar", ""]]
  for (const r of results) {
    const verdict = r.bar === "-" ? "" : r.ok ? "meets bar" : "MISSES BAR"
    rows.push([
      r.name,
      formatMs(r.oursMs),
      formatMs(r.baselineMs),
      r.baselineLabel,
      `${r.ratio.toFixed(3)}×`,
      r.bar,
      verdict,
    ])
  }
  printRows(title, rows)
}

/** `1.25 ms`, `830.0 µs`. */
export function formatMs(n: number): string {
  return n >= 1 ? `${n.toFixed(2)} ms` : `${(n * 1000).toFixed(1)} µs`
}

/** Prints a title and a table whose first row is the header, columns padded to their widest cell. */
export function printRows(title: string, rows: readonly (readonly string[])[]) {
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
