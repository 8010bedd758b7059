import { existsSync, mkdirSync } from "node:fs"
import { mkdtemp, readFile, rm } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { AppendLog } from "./append-log.js"

let directory: string
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), "pl-append-log-"))
})
afterEach(() => rm(directory, { recursive: true, force: true }))

const readLines = async (path: string) => (await readFile(path, "utf8")).split("\n")
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe("AppendLog", () => {
  it("writes nothing until flushed or the delay passes, then every line in order, in a new folder", async () => {
    const path = join(directory, "nested", "log.jsonl")
    const log = new AppendLog(path, { delayMs: 60_000 })
    log.append('{"n":1}')
    log.append('{"n":2}')
    expect(existsSync(path)).toBe(false)
    log.flush()
    log.append('{"n":3}')
    log.flush()
    log.flush()
    expect(await readLines(path)).toEqual(['{"n":1}', '{"n":2}', '{"n":3}', ""])
  })

  it("writes on its own after delayMs", async () => {
    const path = join(directory, "log.jsonl")
    const log = new AppendLog(path, { delayMs: 5 })
    log.append("a")
    log.append("b")
    await sleep(80)
    expect(await readLines(path)).toEqual(["a", "b", ""])
  })

  it("writes the batch when the next line may not fit in the buffer", async () => {
    const path = join(directory, "log.jsonl")
    // Room for one 5-character line (at most 3 bytes a character, and its newline), not two.
    const log = new AppendLog(path, { delayMs: 60_000, bufferBytes: 20 })
    log.append("12345")
    expect(existsSync(path)).toBe(false)
    log.append("67890")
    expect(await readLines(path)).toEqual(["12345", ""])
    log.flush()
    expect(await readLines(path)).toEqual(["12345", "67890", ""])
  })

  it("keeps characters outside ASCII whole, and writes a line larger than the buffer on its own, in order", async () => {
    const path = join(directory, "log.jsonl")
    const log = new AppendLog(path, { delayMs: 60_000, bufferBytes: 128 })
    const wide = "é—€😀 ".repeat(4) // 52 bytes, buffered
    const long = `${"ü".repeat(50)}🎉` // 52 UTF-16 units: may take more than 128 bytes
    log.append(wide)
    log.append(long)
    log.append("after")
    log.flush()
    expect(await readLines(path)).toEqual([wide, long, "after", ""])
  })

  it("names the file when a flush fails, and reports a failed background write to onError", async () => {
    const path = join(directory, "a-folder")
    mkdirSync(path)
    const log = new AppendLog(path, { delayMs: 60_000 })
    log.append("x")
    expect(() => log.flush()).toThrow(`could not append 1 line to ${path}`)
    // The failed lines are dropped, not retried forever.
    expect(() => log.flush()).not.toThrow()

    const errors: Error[] = []
    const background = new AppendLog(path, { delayMs: 1, onError: (error) => errors.push(error) })
    background.append("y")
    background.append("z")
    await sleep(50)
    expect(errors.map((error) => error.message)).toEqual([
      expect.stringContaining("could not append 2 lines"),
    ])
  })
})
