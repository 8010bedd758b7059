import type { GenerateContentConfig, ToolConfig } from "@google/genai"
import { keepNativeParameters, type ModelParameters, splitParameters } from "@pl/blueprint"
import { isRecord, PROVIDER, type Warn } from "./conversion.js"

/**
 * The `GenerateContentConfig` fields a blueprint may set by their own (SDK, camelCase) name, besides the
 * portable parameters, which are translated. Everything else is dropped with a warning, so that a
 * parameter written for another provider is never sent to fail here. Values are sent as written.
 * `labels`, `audioTimestamp`, `routingConfig` and `modelSelectionConfig` are Vertex AI only.
 *
 * @example
 * NATIVE_PARAMETERS.has("thinkingConfig") // true
 */
export const NATIVE_PARAMETERS: ReadonlySet<string> = new Set([
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
  "labels",
  "audioTimestamp",
  "routingConfig",
  "modelSelectionConfig",
])

// Portable parameter → its `GenerateContentConfig` field; read both ways.
const GEMINI_NAMES: Readonly<Record<string, string>> = {
  temperature: "temperature",
  top_p: "topP",
  top_k: "topK",
  max_tokens: "maxOutputTokens",
  stop: "stopSequences",
  seed: "seed",
  presence_penalty: "presencePenalty",
  frequency_penalty: "frequencyPenalty",
}
const PORTABLE_NAMES = Object.fromEntries(
  Object.entries(GEMINI_NAMES).map(([portable, gemini]) => [gemini, portable]),
)

/** The generation config for a blueprint's parameters, and the tool settings for the tool converter. */
export interface ConfigFields {
  config: GenerateContentConfig
  /** `parameters.tool_choice`, for the tool converter (the template's own `tool_choice` comes first). */
  toolChoice: unknown
  /** A native `toolConfig` the tool choice is merged into. */
  toolConfig: ToolConfig | undefined
}

/**
 * Model parameters (the blueprint's, then the call's) → `GenerateContentConfig` fields: `max_tokens` →
 * `maxOutputTokens`, `stop` → `stopSequences`, `top_p`/`top_k` → `topP`/`topK`, the penalties and `seed`
 * by their Gemini names, a `response_format` → `responseMimeType: "application/json"` (+
 * `responseJsonSchema`, the schema exactly as written).
 */
export function toConfig(
  parameters: Record<string, unknown> | null | undefined,
  overrides: Record<string, unknown> | undefined,
  warn: Warn,
): ConfigFields {
  // The call's parameters win under any alias (its `max_tokens` over the blueprint's `max_completion_tokens`).
  const { portable: split, native } = splitParameters(parameters, overrides)
  const portable: Record<string, unknown> = { ...split }
  const { toolConfig, ...config }: Record<string, unknown> = keepNativeParameters(
    native,
    NATIVE_PARAMETERS,
    PROVIDER,
    (w) => warn(w.feature, w.path ?? ""),
  )
  for (const [name, field] of Object.entries(GEMINI_NAMES))
    if (portable[name] !== undefined) config[field] = portable[name]
  const format = portable.response_format as
    | { type?: unknown; json_schema?: { schema?: unknown } }
    | undefined
  if (format?.type === "json_schema" || format?.type === "json_object") {
    config.responseMimeType = "application/json"
    if (format.json_schema) config.responseJsonSchema = format.json_schema.schema
  } else if (format && format.type !== "text")
    warn("parameters.response_format", "metadata.model.parameters.response_format")
  if (portable.parallel_tool_calls === false)
    warn(
      "parameters.parallel_tool_calls",
      "metadata.model.parameters.parallel_tool_calls",
      "no way to forbid parallel calls",
    )
  return {
    config: config as GenerateContentConfig,
    toolChoice: portable.tool_choice,
    toolConfig: isRecord(toolConfig) ? (toolConfig as ToolConfig) : undefined,
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

/**
 * The inverse of {@link toConfig}: portable parameters by their portable names, `responseMimeType:
 * "application/json"` back to a `response_format` (a schema's name is not sent to Gemini: it reads back as
 * `response`), and every other model field under its own name.
 */
export function fromConfig(config: GenerateContentConfig | undefined): ModelParameters {
  const parameters: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(config ?? {}))
    if (value !== undefined && !NOT_PARAMETERS.has(key)) parameters[PORTABLE_NAMES[key] ?? key] = value
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
