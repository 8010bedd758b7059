/**
 * The errors the client throws, compatible in name and meaning with the official PromptLayer SDK. Every
 * error from the PromptLayer API carries the HTTP `status` (when there was a response), the API's own
 * message and the request `path`, so a log line says what failed where.
 */

/** What every error from this package has in common. */
export class PromptLayerError extends Error {
  override readonly name: string = "PromptLayerError"
  /** The request path (`/prompt-templates/support-agent`), when the error comes from an API call. */
  readonly path: string | undefined

  constructor(message: string, options: { path?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.path = options.path
  }
}

/**
 * Input the client refused before sending anything: missing or wrongly typed input variables, an
 * invalid template, an unknown provider.
 *
 * @example
 * try { await pl.run({ promptName: "greet" }) } catch (e) { if (e instanceof PromptLayerValidationError) console.log(e.issues) }
 */
export class PromptLayerValidationError extends PromptLayerError {
  override readonly name: string = "PromptLayerValidationError"
  /** Each problem, with the path of the offending value (`inputVariables.name`). */
  readonly issues: readonly { path: string; message: string }[]

  constructor(
    message: string,
    options: { issues?: readonly { path: string; message: string }[]; path?: string; cause?: unknown } = {},
  ) {
    super(message, options)
    this.issues = options.issues ?? []
  }
}

/** The API could not be reached (DNS, refused or reset connection, TLS), after every retry. */
export class PromptLayerAPIConnectionError extends PromptLayerError {
  override readonly name: string = "PromptLayerAPIConnectionError"
}

/** The API did not answer within the client's `timeoutMs`, after every retry. */
export class PromptLayerAPITimeoutError extends PromptLayerAPIConnectionError {
  override readonly name: string = "PromptLayerAPITimeoutError"
}

/**
 * The API answered with an error status. Subclasses name the common statuses; this class itself is
 * thrown for the others, and for a success status whose body is not the JSON the API promises.
 *
 * @example
 * catch (e) { if (e instanceof PromptLayerAPIStatusError) console.log(e.status, e.path, e.message) }
 */
export class PromptLayerAPIStatusError extends PromptLayerError {
  override readonly name: string = "PromptLayerAPIStatusError"
  readonly status: number
  /** The parsed JSON body of the error response, or its text when it was not JSON. */
  readonly body: unknown

  constructor(message: string, options: { status: number; body?: unknown; path?: string; cause?: unknown }) {
    super(message, options)
    this.status = options.status
    this.body = options.body
  }
}

/** 400 */
export class PromptLayerBadRequestError extends PromptLayerAPIStatusError {
  override readonly name: string = "PromptLayerBadRequestError"
}
/** 401: the API key is missing or wrong. */
export class PromptLayerAuthenticationError extends PromptLayerAPIStatusError {
  override readonly name: string = "PromptLayerAuthenticationError"
}
/** 403 */
export class PromptLayerPermissionDeniedError extends PromptLayerAPIStatusError {
  override readonly name: string = "PromptLayerPermissionDeniedError"
}
/** 404: no such prompt, version or label. */
export class PromptLayerNotFoundError extends PromptLayerAPIStatusError {
  override readonly name: string = "PromptLayerNotFoundError"
}
/** 409 */
export class PromptLayerConflictError extends PromptLayerAPIStatusError {
  override readonly name: string = "PromptLayerConflictError"
}
/** 422: the API rejected the body. */
export class PromptLayerUnprocessableEntityError extends PromptLayerAPIStatusError {
  override readonly name: string = "PromptLayerUnprocessableEntityError"
}
/** 429, after every retry. */
export class PromptLayerRateLimitError extends PromptLayerAPIStatusError {
  override readonly name: string = "PromptLayerRateLimitError"
}
/** 5xx, after every retry. */
export class PromptLayerInternalServerError extends PromptLayerAPIStatusError {
  override readonly name: string = "PromptLayerInternalServerError"
}

type StatusErrorClass = new (
  message: string,
  options: { status: number; body?: unknown; path?: string },
) => PromptLayerAPIStatusError

const byStatus: Readonly<Record<number, StatusErrorClass>> = {
  400: PromptLayerBadRequestError,
  401: PromptLayerAuthenticationError,
  403: PromptLayerPermissionDeniedError,
  404: PromptLayerNotFoundError,
  409: PromptLayerConflictError,
  422: PromptLayerUnprocessableEntityError,
  429: PromptLayerRateLimitError,
}

/**
 * The error for an API response status, with the API's message (`message`, `error` or FastAPI's
 * `detail`) when the body has one.
 *
 * @example
 * errorForStatus(404, { message: "Prompt not found" }, "/prompt-templates/x") // PromptLayerNotFoundError
 */
export function errorForStatus(status: number, body: unknown, path: string): PromptLayerAPIStatusError {
  const ErrorClass =
    byStatus[status] ?? (status >= 500 ? PromptLayerInternalServerError : PromptLayerAPIStatusError)
  const detail = messageOf(body)
  return new ErrorClass(`PromptLayer API ${status} from ${path}${detail ? `: ${detail}` : ""}`, {
    status,
    body,
    path,
  })
}

function messageOf(body: unknown): string | undefined {
  if (typeof body === "string") return body.trim().slice(0, 500) || undefined
  if (body === null || typeof body !== "object") return undefined
  const record = body as Record<string, unknown>
  for (const key of ["message", "error", "detail"]) {
    const value = record[key]
    if (typeof value === "string" && value) return value
    // FastAPI validation errors: detail is a list of { loc, msg }.
    if (Array.isArray(value) && value.length > 0) {
      return value
        .map((item) => {
          const entry = item as { loc?: unknown; msg?: unknown }
          const loc = Array.isArray(entry.loc) ? entry.loc.join(".") : ""
          return `${loc ? `${loc}: ` : ""}${String(entry.msg ?? JSON.stringify(item))}`
        })
        .join("; ")
    }
  }
  return undefined
}

/**
 * Whether an error is worth a retry or a stale cache entry: a rate limit, a server error, a timeout or
 * a lost connection. Other 4xx answers would come back the same.
 *
 * @example
 * isTransientError(errorForStatus(503, null, "/log-request")) // true
 */
export function isTransientError(error: unknown): boolean {
  return (
    error instanceof PromptLayerRateLimitError ||
    error instanceof PromptLayerInternalServerError ||
    error instanceof PromptLayerAPIConnectionError
  )
}
