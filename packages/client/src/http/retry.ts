/** How long to wait before the next attempt: the part of the retry policy that is pure arithmetic. */

/** 4 attempts in all: the first and 3 retries. */
export const DEFAULT_MAX_ATTEMPTS = 4
/** The first retry waits 1-2 s, then 2-4 s, 4-8 s, ... */
export const BASE_DELAY_MS = 2_000
/** No wait between attempts is longer than this, jitter included. */
export const MAX_DELAY_MS = 15_000
/** A `Retry-After` longer than this is not waited for: the call fails instead. */
export const MAX_RETRY_AFTER_MS = 60_000

/**
 * Exponential backoff with jitter: `BASE_DELAY_MS * 2^(retry-1)`, scaled by a random factor in
 * [0.5, 1) so clients that failed together do not retry together, capped at `MAX_DELAY_MS`.
 *
 * @param retry 1 for the first retry.
 * @example
 * backoffDelay(1, Math.random) // 1000..2000
 */
export function backoffDelay(retry: number, random: () => number): number {
  const exponential = BASE_DELAY_MS * 2 ** (retry - 1)
  return Math.min(MAX_DELAY_MS, exponential * (0.5 + random() * 0.5))
}

/**
 * The wait a `Retry-After` header asks for, in milliseconds: delay-seconds or an HTTP date (RFC 9110
 * §10.2.3). `undefined` when absent or unreadable.
 *
 * @example
 * parseRetryAfter("2", Date.now()) // 2000
 */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null) return undefined
  const trimmed = value.trim()
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000
  const date = Date.parse(trimmed)
  if (Number.isNaN(date)) return undefined
  return Math.max(0, date - now)
}

/** Waits `ms`, or rejects with the signal's reason when it aborts first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal?.reason)
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort)
      resolve()
    }, ms)
    signal?.addEventListener("abort", onAbort, { once: true })
  })
}
