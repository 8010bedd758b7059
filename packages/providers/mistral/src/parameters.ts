import { keepNativeParameters, type PortableParameters, splitParameters, type ToRequestOptions } from "@pl/blueprint"
import type { ChatCompletionRequest, ResponseFormat } from "@mistralai/mistralai/models/components"
import { PROVIDER, type Warn } from "./conversion.js"
import { isRecord } from "./fields.js"

/** The request fields parameters can set: all but the messages, tools and model. */
export type MistralParameters = Omit<ChatCompletionRequest, "model" | "messages" | "tools" | "toolChoice">

/**
 * Mistral's own request fields that pass through, by wire name (as blueprints hold them) → SDK name. The SDK
 * names (`safePrompt`) are accepted too. Values pass as written, except `guardrails`, whose nested fields the
 * SDK renames as well (`block_on_error` ↔ `blockOnError`).
 */
export const NATIVE_PARAMETERS = {
  n: "n",
  safe_prompt: "safePrompt",
  prediction: "prediction",
  reasoning_effort: "reasoningEffort",
  prompt_mode: "promptMode",
  metadata: "metadata",
  guardrails: "guardrails",
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
 * Model parameters → Mistral request fields. Portable ones are written in Mistral's form (`max_tokens` →
 * `maxTokens`, `seed` → `randomSeed`, `top_p` → `topP`, `stop`, penalties, `parallel_tool_calls`,
 * `response_format` → `responseFormat`); `top_k` has no Mistral form and is dropped with a warning, as is any
 * native name outside {@link NATIVE_PARAMETERS}. `tool_choice` is returned apart for the tool conversion.
 */
export function toMistralParameters(
  parameters: Readonly<Record<string, unknown>>,
  onWarning: ToRequestOptions["onWarning"],
  warn: Warn,
): { fields: MistralParameters; toolChoice: unknown } {
  const { portable, native } = splitParameters(parameters)
  const fields: MistralParameters = {}
  const p: PortableParameters = portable
  if (p.temperature !== undefined) fields.temperature = p.temperature
  if (p.top_p !== undefined) fields.topP = p.top_p
  if (p.max_tokens !== undefined) fields.maxTokens = p.max_tokens
  if (p.stop !== undefined) fields.stop = p.stop
  if (p.seed !== undefined) fields.randomSeed = p.seed
  if (p.frequency_penalty !== undefined) fields.frequencyPenalty = p.frequency_penalty
  if (p.presence_penalty !== undefined) fields.presencePenalty = p.presence_penalty
  if (p.parallel_tool_calls !== undefined) fields.parallelToolCalls = p.parallel_tool_calls
  if (p.top_k !== undefined)
    warn("parameters.top_k", "metadata.model.parameters.top_k", "Mistral has no top_k; it was not sent")
  if (p.response_format !== undefined) {
    const format = toMistralResponseFormat(p.response_format)
    if (format) fields.responseFormat = format
    else
      warn(
        "parameters.response_format",
        "metadata.model.parameters.response_format",
        `Mistral cannot express the response format ${JSON.stringify(p.response_format)}; it was not sent`,
      )
  }
  const kept = keepNativeParameters(native, NATIVE_NAMES, PROVIDER, onWarning)
  const target = fields as Record<string, unknown>
  for (const [name, value] of Object.entries(kept)) {
    const sdkName = SDK_NAME.get(name) as string
    target[sdkName] = sdkName === "guardrails" ? renameKeys(value, toCamel) : value
  }
  return { fields, toolChoice: p.tool_choice }
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
    jsonSchema: {
      name,
      ...(typeof description === "string" ? { description } : {}),
      schemaDefinition: schema,
      ...(typeof strict === "boolean" ? { strict } : {}),
    },
  }
}

/**
 * Mistral request fields → blueprint parameters: portable ones under their portable names (`max_tokens`,
 * `seed`, `top_p`, ...), the native ones under their wire names (`safe_prompt`, `random_seed` reads as `seed`).
 */
export function fromMistralParameters(request: ChatCompletionRequest): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  const set = (name: string, value: unknown) => {
    if (value !== undefined && value !== null) out[name] = value
  }
  set("temperature", request.temperature)
  set("top_p", request.topP)
  set("max_tokens", request.maxTokens)
  set("stop", request.stop)
  set("seed", request.randomSeed)
  set("frequency_penalty", request.frequencyPenalty)
  set("presence_penalty", request.presencePenalty)
  set("parallel_tool_calls", request.parallelToolCalls)
  const format = request.responseFormat
  if (format) set("response_format", fromMistralResponseFormat(format))
  for (const [wire, sdk] of Object.entries(NATIVE_PARAMETERS)) {
    const value = request[sdk]
    set(wire, sdk === "guardrails" ? renameKeys(value, toSnake) : value)
  }
  return out
}

function fromMistralResponseFormat(format: ResponseFormat): Record<string, unknown> {
  const schema = format.jsonSchema
  if (format.type === "json_schema" && schema) {
    return {
      type: "json_schema",
      json_schema: {
        name: schema.name,
        ...(schema.description != null ? { description: schema.description } : {}),
        schema: schema.schemaDefinition,
        ...(schema.strict !== undefined ? { strict: schema.strict } : {}),
      },
    }
  }
  return { type: format.type ?? "text" }
}

const toCamel = (key: string) => key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase())
const toSnake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

/** Renames the keys of nested objects (for `guardrails`, whose every field the SDK renames). */
function renameKeys(value: unknown, rename: (key: string) => string): unknown {
  if (Array.isArray(value)) return value.map((item) => renameKeys(item, rename))
  if (!isRecord(value)) return value
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [rename(key), renameKeys(item, rename)]))
}
