import type { ErrorType } from "./api-types.js"

/**
 * PromptLayer's `error_type` for an error a provider SDK threw, read from what every SDK exposes: an
 * HTTP status (`status`, `statusCode`, AWS `$metadata.httpStatusCode`), the error class name
 * (`RateLimitError`, `ThrottlingException`, `APIConnectionTimeoutError`) or the message.
 *
 * @example
 * providerErrorType(Object.assign(new Error("slow down"), { status: 429 })) // "PROVIDER_RATE_LIMIT"
 */
export function providerErrorType(error: unknown): ErrorType {
  const status = statusOf(error)
  const name = error instanceof Error ? `${error.name} ${error.constructor.name}` : ""
  const message = (error instanceof Error ? error.message : String(error)).toLowerCase()
  if (status === 429 || /ratelimit|throttl|toomanyrequests/i.test(name)) return "PROVIDER_RATE_LIMIT"
  if (/timeout|timedout/i.test(name) || message.includes("timed out") || message.includes("timeout"))
    return "PROVIDER_TIMEOUT"
  if (
    status === 401 ||
    status === 403 ||
    /authentication|permissiondenied|accessdenied|unrecognizedclient/i.test(name)
  )
    return "PROVIDER_AUTH_ERROR"
  if (message.includes("quota")) return "PROVIDER_QUOTA_LIMIT"
  if (status !== undefined) return "PROVIDER_ERROR"
  return "UNKNOWN_ERROR"
}

function statusOf(error: unknown): number | undefined {
  if (error === null || typeof error !== "object") return undefined
  const record = error as { status?: unknown; statusCode?: unknown; $metadata?: { httpStatusCode?: unknown } }
  for (const value of [record.status, record.statusCode, record.$metadata?.httpStatusCode]) {
    if (typeof value === "number") return value
  }
  return undefined
}

/**
 * A one-line description of an error for `error_message`, capped at 2,000 characters.
 *
 * @example
 * errorMessage(new RangeError("too big")) // "RangeError: too big"
 */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 2_000)
  return String(error).slice(0, 2_000)
}
