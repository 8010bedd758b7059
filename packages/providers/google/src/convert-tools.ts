import type {
  FunctionCallingConfig,
  FunctionCallingConfigMode,
  FunctionDeclaration,
  Tool as GeminiTool,
  ToolConfig,
  ToolListUnion,
} from "@google/genai"
import {
  type ChatTemplate,
  type FunctionDefinition,
  isKnownTool,
  type Tool,
  type ToolChoice,
} from "@pl/blueprint"
import { isRecord, notRendered, type Warn } from "./conversion.js"

/**
 * Blueprint tools → Gemini tools: every function tool (and legacy function) is a declaration in one
 * `functionDeclarations` tool, first; built-in tools follow, one each: `google_search` (and OpenAI's
 * `web_search`) → `googleSearch`, `url_context` → `urlContext`, `code_interpreter` → `codeExecution`,
 * `google_maps` → `googleMaps`. A tool's `config` is sent as that tool's settings.
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
    if (!isKnownTool(tool)) {
      warn(`tools.${tool.type}`, path, `Gemini has no ${tool.type} tool; it was not sent`)
      continue
    }
    const config = tool.type === "function" || tool.type === "tool_variable" ? undefined : (tool.config ?? {})
    switch (tool.type) {
      case "function":
        declarations.push(toDeclaration(tool.function, path, warn))
        break
      case "tool_variable":
        throw notRendered("tool_variable", path)
      case "google_search":
        builtIns.push({ googleSearch: { ...config } })
        break
      case "web_search":
        // OpenAI's web search settings mean nothing to Google Search.
        if (config && Object.keys(config).length > 0)
          warn("tools.web_search.config", `${path}.config`, "Google Search takes none of these settings")
        builtIns.push({ googleSearch: {} })
        break
      case "url_context":
        builtIns.push({ urlContext: { ...config } })
        break
      case "code_interpreter":
        builtIns.push({ codeExecution: { ...config } })
        break
      case "google_maps":
        builtIns.push({ googleMaps: { ...config } })
        break
      default:
        warn(`tools.${tool.type}`, path, `Gemini has no ${tool.type} tool; it was not sent`)
    }
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
  if (fn.strict === true)
    warn("tools.strict", `${path}.strict`, "Gemini has no strict mode for function declarations")
  return declaration
}

const mode = (value: "AUTO" | "ANY" | "NONE") => value as FunctionCallingConfigMode

/**
 * The tool choice → `functionCallingConfig`: `auto` → AUTO, `none` → NONE, `required` → ANY, a named
 * function → ANY with `allowedFunctionNames: [name]`. The legacy `function_call` setting is read the same
 * way when there is no `tool_choice`.
 */
export function toToolConfig(
  choice: unknown,
  functionCall: ChatTemplate["function_call"],
  native: ToolConfig | undefined,
  warn: Warn,
): ToolConfig | undefined {
  const calling = toFunctionCallingConfig(choice, warn) ?? fromFunctionCall(functionCall)
  if (!calling) return native
  return { ...native, functionCallingConfig: calling }
}

function toFunctionCallingConfig(choice: unknown, warn: Warn): FunctionCallingConfig | undefined {
  if (choice == null) return undefined
  if (choice === "auto") return { mode: mode("AUTO") }
  if (choice === "none") return { mode: mode("NONE") }
  if (choice === "required") return { mode: mode("ANY") }
  if (isRecord(choice) && choice.type === "function" && isRecord(choice.function)) {
    const name = choice.function.name
    if (typeof name === "string") return { mode: mode("ANY"), allowedFunctionNames: [name] }
  }
  warn("tool_choice", "prompt_template.tool_choice", `Gemini cannot be told to use ${JSON.stringify(choice)}`)
  return undefined
}

function fromFunctionCall(functionCall: ChatTemplate["function_call"]): FunctionCallingConfig | undefined {
  if (functionCall == null) return undefined
  if (functionCall === "auto") return { mode: mode("AUTO") }
  if (functionCall === "none") return { mode: mode("NONE") }
  return { mode: mode("ANY"), allowedFunctionNames: [functionCall.name] }
}

/**
 * Gemini tools → blueprint tools. A declaration's OpenAPI-style `parameters` (`type: "OBJECT"`) are read as
 * JSON Schema (types in lower case, `nullable` as a `"null"` type). SDK callable tools and tools the
 * blueprint has no type for (retrieval, file search, computer use, MCP servers) are left out.
 */
export function fromTools(tools: ToolListUnion | undefined): Tool[] {
  const out: Tool[] = []
  for (const tool of tools ?? []) {
    if (!isRecord(tool) || "callTool" in tool) continue
    const gemini = tool as GeminiTool
    for (const declaration of gemini.functionDeclarations ?? []) out.push(fromDeclaration(declaration))
    if (gemini.googleSearch) out.push(builtIn("google_search", gemini.googleSearch))
    if (gemini.urlContext) out.push(builtIn("url_context", gemini.urlContext))
    if (gemini.codeExecution) out.push(builtIn("code_interpreter", gemini.codeExecution))
    if (gemini.googleMaps) out.push(builtIn("google_maps", gemini.googleMaps))
  }
  return out
}

function builtIn(
  type: "google_search" | "url_context" | "code_interpreter" | "google_maps",
  config: object,
): Tool {
  return Object.keys(config).length > 0 ? { type, config: { ...config } } : { type }
}

function fromDeclaration(declaration: FunctionDeclaration): Tool {
  const fn: FunctionDefinition = { name: declaration.name ?? "" }
  if (declaration.description !== undefined) fn.description = declaration.description
  const schema =
    declaration.parametersJsonSchema ??
    (declaration.parameters && openApiToJsonSchema(declaration.parameters))
  if (isRecord(schema)) fn.parameters = schema
  return { type: "function", function: fn }
}

// Gemini's OpenAPI-style Schema differs from JSON Schema in the spelling of types (`OBJECT`) and in
// `nullable`; its other keywords (properties, items, required, enum, anyOf, minItems, ...) are JSON Schema's.
function openApiToJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(openApiToJsonSchema)
  if (!isRecord(schema)) return schema
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(schema)) {
    if (key === "nullable") continue
    if (key === "type" && typeof value === "string") out.type = value.toLowerCase()
    else if (key === "properties" && isRecord(value))
      out.properties = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, openApiToJsonSchema(v)]))
    else if (key === "items" || key === "anyOf") out[key] = openApiToJsonSchema(value)
    else out[key] = value
  }
  if (schema.nullable === true && typeof out.type === "string") out.type = [out.type, "null"]
  return out
}

/**
 * `toolConfig` → the blueprint's tool choice, when its function-calling config says exactly one of
 * `auto`/`none`/`required`/a named function; the rest of the tool config (or all of it, when the choice is
 * something else, like several allowed names) stays a native parameter.
 */
export function fromToolConfig(toolConfig: ToolConfig | undefined): {
  toolChoice: ToolChoice | undefined
  rest: ToolConfig | undefined
} {
  if (!toolConfig) return { toolChoice: undefined, rest: undefined }
  const { functionCallingConfig: calling, ...rest } = toolConfig
  const toolChoice = calling ? fromFunctionCallingConfig(calling) : undefined
  if (!toolChoice)
    return { toolChoice: undefined, rest: Object.keys(toolConfig).length > 0 ? toolConfig : undefined }
  return { toolChoice, rest: Object.keys(rest).length > 0 ? rest : undefined }
}

function fromFunctionCallingConfig(calling: FunctionCallingConfig): ToolChoice | undefined {
  const { mode: value, allowedFunctionNames: names, ...other } = calling
  if (Object.keys(other).length > 0) return undefined
  if (names === undefined) {
    if (value === "AUTO") return "auto"
    if (value === "NONE") return "none"
    if (value === "ANY") return "required"
    return undefined
  }
  if (value === "ANY" && names.length === 1 && names[0] !== undefined)
    return { type: "function", function: { name: names[0] } }
  return undefined
}
