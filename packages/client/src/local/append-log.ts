import { appendFileSync, mkdirSync } from "node:fs"
import { dirname } from "node:path"

/** Options of {@link AppendLog}. */
export interface AppendLogOptions {
  /** How long a line may wait for others before it is written, in milliseconds. Default 20. */
  delayMs?: number
  /** Written at once when this many characters are waiting. Default 65,536. */
  maxBufferedLength?: number
  /** A batch written in the background could not be written; default: a process warning. */
  onError?: (error: Error) => void
}

/**
 * A file of JSON lines that the caller never waits on: lines are collected and appended in batches,
 * each batch one `O_APPEND` write of whole lines (so lines from other writers, and other processes,
 * never interleave with them). A line is on disk at the latest `delayMs` after it was added, at once
 * when `maxBufferedLength` characters are waiting, on {@link flush}, and when the process exits (the
 * `exit` event, which `process.exit()` and the end of the event loop both emit; a process killed by a
 * signal it does not handle loses what it added in its last `delayMs`).
 *
 * Why: one synchronous append per line costs an open, a write and a close on the caller's thread for
 * every logged request; batches cost one of each per batch, written by the timer (off any request's
 * path) or, when `maxBufferedLength` is reached, by the append that reaches it.
 */
export class AppendLog {
  readonly path: string
  readonly #delayMs: number
  readonly #maxBufferedLength: number
  readonly #onError: (error: Error) => void
  #lines: string[] = []
  #length = 0
  #timer: ReturnType<typeof setTimeout> | undefined
  #folderReady = false

  constructor(path: string, options: AppendLogOptions = {}) {
    this.path = path
    this.#delayMs = options.delayMs ?? 20
    this.#maxBufferedLength = options.maxBufferedLength ?? 65_536
    this.#onError = options.onError ?? ((error) => process.emitWarning(error))
  }

  /** Adds one line (without its newline). */
  append(line: string): void {
    this.#lines.push(line)
    this.#length += line.length + 1
    if (this.#length >= this.#maxBufferedLength) {
      this.#writeOrReport()
    } else if (this.#timer === undefined) {
      this.#timer = setTimeout(() => this.#writeOrReport(), this.#delayMs)
      // A waiting line does not keep the process alive: the exit hook writes it.
      this.#timer.unref?.()
      waiting.add(this)
      installExitHook()
    }
  }

  /** Writes every waiting line now; throws (an error naming the file) if they cannot be written. */
  flush(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer)
    this.#timer = undefined
    waiting.delete(this)
    if (this.#lines.length === 0) return
    const lines = this.#lines
    this.#lines = []
    this.#length = 0
    try {
      if (!this.#folderReady) {
        mkdirSync(dirname(this.path), { recursive: true })
        this.#folderReady = true
      }
      appendFileSync(this.path, `${lines.join("\n")}\n`, "utf8")
    } catch (error) {
      throw new Error(
        `could not append ${lines.length} line${lines.length === 1 ? "" : "s"} to ${this.path}: ${(error as Error).message}`,
        { cause: error },
      )
    }
  }

  /** Writes the waiting lines, reporting a failure to `onError` (no caller is waiting to hear it). */
  #writeOrReport(): void {
    try {
      this.flush()
    } catch (error) {
      this.#onError(error as Error)
    }
  }
}

/** Logs with lines waiting, for the exit hook: one listener for all of them. */
const waiting = new Set<AppendLog>()
let exitHookInstalled = false

function installExitHook(): void {
  if (exitHookInstalled) return
  exitHookInstalled = true
  process.on("exit", () => {
    for (const log of [...waiting]) {
      try {
        log.flush()
      } catch (error) {
        // Nothing is left to report to at exit but stderr.
        process.stderr.write(`@pl/client: ${(error as Error).message}\n`)
      }
    }
  })
}
