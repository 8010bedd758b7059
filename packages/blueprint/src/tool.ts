import * as z from "zod/mini"
import { BUILT_IN_TOOL_TYPES, TOOL_TYPES } from "./known-types.js"
import { openUnion } from "./open-union.js"

/** A JSON Schema object, kept exactly as written: adapters never rename keys inside it. */
export const jsonSchemaSchema = z.record(z.string(), z.unknown())

export const functionDefinitionSchema = z.looseObject({
  name: z.string().check(z.minLength(1)),
  description: z.nullish(z.string()),
  /** The function's parameters as a JSON Schema object. */
  parameters: z.nullish(jsonSchemaSchema),
  /** Ask the provider to follow `parameters` exactly (OpenAI structured outputs, Anthropic strict tools). */
  strict: z.nullish(z.boolean()),
})

export const functionToolSchema = z.looseObject({
  type: z.literal("function"),
  function: functionDefinitionSchema,
})

export const builtInToolSchema = z.looseObject({
  type: z.enum(BUILT_IN_TOOL_TYPES),
  name: z.nullish(z.string()),
  config: z.nullish(z.record(z.string(), z.unknown())),
})

/** A slot filled at render time from a variable holding a list of tools. */
export const toolVariableSchema = z.looseObject({
  type: z.literal("tool_variable"),
  name: z.string().check(z.minLength(1)),
})

const knownToolSchema = z.discriminatedUnion("type", [
  functionToolSchema,
  builtInToolSchema,
  toolVariableSchema,
])

/**
 * A tool the model may call: a function, a built-in tool, or a tool variable. An unknown tool type is
 * kept as received.
 *
 * @example
 * toolSchema.parse({ type: "function", function: { name: "get_weather", parameters: { type: "object" } } })
 */
export const toolSchema = openUnion(knownToolSchema, TOOL_TYPES)

export const functionCallSchema = z.looseObject({
  name: z.string(),
  /** The arguments as a JSON string, exactly as the model produced them. */
  arguments: z.string(),
})

/**
 * A call the model made to a function tool. `provider_metadata.thought_signature` carries Gemini's
 * signature for the call, which must be replayed with it.
 */
export const toolCallSchema = z.looseObject({
  id: z.string(),
  type: z.literal("function"),
  function: functionCallSchema,
  provider_metadata: z.nullish(
    z.looseObject({
      thought_signature: z.nullish(z.string()),
    }),
  ),
})

export const namedToolChoiceSchema = z.looseObject({
  type: z.literal("function"),
  function: z.looseObject({ name: z.string() }),
})

/**
 * `auto` (the model decides), `none`, `required` (some tool), a named function, or a provider's own
 * built-in tool choice (`{ type: "web_search" }`).
 */
export const toolChoiceSchema = z.union([
  z.enum(["auto", "none", "required"]),
  namedToolChoiceSchema,
  z.looseObject({ type: z.string() }),
])

/** The legacy `function_call` setting of a chat template. */
export const functionCallChoiceSchema = z.union([
  z.enum(["auto", "none"]),
  z.looseObject({ name: z.string() }),
])

export type FunctionDefinition = z.infer<typeof functionDefinitionSchema>
export type FunctionTool = z.infer<typeof functionToolSchema>
export type BuiltInTool = z.infer<typeof builtInToolSchema>
export type BuiltInToolType = BuiltInTool["type"]
export type ToolVariable = z.infer<typeof toolVariableSchema>
export type KnownTool = z.infer<typeof knownToolSchema>
export type Tool = z.infer<typeof toolSchema>
export type FunctionCall = z.infer<typeof functionCallSchema>
export type ToolCall = z.infer<typeof toolCallSchema>
export type ToolChoice = z.infer<typeof toolChoiceSchema>
export type FunctionCallChoice = z.infer<typeof functionCallChoiceSchema>
