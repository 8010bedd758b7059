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

// Each process logs 200 requests at once and exits at once (process.exit) or by running out of work:
// the lines still waiting for their batch are written by the exit hook.
const logScript = (writer: number, ending: string) => `
import { LocalRegistry } from ${JSON.stringify(source)}
const registry = new LocalRegistry({ directory: ${JSON.stringify(directory)} })
const text = "writer ${writer} ".repeat(200)
await Promise.all(Array.from({ length: 200 }, (_, i) => registry.logRequest({
  provider: "openai", model: "m", request_start_time: "", request_end_time: "",
  input: { type: "completion", content: [{ type: "text", text: text + i }] },
  output: { type: "completion", content: [{ type: "text", text: "ok" }] },
})))
${ending}
`

describe("LocalRegistry across processes", () => {
  it("keeps every log line whole when three processes log at once, and writes waiting lines at exit", async () => {
    const endings = ["process.exit(0)", "", "process.exitCode = 0"]
    await Promise.all(
      endings.map((ending, writer) =>
        run(
          process.execPath,
          [
            "--conditions=@pl/source",
            "--import",
            "tsx",
            "--input-type=module",
            "-e",
            logScript(writer, ending),
          ],
          { cwd: fileURLToPath(new URL("..", import.meta.url)) },
        ),
      ),
    )
    const lines = (await readFile(join(directory, ".pl", "requests.jsonl"), "utf8")).trim().split("\n")
    expect(lines).toHaveLength(600)
    const perWriter = new Map<string, number>()
    for (const line of lines) {
      const record = JSON.parse(line) as { input: { content: { text: string }[] } }
      const writer = record.input.content[0]?.text.slice(0, 8) ?? ""
      perWriter.set(writer, (perWriter.get(writer) ?? 0) + 1)
    }
    expect(Object.fromEntries(perWriter)).toEqual({ "writer 0": 200, "writer 1": 200, "writer 2": 200 })
  })

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
