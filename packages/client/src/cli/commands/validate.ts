import { readdir, stat } from "node:fs/promises"
import { join, relative, resolve } from "node:path"
import { safeParseBlueprint } from "@pl/blueprint"
import { PromptLayerValidationError } from "../../errors.js"
import { EXIT, type ExitCode } from "../exit-codes.js"
import { type CliIo, json, UsageError } from "../io.js"
import { readJsonFile } from "../read-json.js"

export const VALIDATE_USAGE = `pl validate <file-or-folder>... [--json]
  validates blueprints (a blueprint, a template response, or a registry version file); a folder is
  searched for *.json files (labels.json excepted)`

/** `pl validate`: every problem of every file, each named by its JSON path. */
export async function validateCommand(argv: string[], io: CliIo): Promise<ExitCode> {
  const asJson = argv.includes("--json")
  const targets = argv.filter((arg) => arg !== "--json")
  if (targets.length === 0) throw new UsageError("pl validate takes at least one file or folder")
  const files: string[] = []
  for (const target of targets) {
    const found = await jsonFiles(resolve(io.cwd, target))
    if (found.length === 0) {
      io.stderr.write(`pl: no .json files in ${target}\n`)
      return EXIT.NOT_FOUND
    }
    files.push(...found)
  }
  const report: { file: string; valid: boolean; issues: { path: string; message: string }[] }[] = []
  for (const path of files) {
    const file = relative(io.cwd, path) || path
    report.push({ file, ...(await validateFile(io.cwd, file)) })
  }
  if (asJson) io.stdout.write(json(report))
  else {
    for (const entry of report) {
      if (entry.valid) io.stdout.write(`ok       ${entry.file}\n`)
      else
        for (const issue of entry.issues)
          io.stdout.write(`invalid  ${entry.file}: ${issue.path || "(root)"}: ${issue.message}\n`)
    }
  }
  return report.every((entry) => entry.valid) ? EXIT.OK : EXIT.INVALID
}

/** One file's verdict: a file that is not JSON has one issue at its root saying so. */
async function validateFile(cwd: string, file: string) {
  let input: unknown
  try {
    input = await readJsonFile(cwd, file)
  } catch (error) {
    if (!(error instanceof PromptLayerValidationError)) throw error
    const message = `not valid JSON: ${(error.cause as Error | undefined)?.message ?? error.message}`
    return { valid: false, issues: [{ path: "", message }] }
  }
  const parsed = safeParseBlueprint(input)
  return { valid: parsed.success, issues: parsed.success ? [] : [...parsed.error.issues] }
}

async function jsonFiles(path: string): Promise<string[]> {
  if (!(await stat(path)).isDirectory()) return [path]
  const out: string[] = []
  for (const entry of await readdir(path, { withFileTypes: true })) {
    if (entry.name.startsWith(".")) continue
    const child = join(path, entry.name)
    if (entry.isDirectory()) out.push(...(await jsonFiles(child)))
    else if (entry.name.endsWith(".json") && entry.name !== "labels.json") out.push(child)
  }
  return out.sort()
}
