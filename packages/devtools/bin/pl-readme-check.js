#!/usr/bin/env node
// README examples compile: every ```ts block of the READMEs given is type-checked with TypeScript, in
// the package that holds the README (its dependencies, its tsconfig), each block as a module of its own.
// A block's context is set by HTML comments right above its fence:
//   <!-- ts-check: skip -->                       not checked (say why next to it)
//   <!-- ts-check-in: packages/client -->         checked in another package (the root README)
//   <!-- ts-check-prelude: declare const apiKey: string -->   code put before the block: what it uses
//                                                             but does not define
// Exits 1, naming each error at its README line, when a block does not compile.
import { execFileSync } from "node:child_process"
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { dirname, join, relative, resolve } from "node:path"

const root = process.cwd()
const tsc = join(root, "node_modules", ".bin", "tsc")
const readmes = process.argv.slice(2)
if (readmes.length === 0) {
  console.error("usage: pl-readme-check <README.md>...")
  process.exit(2)
}

/** Blocks by the folder they are checked in. */
const byContext = new Map()
let blockCount = 0
for (const readme of readmes) {
  const lines = readFileSync(readme, "utf8").split("\n")
  for (let i = 0; i < lines.length; i++) {
    if (!/^```(ts|typescript)\s*$/.test(lines[i])) continue
    const end = lines.findIndex((line, j) => j > i && line.startsWith("```"))
    if (end < 0) throw new Error(`${readme}:${i + 1}: a code block that never ends`)
    const directives = directivesAbove(lines, i)
    if (!directives.skip) {
      const context = resolve(directives.in ?? dirname(readme))
      if (!existsSync(join(context, "tsconfig.json")))
        throw new Error(`${readme}:${i + 1}: no tsconfig.json in ${context}`)
      const blocks = byContext.get(context) ?? []
      blocks.push({ readme, fenceLine: i + 1, prelude: directives.prelude, code: lines.slice(i + 1, end) })
      byContext.set(context, blocks)
      blockCount++
    }
    i = end
  }
}

const errors = []
for (const [context, blocks] of byContext) {
  const folder = join(context, ".readme-check")
  rmSync(folder, { recursive: true, force: true })
  mkdirSync(folder)
  try {
    const files = new Map()
    blocks.forEach((block, n) => {
      const name = `block-${n + 1}.ts`
      files.set(name, block)
      writeFileSync(join(folder, name), [...block.prelude, ...block.code].join("\n"))
    })
    writeFileSync(
      join(folder, "tsconfig.json"),
      JSON.stringify({ extends: "../tsconfig.json", include: ["*.ts"], compilerOptions: { noEmit: true } }),
    )
    try {
      execFileSync(tsc, ["-p", join(folder, "tsconfig.json"), "--pretty", "false"], { encoding: "utf8" })
    } catch (error) {
      for (const line of String(error.stdout).split("\n")) {
        const match = /([\w-]+\.ts)\((\d+),(\d+)\): (.*)$/.exec(line)
        const block = match && files.get(match[1])
        if (!block) {
          if (line.trim()) errors.push(`${relative(root, context)}: ${line}`)
          continue
        }
        const readmeLine = block.fenceLine + Number(match[2]) - block.prelude.length
        errors.push(`${block.readme}:${readmeLine}:${match[3]}: ${match[4]}`)
      }
    }
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}

if (errors.length > 0) {
  console.error(`README examples that do not compile:\n${errors.join("\n")}`)
  process.exit(1)
}
console.log(`${blockCount} README examples compile (${readmes.length} READMEs)`)

/** The ts-check comments directly above the fence at `fence` (blank lines between are allowed). */
function directivesAbove(lines, fence) {
  const directives = { skip: false, in: undefined, prelude: [] }
  for (let j = fence - 1; j >= 0; j--) {
    const line = lines[j].trim()
    if (line === "") continue
    const match = /^<!--\s*ts-check(-in|-prelude)?:\s*(.*?)\s*-->$/.exec(line)
    if (!match) break
    if (match[1] === "-in") directives.in = match[2]
    else if (match[1] === "-prelude") directives.prelude.unshift(match[2])
    else if (match[2].startsWith("skip")) directives.skip = true
  }
  return directives
}
