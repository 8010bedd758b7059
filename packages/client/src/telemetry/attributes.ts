/**
 * Span attribute names (`run()`'s LLM span). The `gen_ai.*` ones are OpenTelemetry's GenAI semantic conventions, as named
 * in `@opentelemetry/semantic-conventions` 1.45 (incubating) and in the GenAI conventions' own
 * repository (open-telemetry/semantic-conventions-genai, `client-inference.md`); they are spelled out
 * here so the client needs nothing but `@opentelemetry/api`.
 *
 * @example
 * span.attributes[GEN_AI.usageInputTokens] // 1200
 */
export const GEN_AI = {
  operationName: "gen_ai.operation.name",
  providerName: "gen_ai.provider.name",
  requestModel: "gen_ai.request.model",
  requestTemperature: "gen_ai.request.temperature",
  requestMaxTokens: "gen_ai.request.max_tokens",
  requestTopP: "gen_ai.request.top_p",
  requestTopK: "gen_ai.request.top_k",
  requestStopSequences: "gen_ai.request.stop_sequences",
  requestSeed: "gen_ai.request.seed",
  requestFrequencyPenalty: "gen_ai.request.frequency_penalty",
  requestPresencePenalty: "gen_ai.request.presence_penalty",
  /** Set only on streaming requests: "If unset, the request is assumed to be non-streaming." */
  requestStream: "gen_ai.request.stream",
  outputType: "gen_ai.output.type",
  promptName: "gen_ai.prompt.name",
  promptVersion: "gen_ai.prompt.version",
  responseId: "gen_ai.response.id",
  responseModel: "gen_ai.response.model",
  responseFinishReasons: "gen_ai.response.finish_reasons",
  /** Seconds from issuing the request to the first chunk of a streamed response. */
  responseTimeToFirstChunk: "gen_ai.response.time_to_first_chunk",
  /** All input tokens, cached ones included. */
  usageInputTokens: "gen_ai.usage.input_tokens",
  usageOutputTokens: "gen_ai.usage.output_tokens",
  usageCacheReadInputTokens: "gen_ai.usage.cache_read.input_tokens",
  /**
   * Input tokens written to the provider's cache, under both names in use: `cache_creation` (semantic
   * conventions up to 1.45, and the OpenAI and Anthropic pages) and `cache_write` (the GenAI
   * repository's `client-inference.md`, which renamed it).
   */
  usageCacheCreationInputTokens: "gen_ai.usage.cache_creation.input_tokens",
  usageCacheWriteInputTokens: "gen_ai.usage.cache_write.input_tokens",
  usageReasoningOutputTokens: "gen_ai.usage.reasoning.output_tokens",
  /** Opt-in content (see `captureContent`). */
  inputMessages: "gen_ai.input.messages",
  outputMessages: "gen_ai.output.messages",
  systemInstructions: "gen_ai.system_instructions",
  toolDefinitions: "gen_ai.tool.definitions",
} as const

/** General attributes from the stable semantic conventions. */
export const GENERAL = {
  errorType: "error.type",
  serverAddress: "server.address",
  serverPort: "server.port",
} as const

/** `openai.api.type` (`chat_completions` or `responses`), recommended on OpenAI spans. */
export const OPENAI_API_TYPE = "openai.api.type"

/**
 * Ours: what PromptLayer knows about a run.
 *
 * @example
 * runSpan.attributes[PROMPTLAYER.requestId] // the request id of the logged call
 */
export const PROMPTLAYER = {
  promptName: "promptlayer.prompt.name",
  promptVersion: "promptlayer.prompt.version",
  promptLabel: "promptlayer.prompt.label",
  promptId: "promptlayer.prompt.id",
  requestId: "promptlayer.request_id",
  /** Set on a streamed run (and its LLM span) that the consumer stopped reading before the end. */
  streamAbandoned: "promptlayer.stream.abandoned",
} as const

/**
 * The span names of a run (the LLM span is named `{operation} {model}`, e.g. `chat gpt-4o`).
 *
 * @example
 * exporter.getFinishedSpans().filter((span) => span.name === SPAN_NAMES.run)
 */
export const SPAN_NAMES = {
  run: "promptlayer.run",
  templateFetch: "promptlayer.templates.get",
} as const
