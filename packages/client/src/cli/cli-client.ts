import { resolve } from "node:path"
import { LocalRegistry } from "../local/local-registry.js"
import type { Logger } from "../logger.js"
import { PromptLayer } from "../node.js"
import type { CliIo } from "./io.js"

/**
 * The client the CLI works with. The registry is, first found: `--registry <dir>`, the PromptLayer API
 * when `PROMPTLAYER_API_KEY` is set, `PL_REGISTRY`, else `./prompts`.
 */
export function cliClient(io: CliIo, registry: string | undefined): PromptLayer {
  const options = {
    env: io.env,
    logger: cliLogger(io),
    logLevel: io.env.PL_DEBUG ? "debug" : "warn",
  } as const
  if (registry !== undefined) {
    return new PromptLayer({
      ...options,
      registry: new LocalRegistry({ directory: resolve(io.cwd, registry) }),
    })
  }
  if (io.env.PROMPTLAYER_API_KEY) return new PromptLayer(options)
  const directory = resolve(io.cwd, io.env.PL_REGISTRY || "prompts")
  return new PromptLayer({ ...options, registry: new LocalRegistry({ directory }) })
}

/** Everything on stderr; `PL_DEBUG` shows retries and debug messages too. */
function cliLogger(io: CliIo): Logger {
  const write = (prefix: string) => (message: string) => io.stderr.write(`${prefix}: ${message}\n`)
  return { debug: write("debug"), info: write("info"), warn: write("warning"), error: write("error") }
}
