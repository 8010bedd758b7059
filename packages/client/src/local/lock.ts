import { open, stat, unlink } from "node:fs/promises"

/** A lock older than this is taken to be left by a process that died holding it. */
const STALE_LOCK_MS = 10_000

/**
 * Runs `fn` holding an exclusive lock file (`O_CREAT | O_EXCL`), so read-modify-write of a shared file
 * (a prompt's `labels.json`) by concurrent processes loses no update. Waits with a short randomized
 * backoff while another holder has it; breaks a lock older than 10 s.
 *
 * @example
 * await withLock("prompts/greet/labels.json.lock", async () => { ... })
 */
export async function withLock<T>(lockPath: string, fn: () => Promise<T>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (let wait = 2; ; wait = Math.min(wait * 2, 100)) {
    try {
      const handle = await open(lockPath, "wx")
      await handle.writeFile(`${process.pid}\n`)
      await handle.close()
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error
      const age = await stat(lockPath).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      )
      if (age > STALE_LOCK_MS) await unlink(lockPath).catch(() => {})
      else if (Date.now() > deadline) throw new Error(`Timed out waiting for the lock ${lockPath}`)
      else await new Promise((resolve) => setTimeout(resolve, wait * (0.5 + Math.random())))
    }
  }
  try {
    return await fn()
  } finally {
    await unlink(lockPath).catch(() => {})
  }
}
