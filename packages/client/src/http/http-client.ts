import {
  errorForStatus,
  isTransientError,
  PromptLayerAPIConnectionError,
  PromptLayerAPIStatusError,
  PromptLayerAPITimeoutError,
  PromptLayerError,
} from "../errors.js"
import { consoleLogger, createLogger, formatDelay, type Logger, type LoggerLike } from "../logger.js"
import { backoffDelay, DEFAULT_MAX_ATTEMPTS, MAX_RETRY_AFTER_MS, parseRetryAfter, sleep } from "./retry.js"

/** Options of {@link HttpClient}; every one has a default. */
export interface HttpClientOptions {
  /** `https://api.promptlayer.com`, or a self-hosted PromptLayer. */
  baseURL: string
  /** Sent as `X-API-KEY`. */
  apiKey?: string | undefined
  /** Per attempt, in milliseconds (default 30 s). */
  timeoutMs?: number | undefined
  /** Attempts in all, on 429, 5xx, timeouts and lost connections (default 4). */
  maxAttempts?: number | undefined
  /** Extra headers on every request. */
  headers?: Record<string, string> | undefined
  fetch?: typeof fetch | undefined
  /** Injectable for tests, so they do not wait for real backoff. */
  sleep?: ((ms: number, signal?: AbortSignal) => Promise<void>) | undefined
  /** Jitter source, in [0, 1). */
  random?: (() => number) | undefined
  /** The clock, for `Retry-After` dates. */
  now?: (() => number) | undefined
  /** Told about retries (`info`) and the API's warnings (`warn`); default: console warnings only. */
  logger?: LoggerLike | undefined
}

/** One API call. */
export interface ApiRequest {
  method: "GET" | "POST"
  /** Starts with `/`; path segments already URL-encoded. */
  path: string
  query?: Record<string, string | number | boolean | null | undefined>
  body?: unknown
  signal?: AbortSignal | undefined
}

/**
 * A small HTTP client for the PromptLayer REST API on `fetch` alone (no Node built-ins): JSON in and
 * out, `X-API-KEY`, a timeout per attempt, retries with backoff on 429/5xx/timeouts/lost connections
 * honouring `Retry-After`, and errors chosen by status.
 *
 * @example
 * const http = new HttpClient({ baseURL: "https://api.promptlayer.com", apiKey })
 * const templates = await http.request({ method: "GET", path: "/prompt-templates", query: { page: 1 } })
 */
export class HttpClient {
  readonly baseURL: string
  readonly #options: HttpClientOptions
  readonly #fetch: typeof fetch
  readonly #sleep: (ms: number, signal?: AbortSignal) => Promise<void>
  readonly #logger: Logger

  constructor(options: HttpClientOptions) {
    this.baseURL = options.baseURL.replace(/\/+$/, "")
    this.#options = options
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init))
    this.#sleep = options.sleep ?? sleep
    this.#logger = options.logger
      ? createLogger(options.logger, "debug")
      : createLogger(consoleLogger, "warn")
  }

  /** Sends the request, retrying what is transient; resolves with the parsed JSON body. */
  async request<T = unknown>(request: ApiRequest): Promise<T> {
    return (await this.send<T>(request)).body
  }

  /**
   * Like {@link request}, with the success status too, for endpoints whose 2xx statuses differ in
   * meaning (`202`: still running).
   *
   * @example
   * const { status, body } = await http.send({ method: "GET", path: "/workflow-version-execution-results", query })
   */
  async send<T = unknown>(request: ApiRequest): Promise<{ status: number; body: T }> {
    const maxAttempts = this.#options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS
    const random = this.#options.random ?? Math.random
    for (let attempt = 1; ; attempt++) {
      let retryAfterMs: number | undefined
      try {
        const answer = await this.#attempt(request, (ms) => (retryAfterMs = ms))
        this.#reportWarning(answer.body, request.path)
        return answer as { status: number; body: T }
      } catch (error) {
        if (request.signal?.aborted) throw request.signal.reason
        const retryable = isTransientError(error) && attempt < maxAttempts
        if (!retryable || (retryAfterMs !== undefined && retryAfterMs > MAX_RETRY_AFTER_MS)) throw error
        const delay = retryAfterMs ?? backoffDelay(attempt, random)
        this.#logger.info(
          `retrying in ${formatDelay(delay)} after ${describe(error)} from ${request.path}, attempt ${attempt + 1} of ${maxAttempts}`,
        )
        await this.#sleep(delay, request.signal)
      }
    }
  }

  /** The API puts advice in a `warning` field (a missing input variable, a deprecated parameter). */
  #reportWarning(body: unknown, path: string): void {
    const warning =
      body !== null && typeof body === "object" ? (body as { warning?: unknown }).warning : undefined
    if (typeof warning === "string" && warning)
      this.#logger.warn(`PromptLayer API warning from ${path}: ${warning}`)
  }

  async #attempt(
    request: ApiRequest,
    onRetryAfter: (ms: number) => void,
  ): Promise<{ status: number; body: unknown }> {
    if (request.signal?.aborted) throw request.signal.reason
    const url = new URL(this.baseURL + request.path)
    for (const [key, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined && value !== null) url.searchParams.set(key, String(value))
    }
    const headers: Record<string, string> = { accept: "application/json", ...this.#options.headers }
    if (this.#options.apiKey) headers["X-API-KEY"] = this.#options.apiKey
    if (request.body !== undefined) headers["content-type"] = "application/json"

    const timeoutMs = this.#options.timeoutMs ?? 30_000
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(new TimeoutSignal()), timeoutMs)
    const onAbort = () => controller.abort(request.signal?.reason)
    request.signal?.addEventListener("abort", onAbort, { once: true })
    try {
      let response: Response
      let text: string
      try {
        response = await this.#fetch(url, {
          method: request.method,
          headers,
          body: request.body === undefined ? undefined : JSON.stringify(request.body),
          signal: controller.signal,
        })
        text = await response.text()
      } catch (error) {
        if (controller.signal.reason instanceof TimeoutSignal) {
          throw new PromptLayerAPITimeoutError(
            `PromptLayer API did not answer ${request.method} ${request.path} within ${timeoutMs} ms`,
            { path: request.path, cause: error },
          )
        }
        if (request.signal?.aborted) throw request.signal.reason
        throw new PromptLayerAPIConnectionError(
          `Could not reach the PromptLayer API for ${request.method} ${request.path}: ${describe(error)}`,
          { path: request.path, cause: error },
        )
      }
      const body = parseBody(text)
      if (!response.ok) {
        const retryAfter = parseRetryAfter(
          response.headers.get("retry-after"),
          (this.#options.now ?? Date.now)(),
        )
        if (retryAfter !== undefined) onRetryAfter(retryAfter)
        throw errorForStatus(response.status, body.ok ? body.value : text, request.path)
      }
      if (!body.ok) {
        throw new PromptLayerAPIStatusError(
          `PromptLayer API ${response.status} from ${request.path}: the body is not valid JSON (${text.slice(0, 80)})`,
          { status: response.status, body: text, path: request.path },
        )
      }
      return { status: response.status, body: body.value }
    } finally {
      clearTimeout(timer)
      request.signal?.removeEventListener("abort", onAbort)
    }
  }
}

/** The abort reason of our own timeout, told apart from a caller's abort. */
class TimeoutSignal extends Error {
  override readonly name = "TimeoutSignal"
}

function parseBody(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.trim() === "") return { ok: true, value: null }
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch {
    return { ok: false }
  }
}

function describe(error: unknown): string {
  if (error instanceof PromptLayerAPIStatusError) return String(error.status)
  if (error instanceof PromptLayerError) return error.name
  if (error instanceof Error) {
    // fetch says only "fetch failed": the cause says why (ECONNREFUSED, or e.g. "bad port" for a port
    // fetch refuses to connect to).
    const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause
    const why = typeof cause?.code === "string" ? cause.code : cause?.message
    return typeof why === "string" && why !== "" ? `${error.message} (${why})` : error.message
  }
  return String(error)
}
