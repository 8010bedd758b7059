import { execFile } from "node:child_process"
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { promisify } from "node:util"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

const run = promisify(execFile)
const source = fileURLToPath(new URL("../src/local/local-registry.ts", import.meta.url))
let directory: string
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "pl-procs-"))
})
afterAll(() => rm(directory, { recursive: true, force: true }))

// Each process publishes 10 versions at once, with a label; 3 processes run at the same time.
const script = (writer: number) => `
import { LocalRegistry } from ${JSON.stringify(source)}
const registry = new LocalRegistry({ directory: ${JSON.stringify(directory)} })
await Promise.all(Array.from({ length: 10 }, (_, i) => registry.publishTemplate({
  prompt_name: "shared",
  prompt_template: { type: "chat", messages: [{ role: "user", content: [{ type: "text", text: "writer ${writer} #" + i }] }] },
  release_labels: ["latest"],
})))
`

describe("LocalRegistry across processes", () => {
  it("loses no version when three processes publish concurrently", async () => {
    await Promise.all(
      [1, 2, 3].map((writer) =>
        run(
          process.execPath,
          ["--conditions=@pl/source", "--import", "tsx", "--input-type=module", "-e", script(writer)],
          {
            cwd: fileURLToPath(new URL("..", import.meta.url)),
          },
        ),
      ),
    )
    const files = (await readdir(join(directory, "shared"))).filter((f) => /^v\d+\.json$/.test(f))
    expect(files.map((f) => Number(f.slice(1, -5))).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 30 }, (_, i) => i + 1),
    )
    const texts = new Set<string>()
    for (const file of files) {
      const version = JSON.parse(await readFile(join(directory, "shared", file), "utf8"))
      texts.add(version.prompt_template.messages[0].content[0].text)
    }
    expect(texts.size).toBe(30)
    expect(JSON.parse(await readFile(join(directory, "shared", "labels.json"), "utf8"))).toEqual({
      latest: 30,
    })
  })
})
