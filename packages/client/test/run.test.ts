import { type AssistantMessage, type ChatTemplate, isKnownContent } from "@pl/blueprint"
import { afterEach, describe, expect, it } from "vitest"
import { PromptLayerValidationError, type RunResult } from "../src/index.js"
import { fakeAdapter, providerError } from "./support/fake-adapter.js"
import type { PromptLayerStub } from "./support/promptlayer-stub.js"
import { greetTemplate, setup } from "./support/setup.js"

let stub: PromptLayerStub | undefined
afterEach(async () => {
  await stub?.close()
  stub = undefined
})

const lastText = (result: RunResult) => {
  const template = result.prompt_blueprint.prompt_template as ChatTemplate
  const reply = template.messages.at(-1) as AssistantMessage
  return reply.content?.map((p) => (isKnownContent(p) && p.type === "text" ? p.text : "")).join("")
}

describe("run()", () => {
  it("renders, sends with the adapter, logs input and output, and returns the conversation", async () => {
    const s = await setup()
    stub = s.stub
    const result = await s.pl.run({
      promptName: "greet",
      inputVariables: { name: "Ada" },
      tags: ["test"],
      metadata: { user: "42" },
    })
    expect(s.openai.sent[0]?.request).toMatchObject({
      model: "gpt-4o-mini",
      messages: [
        { role: "system", text: "You greet people." },
        { role: "user", text: "Greet Ada" },
      ],
      stream: false,
    })
    expect(result.raw_response).toEqual({ text: "Hello!", input_tokens: 5, output_tokens: 2 })
    expect(result.request_id).toBeTypeOf("number")
    const messages = (result.prompt_blueprint.prompt_template as ChatTemplate).messages
    expect(messages.map((m) => m.role)).toEqual(["system", "user", "assistant"])
    expect(lastText(result)).toBe("Hello!")
    expect(result.prompt_blueprint.metadata?.model).toMatchObject({ provider: "openai", name: "gpt-4o-mini" })

    const [log] = s.stub.logs
    expect(log).toMatchObject({
      provider: "openai",
      model: "gpt-4o-mini",
      function_name: "openai.chat.completions.create",
      status: "SUCCESS",
      input_tokens: 5,
      output_tokens: 2,
      tags: ["test"],
      metadata: { user: "42" },
      prompt_name: "greet",
      prompt_version_number: 1,
      prompt_input_variables: { name: "Ada" },
      parameters: { temperature: 0.3, logit_bias: { "50256": -100 } },
      output: {
        type: "chat",
        messages: [{ role: "assistant", content: [{ type: "text", text: "Hello!" }] }],
      },
    })
    expect((log!.input as ChatTemplate).messages[1]?.content).toEqual([{ type: "text", text: "Greet Ada" }])
    expect(log?.prompt_id).toBeTypeOf("number")
    expect(Date.parse(log?.request_start_time as string)).toBeLessThanOrEqual(
      Date.parse(log?.request_end_time as string),
    )
    expect(log).not.toHaveProperty("error_type")
  })

  it("selects a version by label and applies parameter overrides", async () => {
    const s = await setup()
    stub = s.stub
    await s.pl.run({
      promptName: "greet",
      promptReleaseLabel: "prod",
      inputVariables: { name: "Ada" },
      modelParameterOverrides: { temperature: 1 },
    })
    expect(JSON.parse(s.stub.calls("/prompt-templates/greet")[0]?.body ?? "{}")).toMatchObject({
      label: "prod",
    })
    expect(s.openai.sent[0]?.request.parameters).toMatchObject({ temperature: 1 })
    expect(s.stub.logs[0]?.parameters).toMatchObject({ temperature: 1 })
  })

  it("runs on another provider and model, keeping only the portable parameters", async () => {
    const s = await setup()
    stub = s.stub
    const result = await s.pl.run({
      promptName: "greet",
      inputVariables: { name: "Ada" },
      provider: "anthropic",
      model: "claude-sonnet-5",
    })
    expect(s.openai.sent).toHaveLength(0)
    expect(s.anthropic.sent[0]?.request).toMatchObject({
      model: "claude-sonnet-5",
      parameters: { temperature: 0.3 },
    })
    expect(s.anthropic.sent[0]?.request.parameters).not.toHaveProperty("logit_bias")
    expect(s.stub.logs[0]).toMatchObject({
      provider: "anthropic",
      model: "claude-sonnet-5",
      function_name: "anthropic.messages.create",
    })
    expect(result.prompt_blueprint.metadata?.model?.provider).toBe("anthropic")
  })

  it("takes a provider named another way (OpenAI, bedrock) as the template's own: its model and parameters kept", async () => {
    const s = await setup()
    stub = s.stub
    await s.pl.run({ promptName: "greet", inputVariables: { name: "Ada" }, provider: "OpenAI" })
    expect(s.openai.sent[0]?.request).toMatchObject({
      model: "gpt-4o-mini",
      parameters: { temperature: 0.3, logit_bias: { "50256": -100 } },
    })
    expect(s.stub.logs[0]?.provider).toBe("openai")

    const bedrock = fakeAdapter("amazon.bedrock")
    await s.stub.close()
    const b = await setup({ adapters: [bedrock.adapter] })
    stub = b.stub
    const metadata = { model: { provider: "amazon.bedrock", name: "amazon.nova-lite-v1:0", parameters: {} } }
    b.stub.addPrompt("greet-nova", [{ prompt_template: greetTemplate, metadata, commit_message: null }])
    await b.pl.run({ promptName: "greet-nova", inputVariables: { name: "Ada" }, provider: "bedrock" })
    expect(bedrock.sent[0]?.request.model).toBe("amazon.nova-lite-v1:0")
  })

  it("refuses missing input variables before calling anyone", async () => {
    const s = await setup()
    stub = s.stub
    const error = await s.pl.run({ promptName: "greet" }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PromptLayerValidationError)
    expect((error as PromptLayerValidationError).issues.map((i) => i.path)).toEqual(["inputVariables.name"])
    expect((error as PromptLayerValidationError).message).toBe(
      "Missing input variable: name (used in prompt_template.messages[1].content[0]). Pass each in inputVariables, or create the client with { lenientVariables: true } to leave missing variables empty.",
    )
    expect(s.openai.sent).toHaveLength(0)
    expect(s.stub.logs).toHaveLength(0)
  })

  it("refuses, naming the field, a switch of provider without a model, an unknown provider and a prompt without one", async () => {
    const s = await setup()
    stub = s.stub
    s.stub.addPrompt("bare", [{ prompt_template: greetTemplate, metadata: null, commit_message: null }])
    const inputVariables = { name: "Ada" }
    // The template's model is an OpenAI one: on Anthropic, run() needs a model of Anthropic's.
    const noModel = await s.pl
      .run({ promptName: "greet", inputVariables, provider: "anthropic" })
      .catch((e: unknown) => e)
    expect(noModel).toBeInstanceOf(PromptLayerValidationError)
    expect((noModel as PromptLayerValidationError).message).toBe(
      'Prompt "greet" names a model for openai, not for anthropic: pass model, or set metadata.model.name',
    )
    expect((noModel as PromptLayerValidationError).issues.map((i) => i.path)).toEqual(["metadata.model.name"])
    const unknown = await s.pl
      .run({ promptName: "greet", inputVariables, provider: "nope" })
      .catch((e: unknown) => e)
    expect((unknown as PromptLayerValidationError).message).toMatch(
      /^Unknown provider "nope": expected one of /,
    )
    expect((unknown as PromptLayerValidationError).issues.map((i) => i.path)).toEqual(["provider"])
    const noProvider = await s.pl.run({ promptName: "bare", inputVariables }).catch((e: unknown) => e)
    expect(noProvider).toBeInstanceOf(PromptLayerValidationError)
    expect((noProvider as PromptLayerValidationError).issues.map((i) => i.path)).toEqual([
      "metadata.model.provider",
    ])
    expect(s.openai.sent).toHaveLength(0)
    expect(s.anthropic.sent).toHaveLength(0)
    expect(s.stub.logs).toHaveLength(0)
  })

  it("prints non-string variables as PromptLayer does, rather than rejecting them", async () => {
    const s = await setup()
    stub = s.stub
    await s.pl.run({ promptName: "greet", inputVariables: { name: 3 } })
    expect(s.openai.sent[0]?.request.messages[1]?.text).toBe("Greet 3")
  })

  it("ties the request to a group when groupId is given", async () => {
    const s = await setup()
    stub = s.stub
    const groupId = await s.pl.group.create()
    const result = await s.pl.run({
      promptName: "greet",
      inputVariables: { name: "Ada" },
      groupId: groupId ?? 0,
    })
    const [call] = s.stub.calls("/rest/track-group")
    expect(JSON.parse(call?.body ?? "{}")).toEqual({
      request_id: result.request_id,
      group_id: groupId,
      api_key: s.stub.apiKey,
    })
  })

  it("logs a provider error with its error_type and rethrows it unchanged", async () => {
    const cases = [
      [providerError("RateLimitError", 429, "Too Many Requests"), "PROVIDER_RATE_LIMIT"],
      [providerError("AuthenticationError", 401, "bad key"), "PROVIDER_AUTH_ERROR"],
      [providerError("APIConnectionTimeoutError", undefined, "Request timed out."), "PROVIDER_TIMEOUT"],
      [providerError("ThrottlingException", undefined, "Rate exceeded"), "PROVIDER_RATE_LIMIT"],
      [providerError("InternalServerError", 500, "boom"), "PROVIDER_ERROR"],
      [new Error("something odd"), "UNKNOWN_ERROR"],
    ] as const
    const s = await setup()
    stub = s.stub
    for (const [error, type] of cases) {
      s.openai.behave({ error })
      await expect(s.pl.run({ promptName: "greet", inputVariables: { name: "Ada" } })).rejects.toBe(error)
      expect(s.stub.logs.at(-1)).toMatchObject({
        status: "ERROR",
        error_type: type,
        error_message: `${error.name}: ${error.message}`,
        output: { type: "chat", messages: [{ role: "assistant", content: [] }] },
      })
    }
  })
})

describe("run({ stream: true })", () => {
  it("yields one result per chunk, the blueprint growing, request_id on the last only", async () => {
    const s = await setup()
    stub = s.stub
    const results: RunResult[] = []
    for await (const item of await s.pl.run({
      promptName: "greet",
      inputVariables: { name: "Ada" },
      stream: true,
    })) {
      results.push(item)
    }
    expect(results.map((r) => r.raw_response)).toEqual([{ delta: "Hel" }, { delta: "lo" }, { delta: "!" }])
    expect(results.map(lastText)).toEqual(["Hel", "Hello", "Hello!"])
    expect(results.map((r) => r.request_id === null)).toEqual([true, true, false])
    expect(results.at(-1)?.request_id).toBeTypeOf("number")
    expect(s.openai.sent[0]?.request.stream).toBe(true)
    expect(s.stub.logs[0]).toMatchObject({
      status: "SUCCESS",
      output: { messages: [{ role: "assistant", content: [{ type: "text", text: "Hello!" }] }] },
    })
  })

  it("keeps what arrived when the stream is cut, logs it as a partial response, then throws", async () => {
    const s = await setup()
    stub = s.stub
    const cut = providerError("APIConnectionError", undefined, "socket hang up")
    s.openai.behave({
      chunks: [{ delta: "Hel" }, { delta: "lo" }, { delta: "!" }],
      cutAfter: 2,
      cutError: cut,
    })
    const results: RunResult[] = []
    const error = await (async () => {
      for await (const item of await s.pl.run({
        promptName: "greet",
        inputVariables: { name: "Ada" },
        stream: true,
      }))
        results.push(item)
    })().catch((e: unknown) => e)
    expect(error).toBe(cut)
    expect(results.map(lastText)).toEqual(["Hel", "Hello"])
    expect(results.at(-1)?.request_id).toBeTypeOf("number")
    expect(s.stub.logs[0]).toMatchObject({
      status: "ERROR",
      error_type: "PROVIDER_PARTIAL_RESPONSE",
      output: { messages: [{ content: [{ type: "text", text: "Hello" }] }] },
    })
    expect(s.openai.closedStreams()).toBe(1)
  })

  it("closes the provider stream and logs a warning when the consumer stops early", async () => {
    const s = await setup()
    stub = s.stub
    s.openai.behave({ chunks: [{ delta: "a" }, { delta: "b" }, { delta: "c" }, { delta: "d" }] })
    for await (const item of await s.pl.run({
      promptName: "greet",
      inputVariables: { name: "Ada" },
      stream: true,
    })) {
      if (lastText(item) === "ab") break
    }
    expect(s.openai.closedStreams()).toBe(1)
    expect(s.stub.logs).toHaveLength(1)
    expect(s.stub.logs[0]).toMatchObject({
      status: "WARNING",
      error_type: "PROVIDER_PARTIAL_RESPONSE",
      output: { messages: [{ content: [{ type: "text", text: "abc" }] }] },
    })
  })

  it("logs and rethrows when the provider refuses the stream", async () => {
    const s = await setup()
    stub = s.stub
    const error = providerError("RateLimitError", 429, "slow down")
    s.openai.behave({ error })
    const stream = await s.pl.run({ promptName: "greet", inputVariables: { name: "Ada" }, stream: true })
    await expect(stream[Symbol.asyncIterator]().next()).rejects.toBe(error)
    expect(s.stub.logs[0]).toMatchObject({ status: "ERROR", error_type: "PROVIDER_RATE_LIMIT" })
  })
})
