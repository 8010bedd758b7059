import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { type PromptLayerStub, startPromptLayerStub } from "../../test/support/promptlayer-stub.js"
import {
  PromptLayerAPIConnectionError,
  PromptLayerAPIStatusError,
  PromptLayerAPITimeoutError,
  PromptLayerBadRequestError,
  PromptLayerInternalServerError,
  PromptLayerNotFoundError,
  PromptLayerRateLimitError,
} from "../errors.js"
import { HttpClient } from "./http-client.js"
import { MAX_DELAY_MS } from "./retry.js"

let stub: PromptLayerStub
let sleeps: number[]

const chat = { type: "chat", messages: [{ role: "user", content: [{ type: "text", text: "Hi" }] }] }

function client(options: { timeoutMs?: number; now?: () => number } = {}) {
  return new HttpClient({
    baseURL: stub.url,
    apiKey: stub.apiKey,
    timeoutMs: options.timeoutMs ?? 2_000,
    sleep: async (ms) => {
      sleeps.push(ms)
    },
    random: () => 0.5,
    now: options.now,
    logger: { debug() {}, warn() {} },
  })
}

const getGreet = (http: HttpClient) =>
  http.request<{ prompt_name: string }>({ method: "POST", path: "/prompt-templates/greet", body: {} })

beforeEach(async () => {
  stub = await startPromptLayerStub()
  stub.addPrompt("greet", [{ prompt_template: chat, metadata: null, commit_message: null }])
  sleeps = []
})
afterEach(() => stub.close())

describe("HttpClient retries", () => {
  it("succeeds after a 429, having waited once", async () => {
    stub.fail("/prompt-templates", { status: 429 })
    await expect(getGreet(client())).resolves.toMatchObject({ prompt_name: "greet" })
    expect(stub.calls("/prompt-templates")).toHaveLength(2)
    expect(sleeps).toEqual([1_500])
  })

  it("explains each retry at info level: how long, after what, from where, which attempt", async () => {
    stub.fail("/prompt-templates", { status: 503 }, { status: 503 })
    const lines: string[] = []
    const http = new HttpClient({
      baseURL: stub.url,
      apiKey: stub.apiKey,
      sleep: async () => {},
      random: () => 0.5,
      logger: { info: (message) => lines.push(message) },
    })
    await getGreet(http)
    expect(lines).toEqual([
      "retrying in 1.5 s after 503 from /prompt-templates/greet, attempt 2 of 4",
      "retrying in 3 s after 503 from /prompt-templates/greet, attempt 3 of 4",
    ])
  })

  it("succeeds after three 503s, backing off exponentially", async () => {
    stub.fail("/prompt-templates", { status: 503 }, { status: 503 }, { status: 503 })
    await expect(getGreet(client())).resolves.toMatchObject({ prompt_name: "greet" })
    expect(stub.calls("/prompt-templates")).toHaveLength(4)
    expect(sleeps).toEqual([1_500, 3_000, 6_000])
  })

  it("fails after four 503s with the status, the API's message and the path", async () => {
    stub.fail("/prompt-templates", ...Array(4).fill({ status: 503, body: { message: "overloaded" } }))
    const error = await getGreet(client()).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PromptLayerInternalServerError)
    expect(error).toMatchObject({
      status: 503,
      path: "/prompt-templates/greet",
      name: "PromptLayerInternalServerError",
    })
    expect((error as Error).message).toContain("overloaded")
    expect(stub.calls("/prompt-templates")).toHaveLength(4)
    expect(sleeps).toHaveLength(3)
  })

  it("waits what Retry-After asks, in seconds or as an HTTP date", async () => {
    const now = Date.parse("2026-11-22T10:00:00Z")
    stub.fail(
      "/prompt-templates",
      { status: 429, headers: { "retry-after": "3" } },
      { status: 503, headers: { "retry-after": "Sun, 22 Nov 2026 10:00:07 GMT" } },
    )
    await getGreet(client({ now: () => now }))
    expect(sleeps).toEqual([3_000, 7_000])
  })

  it("fails at once on a Retry-After longer than a minute", async () => {
    stub.fail("/prompt-templates", { status: 429, headers: { "retry-after": "3600" } })
    await expect(getGreet(client())).rejects.toBeInstanceOf(PromptLayerRateLimitError)
    expect(stub.calls("/prompt-templates")).toHaveLength(1)
  })

  it("fails at once on other 4xx answers", async () => {
    stub.fail("/prompt-templates", { status: 400, body: { success: false, message: "bad label" } })
    const error = await getGreet(client()).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PromptLayerBadRequestError)
    expect((error as Error).message).toBe("PromptLayer API 400 from /prompt-templates/greet: bad label")
    expect(stub.calls("/prompt-templates")).toHaveLength(1)
    expect(sleeps).toEqual([])
  })

  it("maps a missing prompt to PromptLayerNotFoundError", async () => {
    const http = client()
    await expect(
      http.request({ method: "POST", path: "/prompt-templates/nope", body: {} }),
    ).rejects.toBeInstanceOf(PromptLayerNotFoundError)
  })

  it("reads FastAPI validation details into the message", async () => {
    const error = await client()
      .request({ method: "POST", path: "/prompt-templates/greet", body: { version: -1 } })
      .catch((e: unknown) => e)
    expect((error as Error).message).toContain("body.version: must be a positive integer")
  })
})

describe("HttpClient faults", () => {
  it("times out a hanging request on every attempt and reports PromptLayerAPITimeoutError", async () => {
    stub.fail("/prompt-templates", "hang", "hang", "hang", "hang")
    const started = Date.now()
    const error = await getGreet(client({ timeoutMs: 100 })).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PromptLayerAPITimeoutError)
    expect((error as Error).message).toContain("within 100 ms")
    expect(stub.calls("/prompt-templates")).toHaveLength(4)
    expect(Date.now() - started).toBeLessThan(5_000)
  })

  it("recovers from a hang on the next attempt", async () => {
    stub.fail("/prompt-templates", "hang")
    await expect(getGreet(client({ timeoutMs: 100 }))).resolves.toMatchObject({ prompt_name: "greet" })
  })

  it("retries a reset connection, then reports PromptLayerAPIConnectionError", async () => {
    stub.fail("/prompt-templates", "reset", "reset", "reset", "reset")
    const error = await getGreet(client()).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PromptLayerAPIConnectionError)
    expect(error).not.toBeInstanceOf(PromptLayerAPITimeoutError)
    expect(stub.calls("/prompt-templates")).toHaveLength(4)
  })

  it("recovers from one reset connection", async () => {
    stub.fail("/prompt-templates", "reset")
    await expect(getGreet(client())).resolves.toMatchObject({ prompt_name: "greet" })
  })

  it("reports a malformed JSON body without retrying", async () => {
    stub.fail("/prompt-templates", "malformed")
    const error = await getGreet(client()).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PromptLayerAPIStatusError)
    expect((error as Error).message).toContain("not valid JSON")
    expect(stub.calls("/prompt-templates")).toHaveLength(1)
  })

  it("reports an unreachable server as a connection error", async () => {
    const http = new HttpClient({
      baseURL: "http://127.0.0.1:9",
      sleep: async () => {},
      logger: { debug() {}, warn() {} },
    })
    await expect(http.request({ method: "GET", path: "/prompt-templates" })).rejects.toBeInstanceOf(
      PromptLayerAPIConnectionError,
    )
  })

  it("stops waiting when the caller aborts", async () => {
    stub.fail("/prompt-templates", "hang")
    const controller = new AbortController()
    const pending = client({ timeoutMs: 10_000 }).request({
      method: "POST",
      path: "/prompt-templates/greet",
      body: {},
      signal: controller.signal,
    })
    setTimeout(() => controller.abort(new Error("user cancelled")), 50)
    await expect(pending).rejects.toThrow("user cancelled")
    expect(stub.calls("/prompt-templates")).toHaveLength(1)
  })
})

describe("HttpClient requests", () => {
  it("sends X-API-KEY, JSON, and the query without undefined values", async () => {
    await client().request({ method: "GET", path: "/prompt-templates", query: { page: 2, label: undefined } })
    const [call] = stub.calls("/prompt-templates")
    expect(call?.url).toBe("/prompt-templates?page=2")
    expect(call?.headers["x-api-key"]).toBe(stub.apiKey)
  })

  it("never waits longer than the cap between attempts", async () => {
    const { backoffDelay } = await import("./retry.js")
    for (let retry = 1; retry <= 10; retry++) {
      expect(backoffDelay(retry, () => 0.999)).toBeLessThanOrEqual(MAX_DELAY_MS)
      expect(backoffDelay(retry, () => 0)).toBeGreaterThan(0)
    }
    expect(backoffDelay(1, () => 0)).toBe(1_000)
    expect(backoffDelay(10, () => 0.5)).toBe(MAX_DELAY_MS)
  })
})
