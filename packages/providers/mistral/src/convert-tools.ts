import type { FunctionDefinition, Tool, ToolChoice } from "@pl/blueprint"
import type {
  ChatCompletionRequestTool,
  ChatCompletionRequestToolChoice,
} from "@mistralai/mistralai/models/components"
import { unsupported, type Warn } from "./conversion.js"
import { isRecord } from "./fields.js"
import { isKnownTool } from "./known-types.js"

/** Mistral's `Function.parameters` is required; a tool without one takes no arguments. */
export const EMPTY_PARAMETERS = { type: "object", properties: {} }

/**
 * Blueprint tools (and legacy `functions`) → Mistral `tools`. Function tools keep their JSON Schema exactly as
 * written, and `strict`. Of the built-in tools, Mistral's chat completions run `web_search`, `code_interpreter`
 * and `image_generation`; its own `web_search_premium` and `document_library` (blueprint tools of types the
 * blueprint does not know, in wire form) pass too. Other tools are dropped with a warning; a `tool_variable`
 * must be rendered first.
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
  if (!isKnownTool(tool)) {
    if (tool.type === "web_search_premium") return { type: "web_search_premium" }
    if (tool.type === "document_library" && Array.isArray(tool.library_ids))
      return { type: "document_library", libraryIds: tool.library_ids.map(String) }
    warn(`tools.${tool.type}`, path, `Mistral has no ${tool.type} tool; it was not sent`)
    return undefined
  }
  switch (tool.type) {
    case "function":
      return functionTool(tool.function)
    case "web_search":
    case "code_interpreter":
    case "image_generation":
      if (tool.config && Object.keys(tool.config).length > 0)
        warn(`tools.${tool.type}.config`, `${path}.config`, "Mistral's built-in tools take no settings; they were not sent")
      return { type: tool.type }
    case "tool_variable":
      throw unsupported(
        "tools.tool_variable",
        path,
        `render the template first (@pl/templating) to fill the tool variable ${tool.name}`,
      )
    default:
      warn(`tools.${tool.type}`, path, `Mistral's chat completions have no ${tool.type} tool; it was not sent`)
      return undefined
  }
}

function functionTool(definition: FunctionDefinition): ChatCompletionRequestTool {
  return {
    type: "function",
    function: {
      name: definition.name,
      ...(definition.description != null ? { description: definition.description } : {}),
      parameters: definition.parameters ?? EMPTY_PARAMETERS,
      ...(definition.strict != null ? { strict: definition.strict } : {}),
    },
  }
}

/** Mistral `tools` → blueprint tools (the inverse of {@link toMistralTools}). */
export function fromMistralTools(tools: readonly ChatCompletionRequestTool[]): Tool[] {
  return tools.map((tool): Tool => {
    switch (tool.type) {
      case "function": {
        const { name, description, parameters, strict } = tool.function
        return {
          type: "function",
          function: {
            name,
            ...(description !== undefined ? { description } : {}),
            parameters,
            ...(strict !== undefined ? { strict } : {}),
          },
        }
      }
      case "web_search":
      case "code_interpreter":
      case "image_generation":
        return { type: tool.type }
      case "document_library":
        return { type: "document_library", library_ids: tool.libraryIds }
      default:
        return { type: tool.type }
    }
  })
}

/**
 * A tool choice → Mistral's `tool_choice`. Takes the blueprint's (`auto`, `none`, `required`, a named
 * function) and, since `tool_choice` is a portable parameter, Mistral's own `any` and Anthropic's forms
 * (`{ type: "any" }`, `{ type: "tool", name }`). A built-in tool choice (`{ type: "web_search" }`) has no
 * Mistral form: dropped with a warning.
 */
export function toMistralToolChoice(
  choice: unknown,
  path: string,
  warn: Warn,
): ChatCompletionRequestToolChoice | undefined {
  if (choice === "auto" || choice === "none" || choice === "required" || choice === "any") return choice
  if (isRecord(choice)) {
    const { type } = choice
    if (type === "function" && isRecord(choice.function) && typeof choice.function.name === "string")
      return { type: "function", function: { name: choice.function.name } }
    if (type === "tool" && typeof choice.name === "string")
      return { type: "function", function: { name: choice.name } }
    if (type === "auto" || type === "none" || type === "any") return type
  }
  warn("tool_choice", path, `Mistral cannot express the tool choice ${JSON.stringify(choice)}; it was not sent`)
  return undefined
}

/** Mistral's `tool_choice` → the blueprint's: `any` reads as `required` (Mistral documents them as the same). */
export function fromMistralToolChoice(choice: ChatCompletionRequestToolChoice): ToolChoice | undefined {
  if (typeof choice === "string") {
    // ToolChoiceEnum is an open enum: a value this version does not know has no blueprint form.
    const known: Record<string, ToolChoice> = { auto: "auto", none: "none", required: "required", any: "required" }
    return Object.hasOwn(known, choice) ? known[choice] : undefined
  }
  return { type: "function", function: { name: choice.function.name } }
}
