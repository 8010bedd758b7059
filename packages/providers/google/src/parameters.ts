import type { GenerateContentConfig, ToolConfig } from "@google/genai"
import {
  keepNativeParameters,
  type ModelParameters,
  type ResponseFormat,
  splitParameters,
} from "@pl/blueprint"
import { isRecord, PROVIDER, type Warn } from "./conversion.js"

/**
 * The `GenerateContentConfig` fields a blueprint may set by their own name (besides the portable
 * parameters, which are translated). Everything else is dropped with a warning, so that a parameter
 * written for another provider is never sent to fail here. `snake_case` spellings (`thinking_config`) are
 * accepted too and renamed; values are sent as written.
 */
export const NATIVE_PARAMETERS = [
  "thinkingConfig",
  "candidateCount",
  "responseMimeType",
  "responseSchema",
  "responseJsonSchema",
  "responseModalities",
  "responseLogprobs",
  "logprobs",
  "mediaResolution",
  "speechConfig",
  "imageConfig",
  "safetySettings",
  "cachedContent",
  "toolConfig",
  "serviceTier",
  "enableEnhancedCivicAnswers",
  // Vertex AI only (the SDK refuses them for the Gemini API).
  "labels",
  "audioTimestamp",
  "routingConfig",
  "modelSelectionConfig",
] as const

const snakeCase = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
const camelCaseOf: ReadonlyMap<string, string> = new Map(
  NATIVE_PARAMETERS.flatMap((name) => [
    [name, name],
    [snakeCase(name), name],
  ]),
)
const accepted: ReadonlySet<string> = new Set(camelCaseOf.keys())

/** The generation config for a blueprint's parameters, and the tool settings for the tool converter. */
export interface ConfigFields {
  config: GenerateContentConfig
  /** `parameters.tool_choice`, for the tool converter (the template's own `tool_choice` comes first). */
  toolChoice: unknown
  /** A native `toolConfig` the tool choice is merged into. */
  toolConfig: ToolConfig | undefined
}

/**
 * Model parameters (the blueprint's, then the call's) → `GenerateContentConfig` fields: `max_tokens` → `maxOutputTokens`, `stop` →
 * `stopSequences`, `top_p`/`top_k` → `topP`/`topK`, the penalties and `seed` by their Gemini names, a JSON
 * Schema `response_format` → `responseMimeType: "application/json"` + `responseJsonSchema` (the schema
 * exactly as written).
 */
export function toConfig(
  layers: readonly (Readonly<Record<string, unknown>> | null | undefined)[],
  warn: Warn,
): ConfigFields {
  const { portable, native } = mergeParameters(layers)
  const kept = keepNativeParameters(native, accepted, PROVIDER, (w) =>
    warn(w.feature, w.path ?? "", w.message),
  )
  const config: Record<string, unknown> = {}
  let toolConfig: ToolConfig | undefined
  for (const [key, value] of Object.entries(kept)) {
    const name = camelCaseOf.get(key) ?? key
    if (name === "toolConfig") toolConfig = isRecord(value) ? (value as ToolConfig) : undefined
    else config[name] = value
  }
  if (portable.temperature !== undefined) config.temperature = portable.temperature
  if (portable.top_p !== undefined) config.topP = portable.top_p
  if (portable.top_k !== undefined) config.topK = portable.top_k
  if (portable.max_tokens !== undefined) config.maxOutputTokens = portable.max_tokens
  if (portable.stop !== undefined) config.stopSequences = portable.stop
  if (portable.seed !== undefined) config.seed = portable.seed
  if (portable.presence_penalty !== undefined) config.presencePenalty = portable.presence_penalty
  if (portable.frequency_penalty !== undefined) config.frequencyPenalty = portable.frequency_penalty
  if (portable.response_format !== undefined)
    Object.assign(config, responseFormat(portable.response_format, warn))
  if (portable.parallel_tool_calls === false)
    warn(
      "parameters.parallel_tool_calls",
      "metadata.model.parameters.parallel_tool_calls",
      "Gemini cannot be told to call one function at a time",
    )
  return { config: config as GenerateContentConfig, toolChoice: portable.tool_choice, toolConfig }
}

/**
 * Each layer of parameters split on its own, later layers overriding earlier ones by portable name: the
 * call's `max_tokens` overrides the blueprint's `max_completion_tokens`, which merging the objects first
 * would not do (`splitParameters` keeps the first alias it meets).
 */
// TODO(shared): every adapter merges `metadata.model.parameters` with `options.parameters`; this belongs in @pl/blueprint.
function mergeParameters(layers: readonly (Readonly<Record<string, unknown>> | null | undefined)[]) {
  const merged: ReturnType<typeof splitParameters> = { portable: {}, native: {} }
  for (const layer of layers) {
    const { portable, native } = splitParameters(layer)
    Object.assign(merged.portable, portable)
    Object.assign(merged.native, native)
  }
  return merged
}

function responseFormat(format: ResponseFormat, warn: Warn): GenerateContentConfig {
  switch (format.type) {
    case "json_schema":
      return { responseMimeType: "application/json", responseJsonSchema: format.json_schema.schema }
    case "json_object":
      return { responseMimeType: "application/json" }
    case "text":
      return {}
    default:
      warn(
        "parameters.response_format",
        "metadata.model.parameters.response_format",
        `Gemini has no response format ${String((format as { type: unknown }).type)}`,
      )
      return {}
  }
}

// Config fields that are not model parameters: the conversation's parts, or how the SDK sends.
const NOT_PARAMETERS = new Set([
  "systemInstruction",
  "tools",
  "toolConfig",
  "httpOptions",
  "abortSignal",
  "automaticFunctionCalling",
])

const PORTABLE_NAMES: Readonly<Record<string, string>> = {
  temperature: "temperature",
  topP: "top_p",
  topK: "top_k",
  maxOutputTokens: "max_tokens",
  stopSequences: "stop",
  seed: "seed",
  presencePenalty: "presence_penalty",
  frequencyPenalty: "frequency_penalty",
}

/**
 * The inverse of {@link toConfig}: portable parameters by their portable names, `responseMimeType:
 * "application/json"` back to a `response_format` (a schema's name is not sent to Gemini: it reads back as
 * `response`), and every other model field under its own name.
 */
export function fromConfig(config: GenerateContentConfig | undefined): ModelParameters {
  const parameters: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(config ?? {})) {
    if (value === undefined || NOT_PARAMETERS.has(key)) continue
    parameters[PORTABLE_NAMES[key] ?? key] = value
  }
  const { responseMimeType: mimeType, responseJsonSchema: schema } = parameters
  if (mimeType === "application/json" && (schema === undefined || isRecord(schema))) {
    delete parameters.responseMimeType
    delete parameters.responseJsonSchema
    parameters.response_format = schema
      ? { type: "json_schema", json_schema: { name: "response", schema } }
      : { type: "json_object" }
  }
  return parameters as ModelParameters
}
