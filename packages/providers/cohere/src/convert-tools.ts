import {
  type ChatTemplate,
  type ConversionWarning,
  type FunctionDefinition,
  isKnownTool,
  type Tool,
  type ToolChoice,
  UnsupportedFeatureError,
} from "@pl/blueprint"
import type { CohereChatRequest, CohereTool } from "./types.js"
import { isObject, PROVIDER } from "./wire.js"

type Warn = ((warning: ConversionWarning) => void) | undefined

/** The request fields that say which tools the model may call. */
export type CohereToolFields = Pick<CohereChatRequest, "tools" | "toolChoice" | "strictTools">

// Cohere requires `parameters`; a tool without any takes no arguments.
const NO_PARAMETERS = { type: "object", properties: {} }

function toTool(definition: FunctionDefinition): CohereTool {
  const fn: NonNullable<CohereTool["function"]> = {
    name: definition.name,
    parameters: definition.parameters ?? NO_PARAMETERS,
  }
  if (definition.description != null) fn.description = definition.description
  return { type: "function", function: fn }
}

/** The legacy `function_call` setting in `tool_choice`'s terms. */
function fromFunctionCall(choice: ChatTemplate["function_call"]): ToolChoice | undefined {
  if (choice == null || typeof choice === "string") return choice ?? undefined
  return { type: "function", function: { name: choice.name } }
}

/**
 * The template's tools and tool choice → Cohere's `tools`, `toolChoice` and `strictTools`.
 *
 * - Function tools (and legacy `functions`) become Cohere function tools; JSON Schema parameters are sent
 *   as written. Built-in tools (web search, code interpreter, ...) have no Cohere form: dropped with a warning.
 * - `tool_choice`: `auto` is Cohere's default (no field), `required` → `REQUIRED`, `none` → `NONE`. Cohere
 *   cannot name a tool, so a named choice sends only that tool with `REQUIRED`: the model must call it.
 * - `strict`: Cohere's `strictTools` covers every tool, so it is `true` when any tool asks for strict
 *   arguments and `false` when every tool says `strict: false`.
 */
export function toCohereTools(
  template: ChatTemplate,
  portableChoice: unknown,
  onWarning: Warn,
): CohereToolFields {
  const tools: CohereTool[] = []
  const strict: (boolean | null | undefined)[] = []
  const add = (definition: FunctionDefinition) => {
    tools.push(toTool(definition))
    strict.push(definition.strict)
  }
  for (const [i, tool] of (template.tools ?? []).entries()) addTool(tool, `prompt_template.tools[${i}]`)
  for (const definition of template.functions ?? []) add(definition)

  function addTool(tool: Tool, path: string) {
    if (!isKnownTool(tool) || tool.type !== "function") {
      if (tool.type === "tool_variable")
        throw new UnsupportedFeatureError({
          provider: PROVIDER,
          feature: "tools.tool_variable",
          path,
          message:
            "tool variables are filled in when the template is rendered (@pl/templating); render it first",
        })
      onWarning?.({
        provider: PROVIDER,
        feature: `tools.${tool.type}`,
        path,
        message: `Cohere has no ${tool.type} tool; it was not sent`,
      })
      return
    }
    add(tool.function)
  }

  const fields: CohereToolFields = {}
  if (strict.some((s) => s === true)) fields.strictTools = true
  else if (strict.length > 0 && strict.every((s) => s === false)) fields.strictTools = false

  const choice =
    template.tool_choice ??
    fromFunctionCall(template.function_call) ??
    (portableChoice as ToolChoice | undefined)
  if (choice == null || choice === "auto") {
    if (tools.length > 0) fields.tools = tools
    return fields
  }
  if (tools.length === 0) {
    onWarning?.({
      provider: PROVIDER,
      feature: "tool_choice",
      path: "prompt_template.tool_choice",
      message: "a tool choice without tools means nothing to Cohere; it was not sent",
    })
    return {}
  }
  fields.tools = tools
  if (choice === "required") fields.toolChoice = "REQUIRED"
  else if (choice === "none") fields.toolChoice = "NONE"
  else if (choice.type === "function" && isObject(choice.function)) {
    const name = choice.function.name
    const named = tools.filter((tool) => tool.function?.name === name)
    if (named.length === 0)
      throw new UnsupportedFeatureError({
        provider: PROVIDER,
        feature: "tool_choice",
        path: "prompt_template.tool_choice",
        message: `the tool choice names ${JSON.stringify(name)}, which is not among the tools`,
      })
    fields.tools = named
    fields.toolChoice = "REQUIRED"
  } else {
    onWarning?.({
      provider: PROVIDER,
      feature: `tool_choice.${choice.type}`,
      path: "prompt_template.tool_choice",
      message: `Cohere cannot choose a ${choice.type} tool; the choice was not sent`,
    })
  }
  return fields
}

/** Cohere's tools and tool choice → the template's; `strictTools` becomes every tool's `strict`. */
export function fromCohereTools(request: CohereChatRequest): Pick<ChatTemplate, "tools" | "tool_choice"> {
  const result: Pick<ChatTemplate, "tools" | "tool_choice"> = {}
  const tools: Tool[] = []
  for (const tool of request.tools ?? []) {
    if (!tool.function) continue
    const definition: FunctionDefinition = { name: tool.function.name }
    if (tool.function.description !== undefined) definition.description = tool.function.description
    definition.parameters = tool.function.parameters
    if (typeof request.strictTools === "boolean") definition.strict = request.strictTools
    tools.push({ type: "function", function: definition })
  }
  if (tools.length > 0) result.tools = tools
  if (request.toolChoice === "REQUIRED") result.tool_choice = "required"
  else if (request.toolChoice === "NONE") result.tool_choice = "none"
  return result
}
