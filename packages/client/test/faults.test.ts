import { type AssistantMessage, type ChatTemplate, isKnownContent } from "@pl/blueprint"
import { afterEach, describe, expect, it } from "vitest"
import {
  PromptLayerAPIConnectionError,
  PromptLayerAPIStatusError,
  PromptLayerAPITimeoutError,
  PromptLayerInternalServerError,
  type RunResult,
} from "../src/index.js"
import type { PromptLayerStub } from "./support/promptlayer-stub.js"
import { setup } from "./support/setup.js"

let stub: PromptLayerStub | undefined
afterEach(async () => {
  await stub?.close()
  stub = undefined
})

const replyText = (result: RunResult) =>
  ((result.prompt_blueprint.prompt_template as ChatTemplate).messages.at(-1) as AssistantMessage).content
    ?.map((p) => (isKnownContent(p) && p.type === "text" ? p.text : ""))
    .join("")

describe("PromptLayer down during logging", () => {
  it("keeps the response: run() resolves without a request id and warns", async () => {
    const s = await setup()
    stub = s.stub
    s.stub.fail("/log-request", ...Array(4).fill({ status: 503 }))
    const result = await s.pl.run({ promptName: "greet", inputVariables: { name: "Ada" } })
    expect(result.request_id).toBeNull()
    expect(result.raw_response).toEqual({ text: "Hello!", input_tokens: 5, output_tokens: 2 })
    expect(replyText(result)).toBe("Hello!")
    expect(s.stub.calls("/log-request")).toHaveLength(4)
    expect(s.warnings).toHaveLength(1)
    expect(s.warnings[0]).toContain("could not log the openai request")
  })

  it("keeps every streamed chunk when logging hangs past the timeout", async () => {
    const s = await setup({ timeoutMs: 50 })
    stub = s.stub
    s.stub.fail("/log-request", "hang", "hang", "hang", "hang")
    const texts: (string | undefined)[] = []
    let last: RunResult | undefined
    for await (const item of await s.pl.run({
      promptName: "greet",
      inputVariables: { name: "Ada" },
      stream: true,
    })) {
      texts.push(replyText(item))
      last = item
    }
    expect(texts).toEqual(["Hel", "Hello", "Hello!"])
    expect(last?.request_id).toBeNull()
    expect(s.warnings[0]).toContain("PromptLayerAPITimeoutError")
  })

  it("keeps the response when the connection to PromptLayer resets on every attempt", async () => {
    const s = await setup()
    stub = s.stub
    s.stub.fail("/log-request", "reset", "reset", "reset", "reset")
    const result = await s.pl.run({ promptName: "greet", inputVariables: { name: "Ada" } })
    expect(replyText(result)).toBe("Hello!")
    expect(s.warnings[0]).toContain("PromptLayerAPIConnectionError")
  })
})

describe("template fetch faults", () => {
  it("retries 429 then succeeds", async () => {
    const s = await setup()
    stub = s.stub
    s.stub.fail("/prompt-templates/greet", { status: 429, headers: { "retry-after": "0" } })
    await expect(s.pl.run({ promptName: "greet", inputVariables: { name: "Ada" } })).resolves.toMatchObject({
      request_id: expect.any(Number),
    })
    expect(s.stub.calls("/prompt-templates/greet")).toHaveLength(2)
  })

  it("fails after four 503s without calling the provider", async () => {
    const s = await setup()
    stub = s.stub
    s.stub.fail("/prompt-templates/greet", ...Array(4).fill({ status: 503 }))
    await expect(s.pl.run({ promptName: "greet", inputVariables: { name: "Ada" } })).rejects.toBeInstanceOf(
      PromptLayerInternalServerError,
    )
    expect(s.stub.calls("/prompt-templates/greet")).toHaveLength(4)
    expect(s.openai.sent).toHaveLength(0)
  })

  it("reports a hang as a timeout, a reset or a refused port as a connection error saying why, and malformed JSON as a status error", async () => {
    const s = await setup({ timeoutMs: 50 })
    stub = s.stub
    s.stub.fail("/prompt-templates/greet", "hang", "hang", "hang", "hang")
    await expect(s.pl.templates.get("greet")).rejects.toBeInstanceOf(PromptLayerAPITimeoutError)
    s.stub.fail("/prompt-templates/greet", "reset", "reset", "reset", "reset")
    const reset = await s.pl.templates.get("greet").catch((e: unknown) => e)
    expect(reset).toBeInstanceOf(PromptLayerAPIConnectionError)
    // The message says what went wrong below fetch's own "fetch failed".
    expect((reset as Error).message).toMatch(
      /^Could not reach the PromptLayer API for POST \/prompt-templates\/greet: fetch failed \(\w+\)$/,
    )
    // fetch refuses some ports outright (6000 is X11's), with no error code.
    const refused = await setup({ baseURL: "http://127.0.0.1:6000", timeoutMs: 50 })
    await refused.stub.close()
    await expect(refused.pl.templates.get("greet")).rejects.toThrow(
      "Could not reach the PromptLayer API for POST /prompt-templates/greet: fetch failed (bad port)",
    )
    s.stub.fail("/prompt-templates/greet", "malformed")
    await expect(s.pl.templates.get("greet")).rejects.toBeInstanceOf(PromptLayerAPIStatusError)
  })
})

describe("no unhandled rejection", () => {
  it("leaves none behind across every fault", async () => {
    const unhandled: unknown[] = []
    const onUnhandled = (reason: unknown) => unhandled.push(reason)
    process.on("unhandledRejection", onUnhandled)
    try {
      const s = await setup({ timeoutMs: 30 })
      stub = s.stub
      s.stub.fail("/log-request", "hang", "reset", { status: 500 }, "malformed")
      s.openai.behave({ chunks: [{ delta: "a" }, { delta: "b" }], cutAfter: 1 })
      const stream = await s.pl.run({ promptName: "greet", inputVariables: { name: "Ada" }, stream: true })
      await expect(
        (async () => {
          for await (const _ of stream) {
          }
        })(),
      ).rejects.toThrow("socket hang up")
      await new Promise((resolve) => setTimeout(resolve, 50))
      expect(unhandled).toEqual([])
    } finally {
      process.off("unhandledRejection", onUnhandled)
    }
  })
})
