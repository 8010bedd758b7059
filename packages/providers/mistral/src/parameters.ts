import type {
  ChatCompletionRequest,
  JsonSchema,
  ResponseFormat,
} from "@mistralai/mistralai/models/components"
import { keepNativeParameters, splitParameters, type ToRequestOptions } from "@pl/blueprint"
import { PROVIDER, type Warn } from "./conversion.js"
import { definedOnly, isRecord } from "./fields.js"

/** The request fields parameters can set: all but the messages, tools and model. */
export type MistralParameters = Omit<ChatCompletionRequest, "model" | "messages" | "tools" | "toolChoice">

/** Portable parameters (@pl/blueprint's names) → the SDK's fields. `top_k` has none. */
const PORTABLE_FIELDS = {
  temperature: "temperature",
  top_p: "topP",
  max_tokens: "maxTokens",
  stop: "stop",
  seed: "randomSeed",
  frequency_penalty: "frequencyPenalty",
  presence_penalty: "presencePenalty",
  parallel_tool_calls: "parallelToolCalls",
} as const satisfies Record<string, keyof MistralParameters>

/**
 * Mistral's own request fields that pass through as written, by wire name (as blueprints hold them) → SDK
 * name; the SDK names (`safePrompt`) are accepted too. `guardrails` is not among them: the SDK renames its
 * nested fields too (`block_on_error` → `blockOnError`) and drops the ones it does not know, so a value
 * written for the wire would be lost without a word. Set it on the request after `toRequest`.
 */
export const NATIVE_PARAMETERS = {
  n: "n",
  safe_prompt: "safePrompt",
  prediction: "prediction",
  reasoning_effort: "reasoningEffort",
  prompt_mode: "promptMode",
  metadata: "metadata",
  prompt_cache_key: "promptCacheKey",
  service_tier: "serviceTier",
} as const satisfies Record<string, keyof MistralParameters>

const SDK_NAME: ReadonlyMap<string, string> = new Map(
  Object.entries(NATIVE_PARAMETERS).flatMap(([wire, sdk]) => [
    [wire, sdk],
    [sdk, sdk],
  ]),
)
const NATIVE_NAMES: ReadonlySet<string> = new Set(SDK_NAME.keys())

/**
 * Model parameters → Mistral request fields (`overrides`, i.e. `options.parameters`, win whatever name either
 * uses). Portable ones, by any provider's name, are written in Mistral's form (`max_tokens` → `maxTokens`,
 * `seed` → `randomSeed`, `response_format` → `responseFormat`, ...); `top_k` and native names outside
 * {@link NATIVE_PARAMETERS} are dropped with a warning. `tool_choice` is returned apart, for the tools.
 */
export function toMistralParameters(
  parameters: Readonly<Record<string, unknown>> | null | undefined,
  overrides: Readonly<Record<string, unknown>> | undefined,
  onWarning: ToRequestOptions["onWarning"],
  warn: Warn,
): { fields: MistralParameters; toolChoice: unknown } {
  const { portable, native } = splitParameters(parameters, overrides)
  const fields: Record<string, unknown> = {}
  for (const [name, field] of Object.entries(PORTABLE_FIELDS)) {
    const value = portable[name as keyof typeof PORTABLE_FIELDS]
    if (value !== undefined) fields[field] = value
  }
  if (portable.top_k !== undefined)
    warn("parameters.top_k", "metadata.model.parameters.top_k", "not sent: Mistral has no top_k")
  if (portable.response_format !== undefined) {
    const format = toMistralResponseFormat(portable.response_format)
    if (format) fields.responseFormat = format
    else
      warn(
        "parameters.response_format",
        "metadata.model.parameters.response_format",
        "not sent: unknown format",
      )
  }
  for (const [name, value] of Object.entries(
    keepNativeParameters(native, NATIVE_NAMES, PROVIDER, onWarning),
  )) {
    fields[SDK_NAME.get(name) as string] = value
  }
  return { fields: fields as MistralParameters, toolChoice: portable.tool_choice }
}

/** The blueprint's `response_format` → Mistral's (`json_schema.schema` is `jsonSchema.schemaDefinition` in the SDK). */
function toMistralResponseFormat(format: unknown): ResponseFormat | undefined {
  if (!isRecord(format)) return undefined
  if (format.type === "text" || format.type === "json_object") return { type: format.type }
  if (format.type !== "json_schema" || !isRecord(format.json_schema)) return undefined
  const { name, description, schema, strict } = format.json_schema
  if (typeof name !== "string" || !isRecord(schema)) return undefined
  return {
    type: "json_schema",
    jsonSchema: definedOnly({ name, description, schemaDefinition: schema, strict }) as JsonSchema,
  }
}

/**
 * Mistral request fields → blueprint parameters: portable ones under their portable names (`max_tokens`,
 * `seed`, `top_p`, ...), Mistral's own under their wire names (`safe_prompt`, `reasoning_effort`, ...).
 */
export function fromMistralParameters(request: ChatCompletionRequest): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  const fields: Record<string, string> = { ...PORTABLE_FIELDS, ...NATIVE_PARAMETERS }
  for (const [name, field] of Object.entries(fields)) {
    const value = request[field as keyof ChatCompletionRequest]
    if (value != null) out[name] = value
  }
  const format = request.responseFormat
  if (format) {
    const schema = format.jsonSchema
    out.response_format =
      format.type === "json_schema" && schema
        ? {
            type: "json_schema",
            json_schema: definedOnly({
              name: schema.name,
              description: schema.description,
              schema: schema.schemaDefinition,
              strict: schema.strict,
            }),
          }
        : { type: format.type ?? "text" }
  }
  return out
}
