import type {
  Tool as BedrockTool,
  ToolChoice as BedrockToolChoice,
  ToolConfiguration,
} from "@aws-sdk/client-bedrock-runtime"
import {
  type ChatTemplate,
  type FunctionDefinition,
  isKnownTool,
  type Tool,
  type ToolChoice,
} from "@pl/blueprint"
import { type Conversion, type DocumentType, unsupported, warn } from "./conversion.js"
import { cachePointOf } from "./convert-content.js"

/**
 * The template's tools and tool choice as Bedrock's `toolConfig`; `undefined` when no tool is sent.
 *
 * Bedrock has no `tool_choice: "none"`: the tools are left out instead, which has the same effect. When the
 * conversation already holds tool calls or results, Bedrock requires `toolConfig`, so the tools are sent
 * without a choice and a warning says the model may call them.
 */
export function toToolConfig(
  template: ChatTemplate,
  portableChoice: unknown,
  hasToolBlocks: boolean,
  conversion: Conversion,
): ToolConfiguration | undefined {
  const tools: BedrockTool[] = []
  for (const [i, tool] of (template.tools ?? []).entries()) {
    const spec = toToolSpec(tool, `prompt_template.tools[${i}]`, conversion)
    if (!spec) continue
    tools.push(spec)
    const cachePoint = cachePointOf(tool)
    if (cachePoint) tools.push({ cachePoint })
  }
  // Legacy OpenAI `functions` are function tools without the wrapper.
  for (const fn of template.functions ?? []) tools.push(toolSpecOf(fn))
  if (!tools.some((tool) => tool.toolSpec)) return undefined

  // A `tool_choice` parameter (e.g. from options.parameters) overrides the template's.
  const choice = portableChoice ?? template.tool_choice ?? legacyChoice(template.function_call)
  if (choice === "none") {
    if (!hasToolBlocks) return undefined
    warn(
      conversion,
      "tool_choice.none",
      "prompt_template.tool_choice",
      "Bedrock has no tool_choice none and needs the tools when the conversation holds tool calls; the tools were sent and the model may call them",
    )
    return { tools }
  }
  const toolChoice = toToolChoice(choice, conversion)
  return toolChoice ? { tools, toolChoice } : { tools }
}

function toToolSpec(tool: Tool, path: string, conversion: Conversion): BedrockTool | undefined {
  if (!isKnownTool(tool)) {
    warn(conversion, `tools.${tool.type}`, path, `Bedrock has no ${tool.type} tools; dropped`)
    return undefined
  }
  switch (tool.type) {
    case "function":
      return toolSpecOf(tool.function)
    case "tool_variable":
      return unsupported(
        "tools.tool_variable",
        path,
        `the tool variable "${tool.name}" must be rendered first (@pl/templating renderTemplate)`,
      )
    default:
      warn(
        conversion,
        `tools.${tool.type}`,
        path,
        `Bedrock Converse has no built-in ${tool.type} tool; dropped`,
      )
      return undefined
  }
}

function toolSpecOf(fn: FunctionDefinition): BedrockTool {
  return {
    toolSpec: {
      name: fn.name,
      // The service model's `NonEmptyString`: an empty description is left out.
      ...(fn.description ? { description: fn.description } : {}),
      // Bedrock requires a schema; a function without parameters takes an empty object.
      inputSchema: { json: (fn.parameters ?? { type: "object", properties: {} }) as DocumentType },
      ...(typeof fn.strict === "boolean" ? { strict: fn.strict } : {}),
    },
  }
}

function legacyChoice(choice: ChatTemplate["function_call"]): ToolChoice | undefined {
  if (choice == null) return undefined
  if (typeof choice === "string") return choice
  return { type: "function", function: { name: choice.name } }
}

function toToolChoice(choice: unknown, conversion: Conversion): BedrockToolChoice | undefined {
  if (choice == null || choice === "auto") return choice == null ? undefined : { auto: {} }
  if (choice === "required") return { any: {} }
  const named = choice as { type?: unknown; function?: { name?: unknown } }
  if (named.type === "function" && typeof named.function?.name === "string")
    return { tool: { name: named.function.name } }
  warn(
    conversion,
    "tool_choice",
    "prompt_template.tool_choice",
    `Bedrock has no tool choice ${JSON.stringify(choice)}; left to the model`,
  )
  return undefined
}

/** Bedrock's `toolConfig` back to blueprint tools and tool choice. */
export function fromToolConfig(
  config: ToolConfiguration | undefined,
): Pick<ChatTemplate, "tools" | "tool_choice"> {
  if (!config?.tools?.length) return {}
  const tools: Tool[] = []
  for (const tool of config.tools) {
    if (tool.toolSpec) {
      const spec = tool.toolSpec
      tools.push({
        type: "function",
        function: {
          name: spec.name ?? "",
          ...(spec.description ? { description: spec.description } : {}),
          parameters: (spec.inputSchema?.json ?? { type: "object", properties: {} }) as Record<
            string,
            unknown
          >,
          ...(typeof spec.strict === "boolean" ? { strict: spec.strict } : {}),
        },
      })
    } else if (tool.cachePoint && tools.length > 0) {
      const last = tools[tools.length - 1]!
      last.cache_control = fromCachePoint(tool.cachePoint)
    }
  }
  const choice = config.toolChoice
  const tool_choice: ToolChoice | undefined = choice?.auto
    ? "auto"
    : choice?.any
      ? "required"
      : choice?.tool?.name
        ? { type: "function", function: { name: choice.tool.name } }
        : undefined
  return tool_choice ? { tools, tool_choice } : { tools }
}

/** A `cachePoint` block as the blueprint's `cache_control` field on what it follows. */
export function fromCachePoint(cachePoint: { ttl?: string | undefined }): {
  type: "ephemeral"
  ttl?: string
} {
  return cachePoint.ttl ? { type: "ephemeral", ttl: cachePoint.ttl } : { type: "ephemeral" }
}
