import type {
  Tool as BedrockTool,
  ToolChoice as BedrockToolChoice,
  ToolConfiguration,
} from "@aws-sdk/client-bedrock-runtime"
import type { ChatTemplate, FunctionDefinition, KnownTool, Tool, ToolChoice } from "@pl/blueprint"
import { type Conversion, type DocumentType, RENDER_FIRST, unsupported, warn } from "./conversion.js"
import { cachePointOf } from "./convert-content.js"

/**
 * The template's tools and tool choice as Bedrock's `toolConfig`; `undefined` when no tool is sent.
 *
 * Bedrock has no `tool_choice: "none"`: the tools are left out instead, which has the same effect. When the
 * conversation already holds tool calls or results, Bedrock requires `toolConfig`, so the tools are sent
 * and only the choice is dropped, with a warning (the model may call them).
 */
export function toToolConfig(
  template: ChatTemplate,
  portableChoice: unknown,
  hasToolBlocks: boolean,
  conversion: Conversion,
): ToolConfiguration | undefined {
  const tools: BedrockTool[] = []
  for (const [i, tool] of (template.tools ?? []).entries()) {
    // A check of the type, not isKnownTool: its module holds the zod schemas a converter must not bundle.
    const { type, function: fn } = tool as { type: KnownTool["type"]; function: FunctionDefinition }
    const path = `prompt_template.tools[${i}]`
    if (type === "tool_variable") unsupported("tools.tool_variable", path, RENDER_FIRST)
    if (type !== "function") {
      warn(conversion, `tools.${type}`, path)
      continue
    }
    tools.push({
      toolSpec: {
        name: fn.name,
        // The service model's `NonEmptyString`: an empty description is left out.
        ...(fn.description ? { description: fn.description } : {}),
        // Bedrock requires a schema; a function without parameters takes an empty object.
        inputSchema: { json: (fn.parameters ?? { type: "object", properties: {} }) as DocumentType },
        ...(typeof fn.strict === "boolean" ? { strict: fn.strict } : {}),
      },
    })
    const cachePoint = cachePointOf(tool)
    if (cachePoint) tools.push({ cachePoint })
  }
  // Legacy OpenAI functions have no call ids in the conversation either: not sent.
  if (template.functions?.length) warn(conversion, "functions", "prompt_template.functions")
  if (tools.length === 0) return undefined

  // A `tool_choice` parameter (e.g. from options.parameters) overrides the template's.
  const choice = portableChoice ?? template.tool_choice
  const name = (choice as { function?: { name?: unknown } } | undefined)?.function?.name
  const toolChoice: BedrockToolChoice | undefined =
    choice === "auto"
      ? { auto: {} }
      : choice === "required"
        ? { any: {} }
        : typeof name === "string"
          ? { tool: { name } }
          : undefined
  // Without tools a model calls none; but once the conversation holds tool calls, Bedrock needs the tools,
  // and only the choice is dropped. A provider's own choice (a built-in tool) is dropped too.
  if (choice === "none" && !hasToolBlocks) return undefined
  if (choice != null && !toolChoice) warn(conversion, "tool_choice", "prompt_template.tool_choice")
  return toolChoice ? { tools, toolChoice } : { tools }
}

/** Bedrock's `toolConfig` back to blueprint tools and tool choice. */
export function fromToolConfig(
  config: ToolConfiguration | undefined,
): Pick<ChatTemplate, "tools" | "tool_choice"> {
  if (!config?.tools?.length) return {}
  const tools: Tool[] = []
  for (const { toolSpec: spec, cachePoint } of config.tools) {
    if (spec)
      tools.push({
        type: "function",
        function: {
          name: spec.name ?? "",
          ...(spec.description ? { description: spec.description } : {}),
          parameters: (spec.inputSchema?.json ?? {}) as Record<string, unknown>,
          ...(typeof spec.strict === "boolean" ? { strict: spec.strict } : {}),
        },
      })
    else if (cachePoint && tools.length > 0)
      tools[tools.length - 1]!.cache_control = fromCachePoint(cachePoint)
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
