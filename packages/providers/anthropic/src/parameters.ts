import type { MessageCreateParams, OutputConfig } from "@anthropic-ai/sdk/resources/messages"
import type { ToRequestOptions } from "@pl/blueprint"
import {
  keepNativeParameters,
  type ModelParameters,
  type ResponseFormat,
  splitParameters,
} from "@pl/blueprint"
import { isObject, PROVIDER, type Warn } from "./context.js"

/**
 * `max_tokens` is required by Anthropic; a blueprint without one (or `max_completion_tokens`,
 * `maxOutputTokens`, ...) gets this many, enough for most answers and within every current model's limit.
 */
export const DEFAULT_MAX_TOKENS = 4096

/** Request fields of Anthropic's own that blueprint parameters may set; other unknown names are dropped with a warning. */
export const NATIVE_PARAMETERS: ReadonlySet<string> = new Set([
  "thinking",
  "metadata",
  "output_config",
  "service_tier",
  "cache_control",
  "container",
  "inference_geo",
  "speed",
  "diagnostics",
  "user_profile_id",
  "workspace_id",
])

/** The parameter part of a request, plus the tool settings `toRequest` applies to `tool_choice`. */
export interface RequestParameters {
  fields: Omit<MessageCreateParams, "model" | "messages">
  toolChoice: unknown
  parallelToolCalls: boolean | undefined
}

/**
 * Blueprint parameters, then `options.parameters` over them → Anthropic request fields (portable ones
 * translated, native ones allow-listed).
 */
export function toParameters(
  parameters: Record<string, unknown> | null | undefined,
  overrides: Record<string, unknown> | undefined,
  warn: Warn,
  onWarning: ToRequestOptions["onWarning"],
): RequestParameters {
  // An override wins under any alias (`max_completion_tokens` over `maxOutputTokens`).
  const { portable, native } = splitParameters(parameters, overrides)
  // The portable parameters Anthropic does not take are dropped with a warning like unknown native ones:
  // temperature, top_p and top_k (API version 2026-10-21 rejects them even at their defaults), seed
  // and the penalties.
  const {
    max_tokens,
    stop,
    response_format: format,
    tool_choice,
    parallel_tool_calls,
    ...notTaken
  } = portable
  const fields = keepNativeParameters(
    { ...native, ...notTaken },
    NATIVE_PARAMETERS,
    PROVIDER,
    onWarning,
  ) as RequestParameters["fields"]
  fields.max_tokens = max_tokens ?? DEFAULT_MAX_TOKENS
  if (stop?.length) fields.stop_sequences = stop
  if (format?.type === "json_schema")
    fields.output_config = {
      ...fields.output_config,
      format: { type: "json_schema", schema: format.json_schema.schema },
    }
  else if (format && format.type !== "text")
    warn(
      `parameters.response_format.${format.type}`,
      "metadata.model.parameters.response_format",
      "not sent: structured output needs a JSON schema",
    )
  return { fields, toolChoice: tool_choice, parallelToolCalls: parallel_tool_calls }
}

/** The name `fromRequest` gives a structured-output schema: Anthropic's output format has none. */
export const RESPONSE_FORMAT_NAME = "response"

/** Anthropic request fields → blueprint parameters, under Anthropic's own names. */
export function fromParameters(request: MessageCreateParams): ModelParameters {
  const {
    model: _model,
    messages: _messages,
    system: _system,
    tools: _tools,
    tool_choice: _toolChoice,
    stream: _stream,
    output_config,
    ...fields
  } = request
  const parameters: ModelParameters = { ...fields }
  if (isObject(output_config)) {
    const { format, ...config } = output_config as OutputConfig
    if (format) parameters.response_format = toResponseFormat(format.schema)
    if (Object.keys(config).length > 0) parameters.output_config = config
  }
  return parameters
}

function toResponseFormat(schema: Record<string, unknown>): ResponseFormat {
  return { type: "json_schema", json_schema: { name: RESPONSE_FORMAT_NAME, schema } }
}
