/**
 * @pl/client: run a prompt from a registry on any provider, with logging, caching and retries, with
 * the official PromptLayer SDK's surface. This entry uses web standards only (fetch, AbortController):
 * it runs in browsers and edge runtimes. Pass the adapters you use (`adapters: [openai]`) and an
 * `apiKey` or a `registry`. On Node, `import { PromptLayer } from "@pl/client"` resolves to a build
 * that also reads the environment, loads installed adapters by itself and defaults to the local
 * file registry when there is no API key.
 */
export type * from "./api-types.js"
export {
  DEFAULT_BASE_URL,
  type GetTemplateParams,
  type OrNull,
  type Platform,
  PromptLayer,
  type PromptLayerOptions,
  type RunParams,
} from "./client.js"
export { type ConversationBlueprint, conversationBlueprint, inputMessages } from "./conversation.js"
export { type ProviderEndpoint, resolveEndpoint } from "./endpoint.js"
export { errorMessage, providerErrorType } from "./error-type.js"
export * from "./errors.js"
export type { RunLogContext, RunResult } from "./execute.js"
export { type ApiRequest, HttpClient, type HttpClientOptions } from "./http/http-client.js"
export { backoffDelay, parseRetryAfter } from "./http/retry.js"
export { HttpRegistry } from "./http-registry.js"
export { buildLogBody, type LogFacts } from "./log-body.js"
export {
  consoleLogger,
  createLogger,
  LOG_LEVELS,
  type Logger,
  type LoggerLike,
  type LogLevel,
} from "./logger.js"
export { type PreparedRun, type PrepareOptions, prepareRun } from "./prepare.js"
export {
  type AdapterLoader,
  type AnyProviderAdapter,
  PROVIDERS,
  type ProviderId,
  type ProviderInfo,
  resolveProviderId,
} from "./providers.js"
export type { PromptLayerCallOptions } from "./proxy/call-options.js"
export { detectSdk, type ModelCall, SDKS, type Sdk } from "./proxy/sdk-calls.js"
export type {
  AnthropicClientLike,
  OpenAIClientLike,
  WithRequestId,
  Wrapped,
} from "./proxy/wrapped-types.js"
export type { Registry } from "./registry.js"
export { renderPrompt } from "./render.js"
export { GEN_AI, PROMPTLAYER, SPAN_NAMES } from "./telemetry/attributes.js"
export { type GenAiCall, genAiCall } from "./telemetry/gen-ai-provider.js"
export { TRACER_NAME } from "./telemetry/run-telemetry.js"
export { TemplateCache, type TemplateCacheOptions } from "./template-cache.js"
// Types only: the workflow code is loaded with import() when a workflow runs.
export type { RunWorkflowParams } from "./workflows/run-workflow.js"
export { PromptLayerWorkflowError, PromptLayerWorkflowTimeoutError } from "./workflows/workflow-errors.js"
export type {
  WorkflowNodeResult,
  WorkflowNodeStatus,
  WorkflowResults,
} from "./workflows/workflow-results.js"
