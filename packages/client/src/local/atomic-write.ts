import { randomBytes } from "node:crypto"
import { link, open, rename, unlink } from "node:fs/promises"

/** A temp file beside `path` (same directory, so a rename or link never crosses file systems). */
function tempPath(path: string): string {
  return `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`
}

async function writeDurably(path: string, data: string): Promise<void> {
  const handle = await open(path, "wx")
  try {
    await handle.writeFile(data, "utf8")
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/**
 * Replaces `path` with `data` atomically: readers see the old file or the new one, never half of
 * either, even if the process dies mid-write (temp file, fsync, rename).
 *
 * @example
 * await writeFileAtomic("prompts/greet/labels.json", JSON.stringify(labels, null, 2) + "\n")
 */
export async function writeFileAtomic(path: string, data: string): Promise<void> {
  const temp = tempPath(path)
  try {
    await writeDurably(temp, data)
    await rename(temp, path)
  } catch (error) {
    await unlink(temp).catch(() => {})
    throw error
  }
}

/**
 * Creates `path` with `data` only if it does not exist yet, atomically: the file appears complete or
 * not at all (temp file, fsync, then a hard link, which fails with `EEXIST` rather than replace).
 * Resolves `false` when the file already existed.
 *
 * @example
 * if (!(await createFileExclusive("prompts/greet/v3.json", json))) console.log("v3 was taken")
 */
export async function createFileExclusive(path: string, data: string): Promise<boolean> {
  const temp = tempPath(path)
  try {
    await writeDurably(temp, data)
    await link(temp, path)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false
    throw error
  } finally {
    await unlink(temp).catch(() => {})
  }
}
