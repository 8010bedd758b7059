import type { Attributes, AttributeValue } from "@opentelemetry/api"
import { type Completion, splitParameters } from "@pl/blueprint"
import type { PreparedRun } from "../prepare.js"
import { GEN_AI, GENERAL, OPENAI_API_TYPE } from "./attributes.js"
import type { GenAiCall } from "./gen-ai-provider.js"

/**
 * The attributes a sampler may look at, known before the call: operation, provider, model (the
 * conventions ask for them at span creation).
 *
 * @example
 * startAttributes(prepared, { provider: "openai", operation: "chat" }, true)
 */
export function startAttributes(prepared: PreparedRun, call: GenAiCall, stream: boolean): Attributes {
  const attributes: Attributes = {
    [GEN_AI.operationName]: call.operation,
    [GEN_AI.providerName]: call.provider,
    [GEN_AI.requestModel]: prepared.model,
  }
  if (stream) attributes[GEN_AI.requestStream] = true
  return attributes
}

/**
 * What was sent, beyond {@link startAttributes}: the sampling parameters as the provider received them
 * (read back from the request with the adapter's `fromRequest`, so a parameter the adapter dropped or
 * defaulted is reported as sent), the requested output type, the prompt, the server and, for OpenAI,
 * the API used.
 *
 * @example
 * requestAttributes(prepared) // { "gen_ai.request.temperature": 0.3, "server.address": "api.example.com", ... }
 */
export function requestAttributes(prepared: PreparedRun): Attributes {
  const attributes: Attributes = {}
  const { portable } = splitParameters(sentParameters(prepared))
  setNumber(attributes, GEN_AI.requestTemperature, portable.temperature)
  setNumber(attributes, GEN_AI.requestMaxTokens, portable.max_tokens)
  setNumber(attributes, GEN_AI.requestTopP, portable.top_p)
  setNumber(attributes, GEN_AI.requestTopK, portable.top_k)
  setNumber(attributes, GEN_AI.requestSeed, portable.seed)
  setNumber(attributes, GEN_AI.requestFrequencyPenalty, portable.frequency_penalty)
  setNumber(attributes, GEN_AI.requestPresencePenalty, portable.presence_penalty)
  const stop = portable.stop?.filter((s): s is string => typeof s === "string")
  if (stop?.length) attributes[GEN_AI.requestStopSequences] = stop
  const format = portable.response_format?.type
  if (format === "json_schema" || format === "json_object") attributes[GEN_AI.outputType] = "json"
  else if (format === "text") attributes[GEN_AI.outputType] = "text"
  attributes[GEN_AI.promptName] = prepared.template.prompt_name
  if (prepared.template.version != null) attributes[GEN_AI.promptVersion] = String(prepared.template.version)
  Object.assign(attributes, serverAttributes(prepared.endpoint.baseURL))
  if (prepared.providerId === "openai") attributes[OPENAI_API_TYPE] = "chat_completions"
  if (prepared.providerId === "openai.responses") attributes[OPENAI_API_TYPE] = "responses"
  return attributes
}

/**
 * What came back: the response id and model, why it finished (the provider's own value, as the
 * provider-specific conventions record it), and token usage. `input_tokens` counts cached tokens too,
 * as the conventions ask; cache and reasoning counts are set only when the provider reported some.
 *
 * @example
 * responseAttributes({ message, usage: makeUsage({ input_tokens: 10, output_tokens: 5 }), finish_reason: "stop" })
 */
export function responseAttributes(completion: Completion): Attributes {
  const attributes: Attributes = {}
  if (completion.id) attributes[GEN_AI.responseId] = completion.id
  if (completion.model) attributes[GEN_AI.responseModel] = completion.model
  const reason = completion.raw_finish_reason ?? completion.finish_reason
  if (reason) attributes[GEN_AI.responseFinishReasons] = [reason]
  const usage = completion.usage
  if (usage) {
    attributes[GEN_AI.usageInputTokens] = usage.input_tokens
    attributes[GEN_AI.usageOutputTokens] = usage.output_tokens
    if (usage.cache_read_tokens > 0) attributes[GEN_AI.usageCacheReadInputTokens] = usage.cache_read_tokens
    if (usage.cache_write_tokens > 0) {
      attributes[GEN_AI.usageCacheCreationInputTokens] = usage.cache_write_tokens
      attributes[GEN_AI.usageCacheWriteInputTokens] = usage.cache_write_tokens
    }
    if (usage.reasoning_tokens > 0) attributes[GEN_AI.usageReasoningOutputTokens] = usage.reasoning_tokens
  }
  return attributes
}

/**
 * `error.type` for a failed call: the error's class (`RateLimitError`, `ThrottlingException`,
 * `APIConnectionTimeoutError`), else its HTTP status, else `_OTHER` (the conventions' fallback), a
 * low-cardinality value as the conventions require.
 *
 * @example
 * errorType(Object.assign(new Error("slow down"), { status: 429 })) // "429"
 */
export function errorType(error: unknown): string {
  if (error instanceof Error) {
    const name = error.constructor.name !== "Error" ? error.constructor.name : error.name
    if (name && name !== "Error") return name
  }
  if (error !== null && typeof error === "object") {
    const status = (error as { status?: unknown }).status
    if (typeof status === "number") return String(status)
  }
  return "_OTHER"
}

/** `server.address` and `server.port` of a base URL; none when the SDK's default is used. */
function serverAttributes(baseURL: string | undefined): Attributes {
  if (!baseURL) return {}
  try {
    const url = new URL(baseURL)
    const port = url.port ? Number(url.port) : url.protocol === "http:" ? 80 : 443
    return { [GENERAL.serverAddress]: url.hostname, [GENERAL.serverPort]: port }
  } catch {
    return {}
  }
}

function sentParameters(prepared: PreparedRun): Readonly<Record<string, unknown>> {
  try {
    return prepared.adapter.fromRequest(prepared.request).metadata?.model?.parameters ?? {}
  } catch {
    // An adapter that cannot read its own request back: report the parameters it was given.
    return prepared.parameters
  }
}

function setNumber(attributes: Attributes, key: string, value: unknown): void {
  if (typeof value === "number" && Number.isFinite(value)) attributes[key] = value as AttributeValue
}
