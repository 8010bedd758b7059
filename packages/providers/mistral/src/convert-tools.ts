import type {
  ChatCompletionRequestTool,
  ChatCompletionRequestToolChoice,
} from "@mistralai/mistralai/models/components"
import type { FunctionDefinition, KnownTool, Tool, ToolChoice } from "@pl/blueprint"
import { RENDER_FIRST, unsupported, type Warn } from "./conversion.js"
import { definedOnly, isRecord } from "./fields.js"

/** Mistral's `Function.parameters` is required; a tool without one takes no arguments. */
export const EMPTY_PARAMETERS = { type: "object", properties: {} }

/**
 * Blueprint tools (and legacy `functions`) → Mistral `tools`. Function tools keep their JSON Schema exactly as
 * written, and `strict`. Of the built-in tools, Mistral's chat completions run `web_search`, `code_interpreter`
 * and `image_generation`. Other tools (Mistral's `web_search_premium` and `document_library` included, which
 * the blueprint has no type for) are dropped with a warning; a `tool_variable` must be rendered first.
 */
export function toMistralTools(
  tools: readonly Tool[] | null | undefined,
  functions: readonly FunctionDefinition[] | null | undefined,
  warn: Warn,
): ChatCompletionRequestTool[] | undefined {
  if (tools == null && functions == null) return undefined
  const out: ChatCompletionRequestTool[] = []
  for (const [i, tool] of (tools ?? []).entries()) {
    const converted = toMistralTool(tool, `prompt_template.tools[${i}]`, warn)
    if (converted) out.push(converted)
  }
  for (const definition of functions ?? []) out.push(functionTool(definition))
  return out
}

function toMistralTool(tool: Tool, path: string, warn: Warn): ChatCompletionRequestTool | undefined {
  // A switch on the type rather than isKnownTool (see toChunk in convert-content.ts); unknown types fall through.
  const known = tool as KnownTool
  switch (known.type) {
    case "function":
      return functionTool(known.function)
    case "web_search":
    case "code_interpreter":
    case "image_generation":
      if (known.config && Object.keys(known.config).length > 0)
        warn(`tools.${known.type}.config`, `${path}.config`, "not sent: built-in tools take no settings")
      return { type: known.type }
    case "tool_variable":
      throw unsupported(
        "tools.tool_variable",
        path,
        `${RENDER_FIRST} to fill the tool variable ${known.name}`,
      )
  }
  warn(`tools.${tool.type}`, path, `not sent: Mistral has no ${tool.type} tool`)
  return undefined
}

function functionTool(definition: FunctionDefinition): ChatCompletionRequestTool {
  return {
    type: "function",
    function: definedOnly({
      name: definition.name,
      description: definition.description,
      parameters: definition.parameters ?? EMPTY_PARAMETERS,
      strict: definition.strict,
    }),
  }
}

/** Mistral `tools` → blueprint tools (the inverse of {@link toMistralTools}). */
export function fromMistralTools(tools: readonly ChatCompletionRequestTool[]): Tool[] {
  return tools.map((tool): Tool => {
    if (tool.type === "function") return { type: "function", function: definedOnly(tool.function) }
    // Built-in tools: the blueprint knows web_search, code_interpreter and image_generation; Mistral's others
    // (web_search_premium, document_library, connectors) are kept by type, and toRequest warns about them.
    return { type: tool.type }
  })
}

/**
 * A tool choice → Mistral's `tool_choice`. Takes the blueprint's (`auto`, `none`, `required`, a named
 * function), the legacy `function_call` (`{ name }`) and, since `tool_choice` is a portable parameter,
 * Mistral's own `any` and Anthropic's forms (`{ type: "any" }`, `{ type: "tool", name }`). A built-in tool
 * choice (`{ type: "web_search" }`) has no Mistral form: dropped with a warning.
 */
export function toMistralToolChoice(
  choice: unknown,
  path: string,
  warn: Warn,
): ChatCompletionRequestToolChoice | undefined {
  const record = isRecord(choice) ? choice : { type: choice }
  const { type } = record
  const name = isRecord(record.function) ? record.function.name : record.name
  if (typeof name === "string" && (type === undefined || type === "function" || type === "tool"))
    return { type: "function", function: { name } }
  if (type === "auto" || type === "none" || type === "required" || type === "any") return type
  warn("tool_choice", path, `not sent: Mistral has no tool choice ${JSON.stringify(choice)}`)
  return undefined
}

/** Mistral's `tool_choice` → the blueprint's: `any` reads as `required` (Mistral documents them as the same). */
export function fromMistralToolChoice(choice: ChatCompletionRequestToolChoice): ToolChoice | undefined {
  if (typeof choice === "string") {
    // ToolChoiceEnum is an open enum: a value this version does not know has no blueprint form.
    const known: Record<string, ToolChoice> = {
      auto: "auto",
      none: "none",
      required: "required",
      any: "required",
    }
    return Object.hasOwn(known, choice) ? known[choice] : undefined
  }
  return { type: "function", function: { name: choice.function.name } }
}
