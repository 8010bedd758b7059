#!/usr/bin/env node
// The `pl` binary: the command line in cli.ts, wired to this process.
import { createRequire } from "node:module"
import { main } from "./cli.js"

// The first Ctrl-C stops a run cleanly (what arrived is printed and logged); a second one kills at once.
const interrupt = new AbortController()
process.once("SIGINT", () => interrupt.abort())

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  signal: interrupt.signal,
  // The package's own package.json: two folders up from src/cli and from dist/cli alike.
  version: (createRequire(import.meta.url)("../../package.json") as { version: string }).version,
})
