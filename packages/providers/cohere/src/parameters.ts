import {
  type ConversionWarning,
  keepNativeParameters,
  type ModelParameters,
  type ResponseFormat,
  splitParameters,
} from "@pl/blueprint"
import type { CohereChatRequest } from "./types.js"
import { isObject, type JsonObject, optionalNumber, PROVIDER } from "./wire.js"

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

type NativeName = keyof typeof COHERE_NATIVE_PARAMETERS
type SdkName = (typeof COHERE_NATIVE_PARAMETERS)[NativeName]

const SDK_NAME: ReadonlyMap<string, SdkName> = new Map(
  Object.entries(COHERE_NATIVE_PARAMETERS).flatMap(([wire, sdk]) => [
    [wire, sdk],
    [sdk, sdk],
  ]),
)
const ACCEPTED: ReadonlySet<string> = new Set(SDK_NAME.keys())

/** The request fields the parameters set, and the portable `tool_choice` (translated with the tools). */
export interface CohereParameters {
  fields: Partial<CohereChatRequest>
  toolChoice: unknown
}

type Warn = ((warning: ConversionWarning) => void) | undefined

const warnDropped = (onWarning: Warn, name: string, message: string) =>
  onWarning?.({
    provider: PROVIDER,
    feature: `parameters.${name}`,
    path: `metadata.model.parameters.${name}`,
    message,
  })

/**
 * `response_format` → Cohere's. JSON Schema output is `json_object` with `json_schema` (Cohere always holds
 * the output to the schema, so `strict` has nothing to say; `name` and `description` have no field).
 */
function toResponseFormat(format: ResponseFormat): CohereChatRequest["responseFormat"] {
  if (format.type === "json_schema") return { type: "json_object", jsonSchema: format.json_schema.schema }
  if (format.type === "json_object") {
    // A blueprint written for Cohere may already hold Cohere's own form.
    const schema = (format as JsonObject).json_schema ?? (format as JsonObject).schema
    return isObject(schema) ? { type: "json_object", jsonSchema: schema } : { type: "json_object" }
  }
  return { type: "text" }
}

/**
 * `thinking` → Cohere's `{ type, tokenBudget }`. The budget is read as `token_budget` (Cohere's wire name),
 * `tokenBudget` (the SDK's) or `budget_tokens` (Anthropic's), so a blueprint written for Claude keeps its
 * budget. Types Cohere does not have (`adaptive`) are dropped with a warning.
 */
function toThinking(value: unknown, onWarning: Warn): CohereChatRequest["thinking"] {
  if (!isObject(value) || (value.type !== "enabled" && value.type !== "disabled")) {
    warnDropped(onWarning, "thinking", 'Cohere thinking is { type: "enabled" | "disabled", token_budget? }')
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
export function toCohereParameters(
  parameters: ModelParameters | Record<string, unknown>,
  onWarning: Warn,
): CohereParameters {
  const { portable, native } = splitParameters(parameters)
  const fields: Partial<CohereChatRequest> = {}
  if (portable.temperature !== undefined) fields.temperature = portable.temperature
  if (portable.max_tokens !== undefined) fields.maxTokens = portable.max_tokens
  if (portable.stop !== undefined) fields.stopSequences = portable.stop
  if (portable.top_p !== undefined) fields.p = portable.top_p
  if (portable.top_k !== undefined) fields.k = portable.top_k
  if (portable.seed !== undefined) fields.seed = portable.seed
  if (portable.frequency_penalty !== undefined) fields.frequencyPenalty = portable.frequency_penalty
  if (portable.presence_penalty !== undefined) fields.presencePenalty = portable.presence_penalty
  if (portable.response_format !== undefined)
    fields.responseFormat = toResponseFormat(portable.response_format)
  if (portable.parallel_tool_calls === false)
    warnDropped(onWarning, "parallel_tool_calls", "Cohere cannot turn parallel tool calls off")

  for (const [name, value] of Object.entries(keepNativeParameters(native, ACCEPTED, PROVIDER, onWarning))) {
    const sdkName = SDK_NAME.get(name)
    if (sdkName === "thinking") {
      const thinking = toThinking(value, onWarning)
      if (thinking) fields.thinking = thinking
    } else if (sdkName !== undefined) {
      ;(fields as JsonObject)[sdkName] = value
    }
  }
  return { fields, toolChoice: portable.tool_choice }
}

/**
 * A Cohere request's settings → blueprint parameters: portable ones under their portable names
 * (`max_tokens`, `stop`, `top_p`, `top_k`, ...), Cohere's own under their wire names (`safety_mode`,
 * `citation_options`, `thinking: { type, token_budget }`). `strictTools` is left out when the request has
 * tools: it is read as every tool's `strict`.
 */
export function fromCohereParameters(request: CohereChatRequest): Record<string, unknown> {
  const parameters: Record<string, unknown> = {}
  const set = (name: string, value: unknown) => {
    if (value !== undefined && value !== null) parameters[name] = value
  }
  set("temperature", request.temperature)
  set("max_tokens", request.maxTokens)
  set("stop", request.stopSequences)
  set("top_p", request.p)
  set("top_k", request.k)
  set("seed", request.seed)
  set("frequency_penalty", request.frequencyPenalty)
  set("presence_penalty", request.presencePenalty)
  const format = request.responseFormat
  if (format?.type === "json_object") {
    set(
      "response_format",
      format.jsonSchema
        ? { type: "json_schema", json_schema: { name: "response", schema: format.jsonSchema } }
        : { type: "json_object" },
    )
  } else if (format) set("response_format", { type: "text" })
  set("documents", request.documents)
  set("citation_options", request.citationOptions)
  set("safety_mode", request.safetyMode)
  set("logprobs", request.logprobs)
  set("priority", request.priority)
  if (request.thinking) {
    const { type, tokenBudget } = request.thinking
    set("thinking", tokenBudget === undefined ? { type } : { type, token_budget: tokenBudget })
  }
  if (!request.tools?.length) set("strict_tools", request.strictTools)
  return parameters
}
