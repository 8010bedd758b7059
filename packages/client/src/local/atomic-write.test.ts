import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { createFileExclusive, writeFileAtomic } from "./atomic-write.js"
import { withLock } from "./lock.js"

let directory: string
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), "pl-atomic-"))
})
afterEach(() => rm(directory, { recursive: true, force: true }))

describe("writeFileAtomic", () => {
  it("replaces the file and leaves no temp file", async () => {
    const path = join(directory, "labels.json")
    await writeFile(path, "old")
    await writeFileAtomic(path, "new")
    expect(await readFile(path, "utf8")).toBe("new")
    expect(await readdir(directory)).toEqual(["labels.json"])
  })

  it("keeps the old file whole when the write fails, and cleans up", async () => {
    const path = join(directory, "taken")
    await mkdir(path) // rename onto a non-empty directory fails
    await writeFile(join(path, "inside"), "x")
    await expect(writeFileAtomic(path, "new")).rejects.toThrow()
    expect(await readFile(join(path, "inside"), "utf8")).toBe("x")
    expect(await readdir(directory)).toEqual(["taken"])
  })
})

describe("createFileExclusive", () => {
  it("creates a file only once, whoever asks concurrently", async () => {
    const path = join(directory, "v1.json")
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => createFileExclusive(path, `writer ${i}`)),
    )
    expect(results.filter(Boolean)).toHaveLength(1)
    const winner = results.indexOf(true)
    expect(await readFile(path, "utf8")).toBe(`writer ${winner}`)
    expect(await readdir(directory)).toEqual(["v1.json"])
  })
})

describe("withLock", () => {
  it("runs holders one at a time, so read-modify-write loses nothing", async () => {
    const path = join(directory, "counter")
    await writeFile(path, "0")
    await Promise.all(
      Array.from({ length: 25 }, () =>
        withLock(`${path}.lock`, async () => {
          const value = Number(await readFile(path, "utf8"))
          await new Promise((resolve) => setTimeout(resolve, 1))
          await writeFile(path, String(value + 1))
        }),
      ),
    )
    expect(await readFile(path, "utf8")).toBe("25")
    expect(await readdir(directory)).toEqual(["counter"])
  })

  it("breaks a lock left behind by a process that died", async () => {
    const lock = join(directory, "stale.lock")
    await writeFile(lock, "12345\n")
    const { utimes } = await import("node:fs/promises")
    const old = new Date(Date.now() - 60_000)
    await utimes(lock, old, old)
    await expect(withLock(lock, async () => "ran")).resolves.toBe("ran")
  })
})
