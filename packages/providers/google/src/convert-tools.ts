import type {
  FunctionCallingConfig,
  FunctionCallingConfigMode,
  FunctionDeclaration,
  Tool as GeminiTool,
  ToolConfig,
  ToolListUnion,
} from "@google/genai"
import type { ChatTemplate, FunctionDefinition, KnownTool, Tool, ToolChoice } from "@pl/blueprint"
import { isRecord, notRendered, type Warn } from "./conversion.js"

// Built-in tool → the Gemini tool field that turns it on. OpenAI's `web_search` is Google Search here
// (its settings mean nothing to Google Search and are left out).
const BUILT_INS: Readonly<Record<string, keyof GeminiTool>> = {
  google_search: "googleSearch",
  web_search: "googleSearch",
  url_context: "urlContext",
  code_interpreter: "codeExecution",
  google_maps: "googleMaps",
}

/**
 * Blueprint tools → Gemini tools: every function tool (and legacy function) is a declaration in one
 * `functionDeclarations` tool, first; built-in tools follow, one each: `google_search` (and `web_search`) →
 * `googleSearch`, `url_context` → `urlContext`, `code_interpreter` → `codeExecution`, `google_maps` →
 * `googleMaps`, with the tool's `config` as its settings.
 */
export function toTools(
  tools: ChatTemplate["tools"],
  functions: ChatTemplate["functions"],
  warn: Warn,
): GeminiTool[] | undefined {
  const declarations: FunctionDeclaration[] = []
  const builtIns: GeminiTool[] = []
  for (const [i, tool] of (tools ?? []).entries()) {
    const path = `prompt_template.tools[${i}]`
    // By type name, not isKnownTool: its module holds the zod schemas a converter must not bundle.
    const known = tool as KnownTool
    const field = BUILT_INS[tool.type]
    if (known.type === "function") declarations.push(toDeclaration(known.function, path, warn))
    else if (known.type === "tool_variable") throw notRendered("tool_variable", path)
    else if (field && known.type !== "web_search") builtIns.push({ [field]: { ...known.config } })
    else if (field) {
      if (known.config && Object.keys(known.config).length > 0)
        warn("tools.web_search.config", `${path}.config`)
      builtIns.push({ googleSearch: {} })
    } else warn(`tools.${tool.type}`, path)
  }
  for (const [i, fn] of (functions ?? []).entries())
    declarations.push(toDeclaration(fn, `prompt_template.functions[${i}]`, warn))
  const result = declarations.length > 0 ? [{ functionDeclarations: declarations }, ...builtIns] : builtIns
  return result.length > 0 ? result : undefined
}

// The JSON Schema goes to `parametersJsonSchema` as written: Gemini reads JSON Schema there, and nothing
// inside it is renamed (the SDK rewrites only `parameters`, its OpenAPI-style schema).
function toDeclaration(fn: FunctionDefinition, path: string, warn: Warn): FunctionDeclaration {
  const declaration: FunctionDeclaration = { name: fn.name }
  if (fn.description != null) declaration.description = fn.description
  if (fn.parameters != null) declaration.parametersJsonSchema = fn.parameters
  if (fn.strict) warn("tools.strict", `${path}.strict`)
  return declaration
}

const MODES: Readonly<Record<string, string>> = { auto: "AUTO", none: "NONE", required: "ANY" }

/**
 * The tool choice → `functionCallingConfig`: `auto` → AUTO, `none` → NONE, `required` → ANY, a named
 * function → ANY with `allowedFunctionNames: [name]`. The legacy `function_call` setting is read the same
 * way when there is no tool choice. The result is merged into a native `toolConfig`.
 */
export function toToolConfig(
  choice: unknown,
  functionCall: ChatTemplate["function_call"],
  native: ToolConfig | undefined,
  warn: Warn,
): ToolConfig | undefined {
  const named = (name: unknown) => ({ mode: "ANY", allowedFunctionNames: [name] })
  let calling: unknown
  if (typeof choice === "string" && MODES[choice]) calling = { mode: MODES[choice] }
  else if (isRecord(choice) && choice.type === "function" && isRecord(choice.function))
    calling = named(choice.function.name)
  else if (choice != null) warn("tool_choice", "prompt_template.tool_choice")
  else if (functionCall)
    calling = typeof functionCall === "string" ? { mode: MODES[functionCall] } : named(functionCall.name)
  return calling ? { ...native, functionCallingConfig: calling as FunctionCallingConfig } : native
}

/**
 * Gemini tools → blueprint tools. A declaration's OpenAPI-style `parameters` (`type: "OBJECT"`) are read as
 * JSON Schema (types in lower case, `nullable` as a `"null"` type). SDK callable tools and tools the
 * blueprint has no type for (retrieval, file search, computer use, MCP servers) are left out.
 */
export function fromTools(tools: ToolListUnion | undefined): Tool[] {
  const out: Tool[] = []
  for (const tool of (tools ?? []) as GeminiTool[]) {
    if ("callTool" in tool) continue
    for (const declaration of tool.functionDeclarations ?? []) {
      const fn: FunctionDefinition = { name: declaration.name ?? "" }
      if (declaration.description !== undefined) fn.description = declaration.description
      const schema = declaration.parametersJsonSchema ?? openApiToJsonSchema(declaration.parameters)
      if (isRecord(schema)) fn.parameters = schema
      out.push({ type: "function", function: fn })
    }
    for (const [type, field] of Object.entries(BUILT_INS)) {
      const config = tool[field] as object | undefined
      if (config && type !== "web_search")
        out.push(
          Object.keys(config).length > 0 ? ({ type, config: { ...config } } as Tool) : ({ type } as Tool),
        )
    }
  }
  return out
}

// Gemini's OpenAPI-style Schema differs from JSON Schema in the spelling of types (`OBJECT`) and in
// `nullable`; its other keywords (properties, items, required, enum, anyOf, minItems, ...) are JSON Schema's.
function openApiToJsonSchema(schema: unknown): unknown {
  if (schema === undefined) return undefined
  return JSON.parse(JSON.stringify(schema), (_key, value: unknown) => {
    if (!isRecord(value) || typeof value.type !== "string") return value
    const { nullable, ...rest } = value
    const type = value.type.toLowerCase()
    return { ...rest, type: nullable === true ? [type, "null"] : type }
  })
}

/**
 * `toolConfig` → the blueprint's tool choice, when its function-calling config says exactly one of
 * `auto`/`none`/`required`/a named function; the rest of the tool config (or all of it, when the choice is
 * something else, like several allowed names) stays a native parameter.
 */
export function fromToolConfig(toolConfig: ToolConfig | undefined): {
  toolChoice?: ToolChoice
  rest?: ToolConfig
} {
  if (!toolConfig) return {}
  const { functionCallingConfig: calling, ...rest } = toolConfig
  const { mode, allowedFunctionNames: names, ...other } = calling ?? {}
  let toolChoice: ToolChoice | undefined
  if (Object.keys(other).length === 0) {
    if (!names)
      toolChoice = (Object.keys(MODES) as ("auto" | "none" | "required")[]).find((k) => MODES[k] === mode)
    else if (mode === ("ANY" as FunctionCallingConfigMode) && names.length === 1)
      toolChoice = { type: "function", function: { name: names[0]! } }
  }
  if (!toolChoice) return { rest: toolConfig }
  return Object.keys(rest).length > 0 ? { toolChoice, rest } : { toolChoice }
}
