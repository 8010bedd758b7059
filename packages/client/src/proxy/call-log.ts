import type { Accumulator, Completion, PromptBlueprint } from "@pl/blueprint"
import type { ErrorType, RequestStatus } from "../api-types.js"
import { errorMessage, providerErrorType } from "../error-type.js"
import { buildLogBody } from "../log-body.js"
import type { Logger } from "../logger.js"
import { PROVIDERS } from "../providers.js"
import type { Registry } from "../registry.js"
import type { AdapterCache } from "./adapter-cache.js"
import type { CallShape, ModelCall } from "./sdk-calls.js"
import type { StreamEnd, StreamObserver } from "./tap-stream.js"

/** What logging a wrapped call needs from the client. */
export interface CallLogDeps {
  registry: Registry
  logger: Logger
  now: () => number
  adapters: AdapterCache
  /** Keeps a log that is still being written, for `flush()`. */
  track(pending: Promise<unknown>): void
}

interface Outcome {
  status: RequestStatus
  completion?: Completion | undefined
  error?: unknown
  errorType?: ErrorType | undefined
  message?: string | undefined
}

/**
 * The log of one model call made through a wrapped SDK client: the request is converted to a blueprint
 * when the call is made, the response (or the stream, chunk by chunk) when it arrives, and the call is
 * logged once with `/log-request`. Every failure here is a warning: the caller's call is never affected.
 */
export class CallLog {
  readonly #call: ModelCall
  readonly #shape: CallShape
  readonly #deps: CallLogDeps
  readonly #startedAt: number
  readonly #input: PromptBlueprint | Promise<PromptBlueprint>
  #logged: Promise<number | null> | undefined
  #resolveRequestId: ((id: number | null) => void) | undefined

  /** Settles with the request id once the call is logged (`null` when logging failed). */
  readonly requestId: Promise<number | null>

  constructor(call: ModelCall, shape: CallShape, deps: CallLogDeps) {
    this.#call = call
    this.#shape = shape
    this.#deps = deps
    this.#startedAt = deps.now()
    this.#input = this.#convertRequest()
    // Awaited only when the call is logged: a call that never ends must not leave an unhandled rejection.
    if (this.#input instanceof Promise) this.#input.catch(() => {})
    this.requestId = new Promise((resolve) => {
      this.#resolveRequestId = resolve
    })
  }

  /** Logs a response that arrived whole. */
  succeeded(response: unknown): Promise<number | null> {
    return this.#log(async () => {
      const adapter = await this.#deps.adapters.load(this.#call.provider)
      return { status: "SUCCESS", completion: adapter.fromResponse(response) }
    })
  }

  /** Logs a call the SDK refused or that failed before any chunk. */
  failed(error: unknown): Promise<number | null> {
    return this.#log(async () => ({ status: "ERROR", error }))
  }

  /** An observer for the call's stream: chunks are accumulated, the call is logged when it ends. */
  streamObserver(): StreamObserver {
    const adapterReady = this.#deps.adapters.ready(this.#call.provider)
    let accumulator: Accumulator<unknown> | undefined = adapterReady?.accumulator()
    // Chunks that arrive before the adapter has loaded wait here.
    let waiting: unknown[] = []
    let chunks = 0
    let broken = false
    const push = (chunk: unknown) => {
      if (broken || !accumulator) return
      try {
        accumulator.push(chunk)
      } catch (error) {
        broken = true
        this.#deps.logger.warn(
          `the ${this.#call.provider} stream could not be read for the log, which keeps what came before: ${errorMessage(error)}`,
        )
      }
    }
    return {
      chunk: (chunk) => {
        chunks++
        if (accumulator) push(chunk)
        else waiting.push(chunk)
      },
      end: (end: StreamEnd) => {
        void this.#log(async () => {
          if (!accumulator) {
            accumulator = (await this.#deps.adapters.load(this.#call.provider)).accumulator()
            for (const chunk of waiting) push(chunk)
            waiting = []
          }
          const completion = chunks > 0 ? accumulator.result() : undefined
          return streamOutcome(end, chunks, completion)
        })
      },
    }
  }

  /** Converts the request now if the adapter is at hand, else a copy of it once the adapter loads. */
  #convertRequest(): PromptBlueprint | Promise<PromptBlueprint> {
    const adapter = this.#deps.adapters.ready(this.#call.provider)
    if (adapter) {
      try {
        return adapter.fromRequest(this.#shape.request)
      } catch (error) {
        return Promise.reject(error)
      }
    }
    const request = snapshot(this.#shape.request)
    return this.#deps.adapters.load(this.#call.provider).then((loaded) => loaded.fromRequest(request))
  }

  #log(outcome: () => Promise<Outcome>): Promise<number | null> {
    if (this.#logged) return this.#logged
    this.#logged = this.#write(outcome)
    this.#deps.track(this.#logged)
    void this.#logged.then(this.#resolveRequestId)
    return this.#logged
  }

  async #write(outcome: () => Promise<Outcome>): Promise<number | null> {
    const provider = this.#call.provider
    const functionName = PROVIDERS[provider].functionName
    try {
      const endedAt = this.#deps.now()
      const result = await outcome()
      const input = await this.#input
      const model = input.metadata?.model
      const body = buildLogBody({
        provider: model?.provider ?? provider,
        model: model?.name ?? result.completion?.model ?? "",
        apiType: model?.api_type,
        functionName,
        input: input.prompt_template,
        parameters: model?.parameters ?? {},
        startedAt: this.#startedAt,
        endedAt,
        completion: result.completion,
        status: result.status,
        errorType:
          result.status === "SUCCESS" ? undefined : (result.errorType ?? providerErrorType(result.error)),
        errorMessage: result.message ?? (result.error === undefined ? undefined : errorMessage(result.error)),
        tags: this.#shape.options.pl_tags,
        metadata: this.#shape.options.pl_metadata,
      })
      const { id } = await this.#deps.registry.logRequest(body)
      return id
    } catch (error) {
      this.#deps.logger.warn(
        `could not log a ${functionName} call made through a wrapped client (the response is kept): ${errorMessage(error)}`,
      )
      return null
    }
  }
}

/** How a stream's end is logged: as `run()` logs it. */
function streamOutcome(end: StreamEnd, chunks: number, completion: Completion | undefined): Outcome {
  switch (end.kind) {
    case "done":
      return { status: "SUCCESS", completion }
    case "error":
      return {
        status: "ERROR",
        completion,
        error: end.error,
        errorType: chunks > 0 ? "PROVIDER_PARTIAL_RESPONSE" : undefined,
      }
    case "abandoned":
      return {
        status: "WARNING",
        completion,
        errorType: "PROVIDER_PARTIAL_RESPONSE",
        message: `the stream was abandoned by the consumer after ${chunks} chunk${chunks === 1 ? "" : "s"}`,
      }
  }
}

/**
 * A deep copy of a request, so later changes by the caller do not reach the log; the request itself
 * when it holds what cannot be copied (an `AbortSignal` in Google's `config`).
 */
function snapshot<T>(value: T): T {
  try {
    return structuredClone(value)
  } catch {
    return value
  }
}
