import {
  BedrockRuntimeClient,
  ConverseCommand,
  ConverseStreamCommand,
  CountTokensCommand,
} from "@aws-sdk/client-bedrock-runtime"
import { CohereClient, CohereClientV2 } from "cohere-ai"
import OpenAI from "openai"
import { describe, expect, it } from "vitest"
import { detectSdk, SDKS } from "./sdk-calls.js"

const bedrockSend = SDKS.find((sdk) => sdk.name === "bedrock")!.calls[0]!

describe("detectSdk", () => {
  it("tells the SDKs apart by their clients' methods", () => {
    expect(detectSdk(new OpenAI({ apiKey: "sk-test" }))?.name).toBe("openai")
    expect(detectSdk(new BedrockRuntimeClient({ region: "us-east-1" }))?.name).toBe("bedrock")
    expect(detectSdk({ chat: { completions: {} } })).toBeUndefined()
  })

  it("wraps Cohere's v2 API (CohereClientV2, or a CohereClient's v2), never CohereClient's v1 chat", () => {
    expect(detectSdk(new CohereClientV2({ token: "t" }))?.name).toBe("cohere")
    expect(detectSdk(new CohereClient({ token: "t" }).v2)?.name).toBe("cohere")
    expect(detectSdk(new CohereClient({ token: "t" }))).toBeUndefined()
  })
})

describe("Bedrock send", () => {
  const input = { modelId: "m", messages: [{ role: "user" as const, content: [{ text: "Hi" }] }] }

  it("reads Converse and ConverseStream, with the PromptLayer options in send's options", () => {
    const command = new ConverseStreamCommand(input)
    const shape = bedrockSend.read([command, { abortSignal: undefined, pl_tags: ["a"] }])
    expect(shape).toEqual({
      args: [command, { abortSignal: undefined }],
      request: input,
      options: { pl_tags: ["a"], pl_metadata: undefined, return_pl_id: undefined },
      stream: true,
    })
    expect(bedrockSend.read([new ConverseCommand(input)])?.stream).toBe(false)
  })

  it("passes other commands and the callback forms through", () => {
    expect(
      bedrockSend.read([new CountTokensCommand({ modelId: "m", input: { converse: {} } })]),
    ).toBeUndefined()
    expect(bedrockSend.read([new ConverseCommand(input), () => {}])).toBeUndefined()
    expect(bedrockSend.read([new ConverseCommand(input), {}, () => {}])).toBeUndefined()
  })
})
