#!/usr/bin/env node
// Bundle-size budgets: bundles each entry snippet of ./size.config.json the way a user's bundler would
// (esbuild, browser platform, minified, tree-shaken, from the built packages), gzips it, and fails when
// an entry is over its limit or pulls in a module it must not.
import { readFileSync } from "node:fs"
import { gzipSync } from "node:zlib"
import { build } from "esbuild"

const entries = JSON.parse(readFileSync("size.config.json", "utf8"))
const rows = []
let failed = false

for (const entry of entries) {
  const row = { name: entry.name, gzip: 0, minified: 0, dependencies: 0, limit: entry.limit, problems: [] }
  try {
    const result = await build({
      stdin: { contents: entry.code, resolveDir: process.cwd(), loader: "ts", sourcefile: "entry.ts" },
      bundle: true,
      minify: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      write: false,
      metafile: true,
      logLevel: "silent",
      // SDKs are loaded with import() only when sending: a user's bundler splits them off. They are kept
      // out of the measured bundle, and `dynamicOnly` checks that nothing imports them statically.
      external: entry.external ?? [],
    })
    const code = result.outputFiles[0].contents
    const text = result.outputFiles[0].text
    for (const name of entry.dynamicOnly ?? []) {
      const escaped = name.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")
      if (new RegExp(`(?:^|[;}\\n])\\s*import[^(;]*?from\\s*"${escaped}(?:/[^"]*)?"`).test(text)) {
        row.problems.push(`imports ${name} statically (it must be loaded with import() when sending)`)
      }
    }
    row.minified = code.length
    row.gzip = gzipSync(code, { level: 9 }).length
    const output = Object.values(result.metafile.outputs)[0]
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      if (input === "entry.ts") continue
      row.dependencies += bytesInOutput
      for (const forbidden of entry.forbid ?? []) {
        if (bytesInOutput > 0 && input.includes(forbidden))
          row.problems.push(`bundles ${forbidden} (${input})`)
      }
    }
  } catch (error) {
    row.problems.push(`does not bundle for the browser: ${error.errors?.[0]?.text ?? error.message}`)
  }
  if (row.gzip > entry.limit) row.problems.push(`over budget: ${row.gzip} B > ${entry.limit} B`)
  if (entry.maxDependencyBytes !== undefined && row.dependencies > entry.maxDependencyBytes) {
    row.problems.push(`pulls ${row.dependencies} B of library code, budget ${entry.maxDependencyBytes} B`)
  }
  if (row.problems.length > 0) failed = true
  rows.push(row)
}

const kb = (n) => `${(n / 1024).toFixed(2)} KB`
const table = [["bundle", "gzip", "minified", "library code", "limit", "result"]]
for (const row of rows) {
  table.push([
    row.name,
    kb(row.gzip),
    kb(row.minified),
    `${row.dependencies} B`,
    kb(row.limit),
    row.problems.length ? `FAIL: ${row.problems.join("; ")}` : "ok",
  ])
}
const widths = table[0].map((_, i) => Math.max(...table.map((r) => String(r[i]).length)))
for (const r of table)
  console.log(
    r
      .map((cell, i) => String(cell).padEnd(widths[i]))
      .join("  ")
      .trimEnd(),
  )
process.exit(failed ? 1 : 0)
