import type { ConverseRequest } from "@aws-sdk/client-bedrock-runtime"
import {
  keepNativeParameters,
  type ModelParameters,
  type PortableParameters,
  splitParameters,
} from "@pl/blueprint"
import { type Conversion, type DocumentType, PROVIDER, warn } from "./conversion.js"

/**
 * Converse's own request fields that a blueprint may set as parameters; sent at the top of the request.
 * (`promptVariables` belong to Bedrock's prompt management and `additionalModelResponseFieldPaths` asks for
 * response fields this adapter does not read: neither is taken.)
 */
export const REQUEST_FIELDS = [
  "additionalModelRequestFields",
  "guardrailConfig",
  "outputConfig",
  "performanceConfig",
  "requestMetadata",
  "serviceTier",
] as const

/**
 * Model-specific fields Bedrock passes to the model through `additionalModelRequestFields`: Anthropic's
 * `thinking`, `top_k` and `anthropic_beta`, Amazon Nova's `reasoningConfig`, OpenAI's `reasoning_effort`.
 * Other model fields go in an `additionalModelRequestFields` parameter, as written.
 */
export const MODEL_FIELDS = [
  "anthropic_beta",
  "reasoning_config",
  "reasoningConfig",
  "reasoning_effort",
  "thinking",
  "top_k",
]

/** The request fields that parameters set. */
export type ParameterFields = Pick<ConverseRequest, "inferenceConfig" | (typeof REQUEST_FIELDS)[number]>

// Portable parameter ↔ `inferenceConfig` field.
const INFERENCE = [
  ["max_tokens", "maxTokens"],
  ["temperature", "temperature"],
  ["top_p", "topP"],
  ["stop", "stopSequences"],
] as const

/**
 * Blueprint parameters → Converse fields: portable ones into `inferenceConfig` (`maxTokens`, `temperature`,
 * `topP`, `stopSequences`), `top_k` and the model fields into `additionalModelRequestFields`, structured
 * output into `outputConfig.textFormat`. What Converse cannot take is dropped with a warning.
 */
export function toParameterFields(
  parameters: Readonly<Record<string, unknown>> | null | undefined,
  overrides: Readonly<Record<string, unknown>> | undefined,
  conversion: Conversion,
): { fields: ParameterFields; portable: PortableParameters } {
  // `overrides` (toRequest's options.parameters) win whatever name either side uses.
  const { portable, native } = splitParameters(parameters, overrides)
  const drop = (name: string, message?: string) =>
    warn(conversion, `parameters.${name}`, `metadata.model.parameters.${name}`, message)
  const { additionalModelRequestFields, ...kept } = keepNativeParameters(
    native,
    new Set([...REQUEST_FIELDS, ...MODEL_FIELDS]),
    PROVIDER,
    conversion.onWarning,
  )
  const fields: Record<string, unknown> = {}
  const model: Record<string, unknown> = { ...(additionalModelRequestFields as object) }
  for (const [key, value] of Object.entries(kept)) (MODEL_FIELDS.includes(key) ? model : fields)[key] = value
  if (portable.top_k !== undefined) model.top_k = portable.top_k

  // The service model takes maxTokens as a whole number from 1, temperature and topP from 0 to 1, and
  // non-empty stop sequences; a value out of range is not sent.
  const inference: Record<string, unknown> = {}
  const stop = portable.stop?.filter(Boolean)
  for (const [name, key] of INFERENCE) {
    const value = name === "stop" ? (stop?.length ? stop : undefined) : portable[name]
    const n = value as number
    if (value === undefined) continue
    if (name === "stop" || (name === "max_tokens" ? Number.isInteger(n) && n >= 1 : n >= 0 && n <= 1))
      inference[key] = value
    else drop(name, "out of range")
  }
  for (const name of ["seed", "frequency_penalty", "presence_penalty", "parallel_tool_calls"] as const)
    if (portable[name] !== undefined) drop(name)

  const format = portable.response_format
  if (format?.type === "json_schema") {
    const { name, description, schema } = format.json_schema
    // Converse takes the schema as a JSON string (the service model's `JsonSchemaDefinition.schema`).
    const jsonSchema = { schema: JSON.stringify(schema), name, ...(description ? { description } : {}) }
    fields.outputConfig = {
      ...(fields.outputConfig as object),
      textFormat: { type: "json_schema", structure: { jsonSchema } },
    }
  } else if (format?.type === "json_object") drop("response_format", "Bedrock has no JSON mode")

  return {
    fields: {
      ...fields,
      ...(Object.keys(inference).length ? { inferenceConfig: inference } : {}),
      ...(Object.keys(model).length ? { additionalModelRequestFields: model as DocumentType } : {}),
    },
    portable,
  }
}

/** Converse fields → blueprint parameters, the inverse of {@link toParameterFields}. */
export function fromParameterFields(request: ParameterFields): ModelParameters {
  const parameters: Record<string, unknown> = {}
  for (const [name, key] of INFERENCE) parameters[name] = request.inferenceConfig?.[key]
  for (const field of REQUEST_FIELDS) parameters[field] = request[field]
  // Model fields stand on their own, like any provider's parameters; the rest stays as written.
  const model: Record<string, unknown> = { ...(request.additionalModelRequestFields as object) }
  for (const key of MODEL_FIELDS) {
    parameters[key] = model[key]
    delete model[key]
  }
  const { textFormat, ...outputConfig } = request.outputConfig ?? {}
  const schema = textFormat?.structure?.jsonSchema
  if (schema?.schema)
    parameters.response_format = {
      type: "json_schema",
      json_schema: {
        name: schema.name || "response",
        ...(schema.description ? { description: schema.description } : {}),
        schema: JSON.parse(schema.schema),
      },
    }
  parameters.additionalModelRequestFields = model
  parameters.outputConfig = outputConfig
  // What is unset, and the empty leftovers, are left out.
  for (const [key, value] of Object.entries(parameters))
    if (value === undefined || (value?.constructor === Object && !Object.keys(value).length))
      delete parameters[key]
  return parameters
}
