import { appendFileSync, mkdirSync } from "node:fs"
import { dirname } from "node:path"

/** Options of {@link AppendLog}. */
export interface AppendLogOptions {
  /** How long a line may wait for others before it is written, in milliseconds. Default 20. */
  delayMs?: number
  /** The size of the batch buffer, in bytes: a line that does not fit writes the batch first. Default 65,536. */
  bufferBytes?: number
  /** A batch written in the background could not be written; default: a process warning. */
  onError?: (error: Error) => void
}

/**
 * A file of JSON lines that the caller never waits on: lines are collected and appended in batches,
 * each batch one `O_APPEND` write of whole lines (so lines from other writers, and other processes,
 * never interleave with them). A line is on disk at the latest `delayMs` after it was added, at once
 * when the next line does not fit in the batch buffer, on {@link flush}, and when the process exits
 * (the `exit` event, which `process.exit()` and the end of the event loop both emit; a process killed
 * by a signal it does not handle loses what it added in its last `delayMs`).
 *
 * Why: one synchronous append per line costs an open, a write and a close on the caller's thread for
 * every logged request; batches cost one of each per batch, written by the timer (off any request's
 * path) or, when the buffer is full, by the append whose line does not fit. Each line is encoded as
 * UTF-8 into one buffer, kept for the log's life, as it is added: a batch is written without joining
 * its lines into a string, encoding that string into a new buffer, or keeping the lines alive till then.
 */
export class AppendLog {
  readonly path: string
  readonly #delayMs: number
  readonly #bufferBytes: number
  readonly #onError: (error: Error) => void
  #buffer: Buffer | undefined
  #used = 0
  #lines = 0
  #timer: ReturnType<typeof setTimeout> | undefined
  #folderReady = false

  constructor(path: string, options: AppendLogOptions = {}) {
    this.path = path
    this.#delayMs = options.delayMs ?? 20
    this.#bufferBytes = options.bufferBytes ?? 65_536
    this.#onError = options.onError ?? ((error) => process.emitWarning(error))
  }

  /** Adds one line (without its newline). */
  append(line: string): void {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8 (a surrogate pair, 2 units, takes 4).
    const mostBytes = line.length * 3 + 1
    if (mostBytes > this.#bufferBytes - this.#used) this.#report(() => this.flush())
    if (mostBytes > this.#bufferBytes) {
      // A line that may not fit in the buffer is written on its own, after the batch before it.
      this.#report(() => this.#write(`${line}\n`, 1))
      return
    }
    this.#buffer ??= Buffer.allocUnsafeSlow(this.#bufferBytes)
    this.#used += this.#buffer.write(line, this.#used, "utf8")
    this.#buffer[this.#used++] = 0x0a
    this.#lines++
    if (this.#timer === undefined) {
      this.#timer = setTimeout(() => this.#report(() => this.flush()), this.#delayMs)
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
    if (this.#lines === 0 || this.#buffer === undefined) return
    const lines = this.#lines
    const used = this.#used
    this.#lines = 0
    this.#used = 0
    this.#write(this.#buffer.subarray(0, used), lines)
  }

  #write(data: string | Uint8Array, lines: number): void {
    try {
      if (!this.#folderReady) {
        mkdirSync(dirname(this.path), { recursive: true })
        this.#folderReady = true
      }
      appendFileSync(this.path, data)
    } catch (error) {
      throw new Error(
        `could not append ${lines} line${lines === 1 ? "" : "s"} to ${this.path}: ${(error as Error).message}`,
        { cause: error },
      )
    }
  }

  /** Runs a write that no caller waits on, reporting its failure to `onError`. */
  #report(write: () => void): void {
    try {
      write()
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
