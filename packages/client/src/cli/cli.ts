import { relative } from "node:path"
import { BlueprintValidationError, UnsupportedFeatureError } from "@pl/blueprint"
import { MissingVariablesError } from "@pl/templating"
import { PromptLayerError, PromptLayerNotFoundError, PromptLayerValidationError } from "../errors.js"
import { missingVariablesMessage } from "../render.js"
import { CONVERT_USAGE, convertCommand } from "./commands/convert.js"
import { RUN_USAGE, runCommand } from "./commands/run.js"
import { TEMPLATES_USAGE, templatesCommand } from "./commands/templates.js"
import { VALIDATE_USAGE, validateCommand } from "./commands/validate.js"
import { EXIT, type ExitCode } from "./exit-codes.js"
import { type CliIo, UsageError } from "./io.js"

export const USAGE = `pl: run, convert and validate prompt blueprints (pl --version, pl help)

${RUN_USAGE}

${CONVERT_USAGE}

${VALIDATE_USAGE}

${TEMPLATES_USAGE}

exit codes: 0 ok, 1 failure (provider, API, network), 2 usage, 3 invalid input, 4 not found,
            5 provider key not set (the dry run is printed), 130 interrupted (what arrived is logged)
`

const COMMANDS: Record<string, (argv: string[], io: CliIo) => Promise<ExitCode>> = {
  run: runCommand,
  convert: convertCommand,
  validate: validateCommand,
  templates: templatesCommand,
}

/**
 * The `pl` command line, in-process: resolves with the exit code, writes only through `io`.
 *
 * @example
 * const code = await main(["run", "support-agent", "--var", "question=Hi", "--dry-run"], io)
 */
export async function main(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const [command, ...rest] = argv
  if (command === undefined || command === "help" || command === "--help" || command === "-h") {
    io.stdout.write(USAGE)
    return command === undefined ? EXIT.USAGE : EXIT.OK
  }
  if (command === "--version" || command === "-v" || command === "version") {
    io.stdout.write(`${io.version ?? "unknown"}\n`)
    return EXIT.OK
  }
  const handler = COMMANDS[command]
  if (!handler) {
    io.stderr.write(`pl: unknown command "${command}"\n\n${USAGE}`)
    return EXIT.USAGE
  }
  try {
    return await handler(rest, io)
  } catch (error) {
    return report(error, io)
  }
}

function report(error: unknown, io: CliIo): ExitCode {
  if (io.signal?.aborted) {
    io.stderr.write("\npl: interrupted\n")
    return EXIT.INTERRUPTED
  }
  const message = error instanceof Error ? error.message : String(error)
  if (
    error instanceof UsageError ||
    (error as { code?: unknown }).code?.toString().startsWith("ERR_PARSE_ARGS")
  ) {
    io.stderr.write(`pl: ${message}\n(pl help for usage)\n`)
    return EXIT.USAGE
  }
  if (error instanceof PromptLayerNotFoundError) {
    io.stderr.write(`pl: ${message}\n`)
    return EXIT.NOT_FOUND
  }
  if (error instanceof PromptLayerValidationError && error.cause instanceof MissingVariablesError) {
    const howToPass =
      "Pass each with --var name=value, or --var-json name=<json> for lists, numbers and messages."
    io.stderr.write(`pl: ${missingVariablesMessage(error.cause, howToPass)}\n`)
    return EXIT.INVALID
  }
  if (
    error instanceof PromptLayerValidationError ||
    error instanceof BlueprintValidationError ||
    error instanceof UnsupportedFeatureError
  ) {
    io.stderr.write(`pl: ${message}\n`)
    return EXIT.INVALID
  }
  if ((error as { code?: unknown }).code === "ENOENT") {
    const { path } = error as { path?: unknown }
    io.stderr.write(
      typeof path === "string"
        ? `pl: no such file or folder: ${relative(io.cwd, path) || path}\n`
        : `pl: ${message}\n`,
    )
    return EXIT.NOT_FOUND
  }
  io.stderr.write(
    `pl: ${error instanceof PromptLayerError ? "" : `${(error as Error).name ?? "Error"}: `}${message}\n`,
  )
  return EXIT.FAILURE
}
