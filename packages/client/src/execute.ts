import type { Completion } from "@pl/blueprint"
import type { ErrorType, RequestStatus } from "./api-types.js"
import {
  type ConversationBlueprint,
  conversationBlueprint,
  EMPTY_REPLY,
  snapshotMessage,
} from "./conversation.js"
import { errorMessage, providerErrorType } from "./error-type.js"
import { buildLogBody } from "./log-body.js"
import type { Logger } from "./logger.js"
import type { PreparedRun } from "./prepare.js"
import { PROVIDERS } from "./providers.js"
import type { Registry } from "./registry.js"
import type { RunTrace } from "./telemetry/run-trace.js"

/**
 * One result of `run()`: the provider's raw response (or, streamed, the raw chunk), the conversation
 * so far as a blueprint, and the PromptLayer request id (`null` until logged, or when logging failed).
 */
export interface RunResult {
  request_id: number | null
  raw_response: unknown
  /** The conversation: the rendered input, then the reply (a completion template's content is the first user message). */
  prompt_blueprint: ConversationBlueprint
}

/** Who the run is for: what goes into the request log besides the call itself. */
export interface RunLogContext {
  tags?: string[] | undefined
  metadata?: Record<string, string> | undefined
  groupId?: number | undefined
  inputVariables?: Record<string, unknown> | undefined
}

/** What executing needs from the client. */
export interface ExecuteDeps {
  registry: Registry
  logger: Logger
  now: () => number
  signal?: AbortSignal | undefined
  /** Provider-specific options for the adapter's `send` (`region`, `client`, `maxRetries`, ...). */
  sendOptions?: Readonly<Record<string, unknown>> | undefined
  /** The run's spans: the provider call gets its LLM span here. */
  trace: RunTrace
}

/**
 * Sends a prepared run and logs it: the response is parsed with `fromResponse`, logged with input and
 * output blueprints, and returned. A provider error is logged with `status: "ERROR"` and its
 * `error_type`, then rethrown as the SDK threw it. A logging failure is a warning, never an error: the
 * user's response is not lost.
 */
export async function executeRun(
  prepared: PreparedRun,
  log: RunLogContext,
  deps: ExecuteDeps,
): Promise<RunResult> {
  const startedAt = deps.now()
  const call = deps.trace.llmCall(prepared, deps.sendOptions)
  let response: unknown
  try {
    response = await call.within(() => send(prepared, deps))
  } catch (error) {
    call.fail(error)
    await logCall(prepared, log, deps, { startedAt, status: "ERROR", error })
    throw error
  }
  const completion = call.complete(() => prepared.adapter.fromResponse(response))
  const requestId = await logCall(prepared, log, deps, { startedAt, status: "SUCCESS", completion })
  return {
    request_id: requestId,
    raw_response: response,
    prompt_blueprint: conversationBlueprint(
      prepared.rendered,
      completion.message,
      prepared.blueprint.metadata,
    ),
  }
}

/**
 * Streams a prepared run: one result per provider chunk, the blueprint growing each time (each result
 * holds its own snapshot), `request_id` set on the last one only (so each result is handed over when
 * the next chunk arrives). A stream cut mid-way is logged with what arrived (`PROVIDER_PARTIAL_RESPONSE`)
 * and the error rethrown after the last result; a stream the consumer abandons (`break`) is closed
 * and logged with `status: "WARNING"`.
 */
export async function* executeStream(
  prepared: PreparedRun,
  log: RunLogContext,
  deps: ExecuteDeps,
): AsyncGenerator<RunResult, void, undefined> {
  const startedAt = deps.now()
  const call = deps.trace.llmCall(prepared, deps.sendOptions)
  const accumulator = prepared.adapter.accumulator()
  let chunks = 0
  let completion: Completion | undefined
  let pending: RunResult | undefined
  let logged = false
  const result = (raw: unknown, current: Completion, requestId: number | null): RunResult => ({
    request_id: requestId,
    raw_response: raw,
    prompt_blueprint: conversationBlueprint(
      prepared.rendered,
      snapshotMessage(current.message),
      prepared.blueprint.metadata,
    ),
  })
  try {
    let stream: AsyncIterable<unknown>
    try {
      stream = asStream(await call.within(() => send(prepared, deps)), prepared.providerId)
    } catch (error) {
      call.fail(error)
      logged = true
      await logCall(prepared, log, deps, { startedAt, status: "ERROR", error })
      throw error
    }
    let lastChunk: unknown = null
    try {
      for await (const chunk of stream) {
        completion = accumulator.push(chunk)
        if (chunks === 0) call.firstChunk()
        chunks++
        lastChunk = chunk
        if (pending) yield pending
        pending = result(chunk, completion, null)
      }
      // OpenAI's and Anthropic's SDKs end a stream quietly when its request is aborted: it is not complete.
      deps.signal?.throwIfAborted()
    } catch (error) {
      logged = true
      const partial = chunks > 0 ? accumulator.result() : undefined
      // Aborted by the caller's signal: stopped by choice, as an abandoned stream is; else cut mid-way.
      const aborted = deps.signal?.aborted === true
      if (aborted) call.abandon(partial)
      else call.fail(error, partial)
      const requestId = await logCall(
        prepared,
        log,
        deps,
        aborted
          ? {
              startedAt,
              status: "WARNING",
              completion: partial,
              errorType: "PROVIDER_PARTIAL_RESPONSE",
              message: `the stream was aborted by the caller's signal after ${count(chunks, "chunk")}`,
            }
          : {
              startedAt,
              status: "ERROR",
              error,
              completion: partial,
              errorType: partial ? "PROVIDER_PARTIAL_RESPONSE" : undefined,
            },
      )
      if (pending && partial) yield result(pending.raw_response, partial, requestId)
      throw error
    }
    logged = true
    const final = chunks > 0 ? accumulator.result() : { message: EMPTY_REPLY }
    call.succeed(final)
    const requestId = await logCall(prepared, log, deps, { startedAt, status: "SUCCESS", completion: final })
    yield result(lastChunk, final, requestId)
  } finally {
    if (!logged) {
      // The consumer stopped early: the for-await above has already closed the provider's stream.
      const partial = chunks > 0 ? accumulator.result() : undefined
      call.abandon(partial)
      await logCall(prepared, log, deps, {
        startedAt,
        status: "WARNING",
        completion: partial,
        errorType: "PROVIDER_PARTIAL_RESPONSE",
        message: `the stream was abandoned by the consumer after ${count(chunks, "chunk")}`,
      })
    }
  }
}

/** `1 chunk`, `3 chunks`. */
function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`
}

function send(prepared: PreparedRun, deps: ExecuteDeps): Promise<unknown> {
  const { adapter, endpoint } = prepared
  // Filled in place rather than spread together (`{ ...a, ...b }`): in V8's optimized code (Node 20), an
  // object literal that starts with a spread gets a new hidden class for each key added after it, so every
  // run made one and every read of the context in the adapter missed its inline cache (see
  // @pl/templating's `renderTemplateWith`).
  const context: Record<string, unknown> = {}
  if (endpoint.baseURL) context.baseURL = endpoint.baseURL
  if (endpoint.apiKey) context.apiKey = endpoint.apiKey
  Object.assign(context, deps.sendOptions)
  if (deps.signal) context.signal = deps.signal
  return adapter.send(prepared.request, context)
}

function asStream(response: unknown, provider: string): AsyncIterable<unknown> {
  if (response !== null && typeof response === "object" && Symbol.asyncIterator in response) {
    return response as AsyncIterable<unknown>
  }
  throw new TypeError(`The ${provider} adapter returned a response, not a stream, for a streaming request`)
}

interface Outcome {
  startedAt: number
  status: RequestStatus
  completion?: Completion | undefined
  error?: unknown
  errorType?: ErrorType | undefined
  message?: string | undefined
}

/** Logs one call; resolves with the request id, or `null` (and a warning) when logging failed. */
async function logCall(
  prepared: PreparedRun,
  log: RunLogContext,
  deps: ExecuteDeps,
  outcome: Outcome,
): Promise<number | null> {
  const { template } = prepared
  try {
    const body = buildLogBody({
      provider: prepared.providerName,
      model: prepared.model,
      apiType: prepared.blueprint.metadata?.model?.api_type,
      functionName: PROVIDERS[prepared.providerId].functionName,
      input: prepared.rendered,
      parameters: prepared.parameters,
      startedAt: outcome.startedAt,
      endedAt: deps.now(),
      completion: outcome.completion,
      status: outcome.status,
      errorType:
        outcome.status === "SUCCESS" ? undefined : (outcome.errorType ?? providerErrorType(outcome.error)),
      errorMessage:
        outcome.message ?? (outcome.error === undefined ? undefined : errorMessage(outcome.error)),
      tags: log.tags,
      metadata: log.metadata,
      promptName: template.prompt_name,
      promptId: template.id,
      promptVersion: template.version,
      inputVariables: log.inputVariables,
    })
    const { id } = await deps.registry.logRequest(body)
    if (log.groupId !== undefined) await deps.registry.trackGroup({ request_id: id, group_id: log.groupId })
    return id
  } catch (error) {
    deps.logger.warn(
      `could not log the ${prepared.providerName} request for "${template.prompt_name}" (the response is kept): ${errorMessage(error)}`,
    )
    return null
  }
}
