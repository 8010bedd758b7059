import { parseArgs } from "node:util"
import { type AssistantMessage, type Completion, type FinishReason, isKnownContent } from "@pl/blueprint"
import type { RunParams } from "../../client.js"
import { providerErrorType } from "../../error-type.js"
import type { RunResult } from "../../execute.js"
import type { PromptLayer } from "../../node.js"
import type { PreparedRun } from "../../prepare.js"
import { type AnyProviderAdapter, PROVIDERS } from "../../providers.js"
import { cliClient } from "../cli-client.js"
import { EXIT, type ExitCode } from "../exit-codes.js"
import {
  type CliIo,
  inputVariables,
  json,
  parseInteger,
  parsePairs,
  UsageError,
  VARIABLE_FLAGS,
} from "../io.js"

export const RUN_USAGE = `pl run <prompt> [options]
  --var name=value         an input variable (repeat for more)
  --var-json name=<json>   an input variable given as JSON (lists of messages, media URLs, numbers)
  --version <n>            a version number (default: the latest)
  --label <label>          a release label, e.g. prod
  --provider <name>        run on another provider (openai, anthropic, google, bedrock, mistral, cohere)
  --model <name>           run with another model
  --param name=<json>      a model parameter override (repeat for more)
  --stream                 stream the answer
  --dry-run                print the provider request instead of sending it
  --json                   machine-readable output on stdout
  --registry <dir>         a local registry folder (default: PromptLayer when PROMPTLAYER_API_KEY is set,
                           else $PL_REGISTRY, else ./prompts)`

/** `pl run`: renders a prompt, converts it, and sends it (or prints it with `--dry-run`). */
export async function runCommand(argv: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ...VARIABLE_FLAGS,
      version: { type: "string" },
      label: { type: "string" },
      provider: { type: "string" },
      model: { type: "string" },
      param: { type: "string", multiple: true },
      stream: { type: "boolean" },
      "dry-run": { type: "boolean" },
      json: { type: "boolean" },
      registry: { type: "string" },
    },
  })
  const promptName = positionals[0]
  if (!promptName || positionals.length > 1) throw new UsageError("pl run takes one prompt name")
  const params = {
    promptName,
    promptVersion: parseInteger(values.version, "--version"),
    promptReleaseLabel: values.label,
    inputVariables: inputVariables(values),
    provider: values.provider,
    model: values.model,
    modelParameterOverrides: values.param ? parsePairs(values.param, "--param", true) : undefined,
    stream: values.stream ?? false,
    signal: io.signal,
  }
  const pl = cliClient(io, values.registry)
  progress(io, `rendering ${promptName} from the ${pl.registry.kind} registry`)
  const prepared = await pl.prepare(params)
  if (values["dry-run"]) {
    printDryRun(prepared, io, values.json ?? false)
    return EXIT.OK
  }
  const info = PROVIDERS[prepared.providerId]
  const hasKey = !!prepared.endpoint.apiKey || info.keyEnv.some((name) => !!io.env[name])
  if (!hasKey) {
    io.stderr.write(
      `No key for ${prepared.providerName}: set ${info.keyEnv.join(" or ")} to send this request. Dry run:\n`,
    )
    printDryRun(prepared, io, values.json ?? false)
    return EXIT.MISSING_CREDENTIALS
  }
  progress(io, `calling ${prepared.providerName} ${prepared.model}`)
  try {
    return await call(pl, params, prepared.adapter, io, values.json ?? false)
  } catch (error) {
    const message = error instanceof Error ? readableMessage(error.message) : String(error)
    if (providerErrorType(error) === "PROVIDER_AUTH_ERROR")
      io.stderr.write(`pl: ${prepared.providerName} refused ${whoseKey(prepared, io.env)}: ${message}\n`)
    else if (error instanceof Error && message !== error.message)
      io.stderr.write(`pl: ${prepared.providerName}: ${message}\n`)
    else throw error
    return EXIT.FAILURE
  } finally {
    // The local registry writes its request log in the background: have it written before exiting.
    await pl.flush().catch((error: Error) => io.stderr.write(`warning: ${error.message}\n`))
  }
}

async function call(
  pl: PromptLayer,
  params: RunParams,
  adapter: AnyProviderAdapter,
  io: CliIo,
  asJson: boolean,
): Promise<ExitCode> {
  if (params.stream) {
    const stream = await pl.run({ ...params, stream: true })
    // The chunks again, for why the reply ended (which results do not carry).
    const accumulator = adapter.accumulator()
    let printed = 0
    let last: RunResult | undefined
    for await (const item of stream) {
      last = item
      accumulator.push(item.raw_response)
      if (asJson) continue
      // Text grows at its end, so each chunk prints what is new; tool calls are printed once complete.
      const text = replyText(item)
      io.stdout.write(text.slice(printed))
      printed = text.length
    }
    if (asJson) io.stdout.write(json(last ?? null))
    else {
      if (last) io.stdout.write(toolCallLines(last, printed > 0))
      finish(io, last, last ? accumulator.result() : undefined)
    }
    return EXIT.OK
  }
  const result = await pl.run({ ...params, stream: false })
  if (asJson) io.stdout.write(json(result))
  else {
    const text = replyText(result)
    io.stdout.write(text + toolCallLines(result, text.length > 0))
    finish(io, result, adapter.fromResponse(result.raw_response))
  }
  return EXIT.OK
}

function printDryRun(prepared: PreparedRun, io: CliIo, asJson: boolean) {
  const target = prepared.endpoint.baseURL ?? "the SDK's default endpoint"
  if (asJson) {
    io.stdout.write(
      json({
        provider: prepared.providerName,
        model: prepared.model,
        baseURL: prepared.endpoint.baseURL ?? null,
        request: prepared.request,
        warnings: prepared.warnings,
      }),
    )
    return
  }
  io.stderr.write(`# ${prepared.providerName} ${prepared.model} → ${target}\n`)
  for (const warning of prepared.warnings)
    io.stderr.write(`# dropped ${warning.path ?? warning.feature}: ${warning.message}\n`)
  io.stdout.write(json(prepared.request))
}

/** The reply: the conversation's last message. */
function reply(result: RunResult): AssistantMessage | undefined {
  return result.prompt_blueprint.prompt_template.messages.at(-1) as AssistantMessage | undefined
}

/** The reply's text parts, joined. */
function replyText(result: RunResult): string {
  let text = ""
  for (const part of reply(result)?.content ?? [])
    if (isKnownContent(part) && part.type === "text") text += part.text
  return text
}

/** One line per tool call of the reply (`→ name(arguments)`), after the text if there is some. */
function toolCallLines(result: RunResult, afterText: boolean): string {
  const calls = reply(result)?.tool_calls ?? []
  return calls
    .map((call, i) => `${afterText || i > 0 ? "\n" : ""}→ ${call.function.name}(${call.function.arguments})`)
    .join("")
}

/** Why a reply ended early, for the reasons a reader should know about. */
const STOPPED_EARLY: Partial<Record<FinishReason, string>> = {
  length: "the output token limit was reached",
  content_filter: "a content filter stopped the reply",
  refusal: "the model refused",
  pause: "the provider paused the turn",
  error: "the provider reported an error",
  other: "the provider stopped it",
}

function finish(io: CliIo, result: RunResult | undefined, completion: Completion | undefined) {
  io.stdout.write("\n")
  const reason = completion?.finish_reason
  const why = reason && STOPPED_EARLY[reason]
  if (why) io.stderr.write(`stopped early: ${why} (${completion.raw_finish_reason ?? reason})\n`)
  if (result?.request_id != null) io.stderr.write(`request_id: ${result.request_id}\n`)
}

function progress(io: CliIo, message: string) {
  if (io.stderr.isTTY) io.stderr.write(`… ${message}\n`)
}

/** Whose credentials a provider refused: the variable the key came from, or the template's custom provider's. */
function whoseKey(prepared: PreparedRun, env: CliIo["env"]): string {
  const { keyEnv } = PROVIDERS[prepared.providerId]
  const { apiKey } = prepared.endpoint
  if (apiKey === undefined) {
    // Bedrock takes no key: the AWS SDK's credentials chain found some, from these if they are set.
    const set = keyEnv.filter((name) => !!env[name])
    return set.length > 0 ? `the credentials from ${set.join(" or ")}` : "the credentials"
  }
  const variable = keyEnv.find((name) => env[name] === apiKey)
  return variable ? `the key in ${variable}` : "the key of the template's custom provider"
}

/**
 * An SDK error message that is the provider's JSON error body (`@google/genai`'s are) as one line:
 * `429 RESOURCE_EXHAUSTED: You exceeded your current quota (retry in 34.4s)`; any other message as it is.
 */
function readableMessage(message: string): string {
  let body: unknown
  try {
    body = JSON.parse(message)
  } catch {
    return message
  }
  const error = (
    body as { error?: { code?: unknown; status?: unknown; message?: unknown; details?: unknown } }
  )?.error
  if (typeof error?.message !== "string") return message
  const head = [error.code, error.status].filter((part) => part !== undefined).join(" ")
  const retry = Array.isArray(error.details)
    ? (error.details as { retryDelay?: unknown }[]).find((detail) => typeof detail?.retryDelay === "string")
    : undefined
  return `${head ? `${head}: ` : ""}${error.message}${retry ? ` (retry in ${retry.retryDelay})` : ""}`
}
