import type {
  Tool as AnthropicTool,
  ToolChoice as AnthropicToolChoice,
  ToolUnion,
} from "@anthropic-ai/sdk/resources/messages"
import type { BuiltInTool, FunctionDefinition, FunctionTool, Tool, ToolChoice } from "@pl/blueprint"
import { isObject, RENDER_FIRST, unsupported, type Warn } from "./context.js"
import { cacheControl } from "./convert-content.js"

/** Anthropic's web search tool version that `web_search` maps to; `config.type` picks another. */
export const WEB_SEARCH_TOOL = "web_search_20250305"

// Anthropic's own tools are versioned by date (`bash_20250124`, `code_execution_20250825`, ...).
const VERSIONED_TOOL = /_\d{8}$/

/**
 * Blueprint tools (and legacy `functions`) → Anthropic tools. `web_search` becomes Anthropic's web
 * search tool with `config` as its settings; an Anthropic versioned tool kept from `fromRequest` passes
 * through; other built-in tools are dropped with a warning.
 */
export function toTools(
  tools: readonly Tool[] | null | undefined,
  functions: readonly FunctionDefinition[] | null | undefined,
  warn: Warn,
): ToolUnion[] | undefined {
  const out: ToolUnion[] = []
  for (const [i, tool] of (tools ?? []).entries()) {
    const path = `prompt_template.tools[${i}]`
    // A switch on the type string, not isKnownTool: its module holds zod schemas a converter must not bundle.
    switch (tool.type) {
      case "function":
        out.push({ ...toFunctionTool((tool as FunctionTool).function), ...cacheControl(tool) })
        break
      case "web_search":
        out.push({ type: WEB_SEARCH_TOOL, name: "web_search", ...(tool as BuiltInTool).config } as ToolUnion)
        break
      case "tool_variable":
        throw unsupported("tools.tool_variable", path, RENDER_FIRST)
      default:
        if (VERSIONED_TOOL.test(tool.type)) out.push(tool as unknown as ToolUnion)
        else warn(`tools.${tool.type}`, path, "not sent: no such tool")
    }
  }
  for (const definition of functions ?? []) out.push(toFunctionTool(definition))
  return out.length > 0 ? out : undefined
}

function toFunctionTool(definition: FunctionDefinition): AnthropicTool {
  const tool: AnthropicTool = {
    name: definition.name,
    // Anthropic requires an object schema; a function without parameters takes none.
    input_schema: (definition.parameters ?? { type: "object", properties: {} }) as AnthropicTool.InputSchema,
  }
  if (typeof definition.description === "string") tool.description = definition.description
  if (typeof definition.strict === "boolean") tool.strict = definition.strict
  return tool
}

/** Anthropic tools → blueprint tools (the inverse of {@link toTools}). */
export function fromTools(tools: readonly ToolUnion[]): Tool[] {
  return tools.map((tool): Tool => {
    const type = (tool as { type?: string | null }).type
    if (type === undefined || type === null || type === "custom") {
      const custom = tool as AnthropicTool
      const definition: FunctionDefinition = { name: custom.name, parameters: custom.input_schema }
      if (custom.description !== undefined) definition.description = custom.description
      if (custom.strict !== undefined) definition.strict = custom.strict
      return { type: "function", function: definition, ...cacheControl(custom) }
    }
    if (type.startsWith("web_search_")) {
      // `config.type` keeps the tool's version.
      const { name: _name, ...config }: Record<string, unknown> = { ...tool }
      return { type: "web_search", config }
    }
    return { ...tool, type }
  })
}

/**
 * Blueprint `tool_choice` (+ `parallel_tool_calls: false`) → Anthropic `tool_choice`: `required` is
 * `any`, a named function is `{ type: "tool", name }`, and no parallel calls is `disable_parallel_tool_use`.
 */
export function toToolChoice(
  choice: unknown,
  parallel: boolean | undefined,
  warn: Warn,
): AnthropicToolChoice | undefined {
  let result: AnthropicToolChoice | undefined
  if (choice === "auto" || choice === "none") result = { type: choice }
  else if (choice === "required") result = { type: "any" }
  else if (isObject(choice) && choice.type === "function" && isObject(choice.function))
    result = { type: "tool", name: String(choice.function.name) }
  else if (choice != null) warn("tool_choice", "prompt_template.tool_choice", "not sent: no such tool choice")
  if (parallel === false) {
    result ??= { type: "auto" }
    if (result.type !== "none") result.disable_parallel_tool_use = true
  }
  return result
}

/** Anthropic `tool_choice` → blueprint `tool_choice` and `parallel_tool_calls`. */
export function fromToolChoice(choice: AnthropicToolChoice): {
  tool_choice: ToolChoice
  parallel_tool_calls?: false
} {
  const tool_choice: ToolChoice =
    choice.type === "any"
      ? "required"
      : choice.type === "tool"
        ? { type: "function", function: { name: choice.name } }
        : choice.type
  return choice.type !== "none" && choice.disable_parallel_tool_use
    ? { tool_choice, parallel_tool_calls: false }
    : { tool_choice }
}
