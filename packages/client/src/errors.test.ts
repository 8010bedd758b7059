import { describe, expect, it } from "vitest"
import {
  errorForStatus,
  isTransientError,
  PromptLayerAPIConnectionError,
  PromptLayerAPIStatusError,
  PromptLayerAPITimeoutError,
  PromptLayerAuthenticationError,
  PromptLayerBadRequestError,
  PromptLayerConflictError,
  PromptLayerError,
  PromptLayerInternalServerError,
  PromptLayerNotFoundError,
  PromptLayerPermissionDeniedError,
  PromptLayerRateLimitError,
  PromptLayerUnprocessableEntityError,
} from "./errors.js"

describe("errorForStatus", () => {
  it.each([
    [400, PromptLayerBadRequestError],
    [401, PromptLayerAuthenticationError],
    [403, PromptLayerPermissionDeniedError],
    [404, PromptLayerNotFoundError],
    [409, PromptLayerConflictError],
    [422, PromptLayerUnprocessableEntityError],
    [429, PromptLayerRateLimitError],
    [500, PromptLayerInternalServerError],
    [503, PromptLayerInternalServerError],
    [418, PromptLayerAPIStatusError],
  ])("chooses the class for %i, with a stable name", (status, ErrorClass) => {
    const error = errorForStatus(status, { message: "nope" }, "/log-request")
    expect(error).toBeInstanceOf(ErrorClass)
    expect(error).toBeInstanceOf(PromptLayerError)
    expect(error.name).toBe(ErrorClass.name)
    expect(error).toMatchObject({ status, path: "/log-request" })
    expect(error.message).toBe(`PromptLayer API ${status} from /log-request: nope`)
  })

  it("reads the message from message, error or detail, or the text", () => {
    expect(errorForStatus(400, { error: "bad" }, "/x").message).toContain(": bad")
    expect(errorForStatus(400, { detail: "worse" }, "/x").message).toContain(": worse")
    expect(errorForStatus(502, "<html>Bad gateway</html>", "/x").message).toContain(
      "<html>Bad gateway</html>",
    )
    expect(errorForStatus(500, null, "/x").message).toBe("PromptLayer API 500 from /x")
  })
})

describe("isTransientError", () => {
  it("is true for rate limits, server errors, timeouts and lost connections only", () => {
    expect(isTransientError(errorForStatus(429, null, "/x"))).toBe(true)
    expect(isTransientError(errorForStatus(502, null, "/x"))).toBe(true)
    expect(isTransientError(new PromptLayerAPITimeoutError("slow"))).toBe(true)
    expect(isTransientError(new PromptLayerAPIConnectionError("reset"))).toBe(true)
    expect(isTransientError(errorForStatus(404, null, "/x"))).toBe(false)
    expect(isTransientError(new Error("other"))).toBe(false)
  })
})
