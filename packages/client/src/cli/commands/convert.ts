import { parseArgs } from "node:util"
import {
  convertBlueprint,
  type PromptBlueprint,
  parseBlueprint,
  UnsupportedFeatureError,
} from "@pl/blueprint"
import { loadAdapter } from "../../load-adapter.js"
import { findProviderId, PROVIDERS, type ProviderId, resolveProviderId } from "../../providers.js"
import { renderPrompt } from "../../render.js"
import { EXIT, type ExitCode } from "../exit-codes.js"
import { type CliIo, inputVariables, json, UsageError, VARIABLE_FLAGS } from "../io.js"
import { readJsonFile } from "../read-json.js"

export const CONVERT_USAGE = `pl convert <blueprint.json> --to <provider> [--model <name>] [--stream] [--var name=value]...
pl convert --from <provider> <request.json>
  providers: openai, openai.responses, anthropic, google, bedrock, mistral, cohere
  --var / --var-json render the template first (placeholders and media variables need it)`

/**
 * `pl convert`: a blueprint (or a template response, or a registry version file) to a provider
 * request, rendered first when variables are given, or a provider request back to a blueprint.
 * Dropped features are listed on stderr.
 */
export async function convertCommand(argv: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      to: { type: "string" },
      from: { type: "string" },
      model: { type: "string" },
      stream: { type: "boolean" },
      ...VARIABLE_FLAGS,
    },
  })
  const file = positionals[0]
  if (!file || positionals.length > 1) throw new UsageError("pl convert takes one file")
  if ((values.to === undefined) === (values.from === undefined))
    throw new UsageError("pass either --to or --from")
  const input = await readJsonFile(io.cwd, file)
  if (values.from !== undefined) {
    const adapter = await loadAdapter(resolveProviderId(values.from))
    io.stdout.write(json(adapter.fromRequest(input)))
    return EXIT.OK
  }
  const parsed = parseBlueprint(input)
  const variables = inputVariables(values)
  const render = Object.keys(variables).length > 0
  const blueprint = render
    ? { ...parsed, prompt_template: renderPrompt(parsed.prompt_template, variables) }
    : parsed
  const target = resolveProviderId(values.to ?? "")
  const adapter = await loadAdapter(target)
  let converted: ReturnType<typeof convertBlueprint>
  try {
    converted = convertBlueprint(adapter, blueprint, { model: values.model, stream: values.stream ?? false })
  } catch (error) {
    if (
      !render &&
      error instanceof UnsupportedFeatureError &&
      /placeholder|media_variable/.test(error.feature)
    )
      throw new UnsupportedFeatureError({
        provider: error.provider,
        feature: error.feature,
        path: error.path,
        message: "pass its variables with --var / --var-json to render the template first",
      })
    throw error
  }
  const { request, warnings } = converted
  for (const warning of warnings)
    io.stderr.write(`dropped ${warning.path ?? warning.feature}: ${warning.message}\n`)
  const note = foreignModelNote(blueprint, target, values.model)
  if (note) io.stderr.write(`note: ${note}\n`)
  io.stdout.write(json(request))
  return EXIT.OK
}

/**
 * The request names the blueprint's model as it is, unless `--model` names another: a note when that
 * model is another provider's (a Mistral model in an OpenAI request).
 */
function foreignModelNote(blueprint: PromptBlueprint, target: ProviderId, model: string | undefined) {
  const own = blueprint.metadata?.model
  const ownId = own?.provider ? findProviderId(own.provider) : undefined
  if (model !== undefined || !own?.name || !ownId || PROVIDERS[ownId].package === PROVIDERS[target].package)
    return undefined
  return `${own.name} is a ${own.provider} model; pass --model to name one for ${target}`
}
