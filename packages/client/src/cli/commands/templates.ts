import { parseArgs } from "node:util"
import type { BlueprintMetadata, PromptTemplate } from "@pl/blueprint"
import { parseBlueprint } from "@pl/blueprint"
import { LocalRegistry } from "../../local/local-registry.js"
import { cliClient } from "../cli-client.js"
import { EXIT, type ExitCode } from "../exit-codes.js"
import { type CliIo, inputVariables, json, parseInteger, UsageError, VARIABLE_FLAGS } from "../io.js"
import { readJsonFile } from "../read-json.js"

export const TEMPLATES_USAGE = `pl templates list [--label <label>] [--name <filter>] [--json]
pl templates get <name> [--version <n> | --label <label>] [--var name=value]... [--provider <p> [--model <m>]] [--json]
pl templates publish <blueprint.json> --name <name> [--label <label>]... [--tag <tag>]... [--message <commit message>]
  all take --registry <dir> (see pl run)`

/** `pl templates list|get|publish`, against the same registry as `pl run`. */
export async function templatesCommand(argv: string[], io: CliIo): Promise<ExitCode> {
  const [sub, ...rest] = argv
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      label: { type: "string", multiple: true },
      name: { type: "string" },
      version: { type: "string" },
      ...VARIABLE_FLAGS,
      provider: { type: "string" },
      model: { type: "string" },
      tag: { type: "string", multiple: true },
      message: { type: "string" },
      json: { type: "boolean" },
      registry: { type: "string" },
    },
  })
  const pl = cliClient(io, values.registry)
  const label = values.label?.[0]
  switch (sub) {
    case "list": {
      const items = (await pl.templates.list({ label, name: values.name, perPage: 1000 })) ?? []
      if (values.json) io.stdout.write(json(items))
      else if (items.length === 0) {
        const where = pl.registry instanceof LocalRegistry ? pl.registry.directory : "PromptLayer"
        const filters = [label && ` labelled ${label}`, values.name && ` named like "${values.name}"`]
        io.stderr.write(`no prompts${filters.filter(Boolean).join(" and")} in ${where}\n`)
      } else
        for (const item of items) {
          const model = item.metadata?.model
          const labels = item.release_labels?.length ? `  [${item.release_labels.join(", ")}]` : ""
          io.stdout.write(
            `${item.prompt_name}  v${item.version}  ${model ? `${model.provider}/${model.name}` : ""}${labels}\n`,
          )
        }
      return EXIT.OK
    }
    case "get": {
      const name = positionals[0]
      if (!name) throw new UsageError("pl templates get takes a prompt name")
      const variables = inputVariables(values)
      const template = await pl.templates.get(name, {
        version: parseInteger(values.version, "--version"),
        label,
        provider: values.provider,
        model: values.model,
        inputVariables: Object.keys(variables).length > 0 ? variables : undefined,
      })
      io.stdout.write(json(template))
      return EXIT.OK
    }
    case "publish": {
      const file = positionals[0]
      if (!file || !values.name)
        throw new UsageError("pl templates publish takes a blueprint file and --name")
      const blueprint = parseBlueprint(await readJsonFile(io.cwd, file))
      const published = await pl.templates.publish({
        prompt_name: values.name,
        prompt_template: blueprint.prompt_template as PromptTemplate,
        metadata: (blueprint.metadata ?? null) as BlueprintMetadata | null,
        commit_message: values.message ?? blueprint.commit_message ?? null,
        tags: values.tag ?? [],
        release_labels: values.label ?? [],
      })
      if (values.json) io.stdout.write(json(published))
      else io.stdout.write(`published ${values.name} v${published?.version_number}\n`)
      return EXIT.OK
    }
    default:
      throw new UsageError(`unknown templates command "${sub ?? ""}"`)
  }
}
