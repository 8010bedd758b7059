import type { ChatTemplate, FunctionDefinition, FunctionTool, Tool, ToolChoice } from "@pl/blueprint"
import { RENDER_FIRST, unsupported, type Warn, warn } from "./context.js"
import type { CohereChatRequest, CohereTool } from "./types.js"
import { isObject } from "./wire.js"

/** The request fields that say which tools the model may call. */
export type CohereToolFields = Pick<CohereChatRequest, "tools" | "toolChoice" | "strictTools">

const CHOICE_PATH = "prompt_template.tool_choice"

// Cohere requires `parameters`; a tool without any takes no arguments.
const NO_PARAMETERS = { type: "object", properties: {} }

function toTool({ name, description, parameters }: FunctionDefinition): CohereTool {
  const fn = { name, ...(description != null && { description }), parameters: parameters ?? NO_PARAMETERS }
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
 * - `tool_choice` (from the parameters, else the template): `auto` is Cohere's default (no field), `required` → `REQUIRED`, `none` → `NONE`. Cohere
 *   cannot name a tool, so a named choice sends only that tool with `REQUIRED`: the model must call it.
 * - `strict`: Cohere's `strictTools` covers every tool, so it is `true` when any tool asks for strict
 *   arguments and `false` when every tool says `strict: false`.
 */
export function toCohereTools(
  template: ChatTemplate,
  portableChoice: unknown,
  onWarning: Warn,
): CohereToolFields {
  const definitions: FunctionDefinition[] = [...(template.functions ?? [])]
  for (const [i, tool] of (template.tools ?? []).entries()) {
    const path = `prompt_template.tools[${i}]`
    // By type name: unknown tool types reach the warning (no need for `isKnownTool`'s type list).
    if (tool.type === "function") definitions.push((tool as FunctionTool).function)
    else if (tool.type === "tool_variable") throw unsupported("tools.tool_variable", path, RENDER_FIRST)
    else warn(onWarning, `tools.${tool.type}`, path, `Cohere has no ${tool.type} tool`)
  }
  let tools = definitions.map(toTool)

  const fields: CohereToolFields = {}
  if (definitions.some((d) => d.strict === true)) fields.strictTools = true
  else if (definitions.length > 0 && definitions.every((d) => d.strict === false)) fields.strictTools = false

  // A tool choice in the parameters (e.g. `options.parameters`, the caller's override) wins over the template's.
  const choice =
    (portableChoice as ToolChoice | undefined) ??
    template.tool_choice ??
    fromFunctionCall(template.function_call)
  if (choice != null && choice !== "auto") {
    if (tools.length === 0) {
      warn(onWarning, "tool_choice", CHOICE_PATH, "no tools to choose from")
      return {}
    }
    if (choice === "required" || choice === "none")
      fields.toolChoice = choice === "none" ? "NONE" : "REQUIRED"
    else if (choice.type === "function" && isObject(choice.function)) {
      const name = choice.function.name
      tools = tools.filter((tool) => tool.function?.name === name)
      if (tools.length === 0) throw unsupported("tool_choice", CHOICE_PATH, `no tool named ${String(name)}`)
      fields.toolChoice = "REQUIRED"
    } else warn(onWarning, `tool_choice.${choice.type}`, CHOICE_PATH, `Cohere has no ${choice.type} tool`)
  }
  if (tools.length > 0) fields.tools = tools
  return fields
}

/** Cohere's tools and tool choice → the template's; `strictTools` becomes every tool's `strict`. */
export function fromCohereTools(request: CohereChatRequest): Pick<ChatTemplate, "tools" | "tool_choice"> {
  const result: Pick<ChatTemplate, "tools" | "tool_choice"> = {}
  const strict = request.strictTools
  const tools = (request.tools ?? []).flatMap(({ function: fn }): Tool[] =>
    fn ? [{ type: "function", function: { ...fn, ...(typeof strict === "boolean" && { strict }) } }] : [],
  )
  if (tools.length > 0) result.tools = tools
  if (request.toolChoice) result.tool_choice = request.toolChoice === "NONE" ? "none" : "required"
  return result
}
