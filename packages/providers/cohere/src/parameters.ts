import { keepNativeParameters, type ResponseFormat, splitParameters } from "@pl/blueprint"
import { PROVIDER, type Warn, warn } from "./context.js"
import type { CohereChatRequest } from "./types.js"
import { isObject, type JsonObject, optionalNumber } from "./wire.js"

/** Portable parameters (see `PORTABLE_PARAMETERS` in @pl/blueprint) and the request fields that hold them. */
const PORTABLE_FIELDS = [
  ["temperature", "temperature"],
  ["max_tokens", "maxTokens"],
  ["stop", "stopSequences"],
  ["top_p", "p"],
  ["top_k", "k"],
  ["seed", "seed"],
  ["frequency_penalty", "frequencyPenalty"],
  ["presence_penalty", "presencePenalty"],
] as const satisfies readonly (readonly [string, keyof CohereChatRequest])[]

/**
 * Cohere's own request fields a blueprint may set in `metadata.model.parameters`, by their wire
 * (snake_case) name, with the SDK (camelCase) name the request uses. The SDK names are accepted too.
 * Anything else that is not a portable parameter is dropped with a warning.
 */
export const COHERE_NATIVE_PARAMETERS = {
  documents: "documents",
  citation_options: "citationOptions",
  safety_mode: "safetyMode",
  strict_tools: "strictTools",
  logprobs: "logprobs",
  thinking: "thinking",
  priority: "priority",
} as const satisfies Record<string, keyof CohereChatRequest>

const NATIVE: Readonly<Record<string, string>> = COHERE_NATIVE_PARAMETERS
const ACCEPTED: ReadonlySet<string> = new Set([...Object.keys(NATIVE), ...Object.values(NATIVE)])

/** The request fields the parameters set, and the portable `tool_choice` (translated with the tools). */
export interface CohereParameters {
  fields: Partial<CohereChatRequest>
  toolChoice: unknown
}

/**
 * `response_format` → Cohere's. JSON Schema output is `json_object` with `json_schema` (Cohere always holds
 * the output to the schema, so `strict` has nothing to say; `name` and `description` have no field).
 */
function toResponseFormat(format: ResponseFormat): CohereChatRequest["responseFormat"] {
  if (format.type === "text") return { type: "text" }
  // A blueprint written for Cohere may hold Cohere's own form: `json_object` with `json_schema`.
  const schema =
    format.type === "json_schema" ? format.json_schema.schema : (format as JsonObject).json_schema
  return isObject(schema) ? { type: "json_object", jsonSchema: schema } : { type: "json_object" }
}

/**
 * `thinking` → Cohere's `{ type, tokenBudget }`. The budget is read as `token_budget` (Cohere's wire name),
 * `tokenBudget` (the SDK's) or `budget_tokens` (Anthropic's), so a blueprint written for Claude keeps its
 * budget. Types Cohere does not have (`adaptive`) are dropped with a warning.
 */
function toThinking(value: unknown, onWarning: Warn): CohereChatRequest["thinking"] {
  if (!isObject(value) || (value.type !== "enabled" && value.type !== "disabled")) {
    warn(
      onWarning,
      "parameters.thinking",
      "metadata.model.parameters.thinking",
      "Cohere thinking is enabled or disabled",
    )
    return undefined
  }
  const budget = optionalNumber(value.token_budget ?? value.tokenBudget ?? value.budget_tokens)
  return budget === undefined ? { type: value.type } : { type: value.type, tokenBudget: budget }
}

/**
 * Model parameters → Cohere request fields. Portable names (any provider's spelling) are written in
 * Cohere's form: `max_tokens` → `maxTokens`, `stop` → `stopSequences`, `top_p` → `p`, `top_k` → `k`,
 * `frequency_penalty`/`presence_penalty` → camelCase, `response_format` → `responseFormat`.
 */
export function toCohereParameters(parameters: Record<string, unknown>, onWarning: Warn): CohereParameters {
  const { portable, native } = splitParameters(parameters)
  const fields: JsonObject = {}
  for (const [name, sdk] of PORTABLE_FIELDS) if (portable[name] !== undefined) fields[sdk] = portable[name]
  if (portable.response_format) fields.responseFormat = toResponseFormat(portable.response_format)
  if (portable.parallel_tool_calls === false)
    warn(
      onWarning,
      "parameters.parallel_tool_calls",
      "metadata.model.parameters.parallel_tool_calls",
      "Cohere cannot turn parallel tool calls off",
    )
  for (const [name, value] of Object.entries(keepNativeParameters(native, ACCEPTED, PROVIDER, onWarning))) {
    const sdk = NATIVE[name] ?? name
    fields[sdk] = sdk === "thinking" ? toThinking(value, onWarning) : value
    if (fields[sdk] === undefined) delete fields[sdk]
  }
  return { fields: fields as Partial<CohereChatRequest>, toolChoice: portable.tool_choice }
}

/**
 * A Cohere request's settings → blueprint parameters: portable ones under their portable names
 * (`max_tokens`, `stop`, `top_p`, `top_k`, ...), Cohere's own under their wire names (`safety_mode`,
 * `citation_options`, `thinking: { type, token_budget }`). `strictTools` is left out when the request has
 * tools: it is read as every tool's `strict`.
 */
export function fromCohereParameters(request: CohereChatRequest): Record<string, unknown> {
  const parameters: Record<string, unknown> = {}
  const fields = request as unknown as JsonObject
  for (const [name, sdk] of PORTABLE_FIELDS) if (fields[sdk] != null) parameters[name] = fields[sdk]
  const format = request.responseFormat
  if (format)
    parameters.response_format =
      format.type !== "json_object"
        ? { type: "text" }
        : format.jsonSchema
          ? { type: "json_schema", json_schema: { name: "response", schema: format.jsonSchema } }
          : { type: "json_object" }
  for (const [wire, sdk] of Object.entries(COHERE_NATIVE_PARAMETERS))
    if (fields[sdk] != null) parameters[wire] = fields[sdk]
  if (request.thinking) {
    const { type, tokenBudget } = request.thinking
    parameters.thinking = tokenBudget === undefined ? { type } : { type, token_budget: tokenBudget }
  }
  if (request.tools?.length) delete parameters.strict_tools
  return parameters
}
