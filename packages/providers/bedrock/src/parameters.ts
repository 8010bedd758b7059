import type { ConverseRequest, InferenceConfiguration, OutputConfig } from "@aws-sdk/client-bedrock-runtime"
import {
  keepNativeParameters,
  type ModelParameters,
  type PortableParameters,
  type ResponseFormat,
  splitParameters,
} from "@pl/blueprint"
import { type Conversion, type DocumentType, PROVIDER, warn } from "./conversion.js"

/** Converse's own request fields that a blueprint may set as parameters; sent at the top of the request. */
export const REQUEST_FIELDS = [
  "additionalModelRequestFields",
  "additionalModelResponseFieldPaths",
  "guardrailConfig",
  "outputConfig",
  "performanceConfig",
  "promptVariables",
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
] as const

const ACCEPTED: ReadonlySet<string> = new Set<string>([...REQUEST_FIELDS, ...MODEL_FIELDS])
const MODEL: ReadonlySet<string> = new Set<string>(MODEL_FIELDS)

/** The request fields that parameters set. */
export type ParameterFields = Pick<
  ConverseRequest,
  "inferenceConfig" | "additionalModelRequestFields" | "outputConfig" | (typeof REQUEST_FIELDS)[number]
>

/**
 * Blueprint parameters → Converse fields: portable ones into `inferenceConfig` (`maxTokens`, `temperature`,
 * `topP`, `stopSequences`), `top_k` and the model fields into `additionalModelRequestFields`, structured
 * output into `outputConfig.textFormat`. What Converse cannot take is dropped with a warning.
 */
export function toParameterFields(
  parameters: Readonly<Record<string, unknown>>,
  conversion: Conversion,
): { fields: ParameterFields; portable: PortableParameters } {
  const { portable, native } = splitParameters(parameters)
  const kept = keepNativeParameters(native, ACCEPTED, PROVIDER, conversion.onWarning)
  const fields: Record<string, unknown> = {}
  const model: Record<string, unknown> = isObject(kept.additionalModelRequestFields)
    ? { ...kept.additionalModelRequestFields }
    : {}
  for (const [key, value] of Object.entries(kept)) {
    if (MODEL.has(key)) model[key] = value
    else if (key !== "additionalModelRequestFields") fields[key] = value
  }

  const inference: InferenceConfiguration = {}
  if (portable.max_tokens !== undefined) {
    if (Number.isInteger(portable.max_tokens) && portable.max_tokens >= 1)
      inference.maxTokens = portable.max_tokens
    else dropParameter(conversion, "max_tokens", "maxTokens must be a positive integer")
  }
  const temperature = unitRange(portable.temperature, "temperature", conversion)
  if (temperature !== undefined) inference.temperature = temperature
  const topP = unitRange(portable.top_p, "top_p", conversion)
  if (topP !== undefined) inference.topP = topP
  if (portable.stop !== undefined) {
    // The service model's stop sequences are non-empty strings.
    const stop = portable.stop.filter((s) => typeof s === "string" && s !== "")
    if (stop.length > 0) inference.stopSequences = stop
  }
  if (Object.keys(inference).length > 0) fields.inferenceConfig = inference

  if (portable.top_k !== undefined) model.top_k = portable.top_k
  for (const name of ["seed", "frequency_penalty", "presence_penalty", "parallel_tool_calls"] as const)
    if (portable[name] !== undefined) dropParameter(conversion, name, "Converse has no such setting")
  if (Object.keys(model).length > 0) fields.additionalModelRequestFields = model as DocumentType

  const textFormat = toTextFormat(portable.response_format, conversion)
  if (textFormat)
    fields.outputConfig = { ...(isObject(fields.outputConfig) ? fields.outputConfig : {}), textFormat }
  return { fields: fields as ParameterFields, portable }
}

function unitRange(value: unknown, name: string, conversion: Conversion): number | undefined {
  if (value === undefined) return undefined
  if (typeof value !== "number" || Number.isNaN(value)) {
    dropParameter(conversion, name, "it is not a number")
    return undefined
  }
  if (value >= 0 && value <= 1) return value
  const clamped = Math.min(1, Math.max(0, value))
  warn(
    conversion,
    `parameters.${name}`,
    `metadata.model.parameters.${name}`,
    `Bedrock takes ${name} from 0 to 1; ${value} was sent as ${clamped}`,
  )
  return clamped
}

function dropParameter(conversion: Conversion, name: string, why: string): void {
  warn(conversion, `parameters.${name}`, `metadata.model.parameters.${name}`, `${why}; ${name} was not sent`)
}

function toTextFormat(
  format: ResponseFormat | undefined,
  conversion: Conversion,
): OutputConfig["textFormat"] {
  if (format === undefined || format.type === "text") return undefined
  if (format.type === "json_schema") {
    const { name, description, schema } = format.json_schema
    return {
      type: "json_schema",
      // Converse takes the schema as a JSON string (the service model's `JsonSchemaDefinition.schema`).
      structure: {
        jsonSchema: { schema: JSON.stringify(schema), name, ...(description ? { description } : {}) },
      },
    }
  }
  warn(
    conversion,
    "parameters.response_format.json_object",
    "metadata.model.parameters.response_format",
    "Bedrock has structured output with a JSON schema only, no JSON mode; give a json_schema response format",
  )
  return undefined
}

/** Converse fields → blueprint parameters, the inverse of {@link toParameterFields}. */
export function fromParameterFields(request: ParameterFields): ModelParameters {
  const parameters: Record<string, unknown> = {}
  const inference = request.inferenceConfig
  if (inference?.maxTokens !== undefined) parameters.max_tokens = inference.maxTokens
  if (inference?.temperature !== undefined) parameters.temperature = inference.temperature
  if (inference?.topP !== undefined) parameters.top_p = inference.topP
  if (inference?.stopSequences !== undefined) parameters.stop = inference.stopSequences

  const model = request.additionalModelRequestFields
  if (isObject(model)) {
    const rest: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(model)) {
      if (MODEL.has(key)) parameters[key] = value
      else rest[key] = value
    }
    if (Object.keys(rest).length > 0) parameters.additionalModelRequestFields = rest
  }

  const { textFormat, ...outputConfig } = request.outputConfig ?? {}
  const schema = textFormat?.structure?.jsonSchema
  if (textFormat?.type === "json_schema" && schema?.schema !== undefined) {
    parameters.response_format = {
      type: "json_schema",
      json_schema: {
        name: schema.name || "response",
        ...(schema.description ? { description: schema.description } : {}),
        schema: JSON.parse(schema.schema) as Record<string, unknown>,
      },
    }
  }
  if (Object.keys(outputConfig).length > 0) parameters.outputConfig = outputConfig

  for (const field of REQUEST_FIELDS) {
    if (field === "additionalModelRequestFields" || field === "outputConfig") continue
    if (request[field] !== undefined) parameters[field] = request[field]
  }
  return parameters
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value)
}
