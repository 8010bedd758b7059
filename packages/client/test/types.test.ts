/**
 * Typed results. These assertions are checked by the compiler (`npx tsc -p tsconfig.json` fails when
 * one does not hold); the calls inside the arrow functions are never made.
 */
import Anthropic from "@anthropic-ai/sdk"
import {
  BedrockRuntimeClient,
  ConverseCommand,
  type ConverseCommandOutput,
  ConverseStreamCommand,
  type ConverseStreamCommandOutput,
} from "@aws-sdk/client-bedrock-runtime"
import type { ChatTemplate, CompletionTemplate, PromptTemplate } from "@pl/blueprint"
import OpenAI from "openai"
import { describe, expectTypeOf, it } from "vitest"
import {
  type LogRequestBody,
  type LogRequestResponse,
  PromptLayer,
  type RunResult,
  type TemplateResponse,
  type WorkflowResults,
} from "../src/index.js"

const pl = new PromptLayer({ apiKey: "pl_types", baseURL: "http://127.0.0.1:9" })
const messages = [{ role: "user" as const, content: "Hi" }]

describe("typed results", () => {
  it("run() returns an async iterable exactly when stream is set", () => {
    expectTypeOf(() => pl.run({ promptName: "greet" })).returns.resolves.toEqualTypeOf<RunResult>()
    expectTypeOf(() => pl.run({ promptName: "greet", stream: true })).returns.resolves.toEqualTypeOf<
      AsyncIterable<RunResult>
    >()
    expectTypeOf(() =>
      pl.run({ promptName: "greet", stream: Math.random() > 0.5 }),
    ).returns.resolves.toEqualTypeOf<RunResult | AsyncIterable<RunResult>>()
  })

  it("run()'s blueprint is a chat: its messages can be read without narrowing", () => {
    expectTypeOf<RunResult["prompt_blueprint"]["prompt_template"]>().toEqualTypeOf<ChatTemplate>()
    expectTypeOf<RunResult["prompt_blueprint"]["prompt_template"]["messages"]>().toEqualTypeOf<
      ChatTemplate["messages"]
    >()
  })

  it("templates.get() returns the blueprint's types, null only when errors do not throw", () => {
    expectTypeOf(() => pl.templates.get("greet")).returns.resolves.toEqualTypeOf<TemplateResponse>()
    const lenient = new PromptLayer({ apiKey: "pl_types", throwOnError: false })
    expectTypeOf(() =>
      lenient.templates.get("greet"),
    ).returns.resolves.toEqualTypeOf<TemplateResponse | null>()
    expectTypeOf(() => lenient.group.create()).returns.resolves.toEqualTypeOf<number | null>()
    const either = new PromptLayer({ apiKey: "pl_types", throwOnError: Math.random() > 0.5 })
    expectTypeOf(() =>
      either.logRequest({} as LogRequestBody),
    ).returns.resolves.toEqualTypeOf<LogRequestResponse | null>()
    expectTypeOf<TemplateResponse["prompt_template"]>().toEqualTypeOf<PromptTemplate>()
    expectTypeOf<PromptTemplate>().toEqualTypeOf<ChatTemplate | CompletionTemplate>()
  })

  it("runWorkflow() returns every node's result with returnAllOutputs", () => {
    expectTypeOf(() =>
      pl.runWorkflow({ workflowName: "w", returnAllOutputs: true }),
    ).returns.resolves.toEqualTypeOf<WorkflowResults>()
    expectTypeOf(() => pl.runWorkflow({ workflowName: "w" })).returns.resolves.toEqualTypeOf<unknown>()
  })

  it("a wrapped client has its SDK's type, and its model calls take the PromptLayer options", () => {
    const openai = pl.wrap(new OpenAI({ apiKey: "sk-types" }))
    expectTypeOf(openai).toExtend<OpenAI>()
    expectTypeOf(() =>
      openai.chat.completions.create({ model: "m", messages }),
    ).returns.resolves.toEqualTypeOf<OpenAI.ChatCompletion & { _request_id?: string | null | undefined }>()
    expectTypeOf(() =>
      openai.chat.completions.create({ model: "m", messages, stream: true, pl_tags: ["a"] }),
    ).returns.resolves.toExtend<AsyncIterable<OpenAI.ChatCompletionChunk>>()
    expectTypeOf(() =>
      openai.chat.completions.create({
        model: "m",
        messages,
        return_pl_id: true,
        pl_metadata: { user: "42" },
      }),
    ).returns.resolves.toEqualTypeOf<
      [OpenAI.ChatCompletion & { _request_id?: string | null | undefined }, number | null]
    >()
    expectTypeOf(() =>
      openai.chat.completions.create({ model: "m", messages, stream: true, return_pl_id: true }),
    ).returns.resolves.toExtend<[AsyncIterable<OpenAI.ChatCompletionChunk>, Promise<number | null>]>()
    const numbers = [1]
    // @ts-expect-error pl_tags are strings
    expectTypeOf(() => openai.chat.completions.create({ model: "m", messages, pl_tags: numbers }))

    const anthropic = pl.anthropic(new Anthropic({ apiKey: "sk-types" }))
    expectTypeOf(() =>
      anthropic.messages.create({ model: "m", max_tokens: 1, messages, return_pl_id: true }),
    ).returns.resolves.toExtend<[Anthropic.Message, number | null]>()

    const bedrock = pl.wrap(new BedrockRuntimeClient({ region: "us-east-1" }))
    expectTypeOf(() =>
      bedrock.send(new ConverseCommand({ modelId: "m" })),
    ).returns.resolves.toEqualTypeOf<ConverseCommandOutput>()
    expectTypeOf(() =>
      bedrock.send(new ConverseCommand({ modelId: "m" }), { return_pl_id: true }),
    ).returns.resolves.toEqualTypeOf<[ConverseCommandOutput, number | null]>()
    expectTypeOf(() =>
      bedrock.send(new ConverseStreamCommand({ modelId: "m" }), { pl_tags: ["a"], return_pl_id: true }),
    ).returns.resolves.toEqualTypeOf<[ConverseStreamCommandOutput, Promise<number | null>]>()
  })

  it("a wrapped class constructs wrapped clients", () => {
    const WrappedOpenAI = pl.openai(OpenAI)
    expectTypeOf(() =>
      new WrappedOpenAI().responses.create({ model: "m", input: "Hi", return_pl_id: true }),
    ).returns.resolves.toExtend<[OpenAI.Responses.Response, number | null]>()
    const anthropic = new Anthropic({ apiKey: "sk-types" })
    // @ts-expect-error an Anthropic client is not an OpenAI client
    expectTypeOf(() => pl.openai(anthropic))
  })
})
