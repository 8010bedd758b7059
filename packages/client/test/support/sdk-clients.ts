/**
 * The six provider SDKs' own clients, pointed at the local provider servers of `provider-stubs.ts`, and
 * one model call each, streamed or not, as a user of that SDK writes it.
 */
import Anthropic from "@anthropic-ai/sdk"
import { BedrockRuntimeClient, ConverseCommand, ConverseStreamCommand } from "@aws-sdk/client-bedrock-runtime"
import { GoogleGenAI } from "@google/genai"
import { Mistral } from "@mistralai/mistralai"
import { NodeHttpHandler } from "@smithy/node-http-handler"
import { CohereClientV2 } from "cohere-ai"
import OpenAI from "openai"
import type { PromptLayerCallOptions } from "../../src/index.js"
import { PROVIDER_CASES, type ProviderCase } from "./provider-stubs.js"

export const SYSTEM = "Answer briefly."
export const QUESTION = "Tell me about tides."

export interface SdkCase {
  /** The provider case whose recorded responses the server replays. */
  provider: ProviderCase
  sdk: string
  /** A client of the SDK, sending to `baseURL`. */
  client(serverUrl: string): object
  /**
   * One model call on `client` (wrapped or not), with the PromptLayer options merged in where the SDK
   * call takes them. Returns what the SDK call returns.
   */
  call(client: object, stream: boolean, options?: PromptLayerCallOptions): unknown
  /** The request the adapter converts (what the SDK was given, without PromptLayer options). */
  request(stream: boolean): unknown
  /** The chunks of a streamed result. */
  chunks(result: unknown): AsyncIterable<unknown>
}

const caseOf = (provider: string, apiType?: string) =>
  PROVIDER_CASES.find((c) => c.provider === provider && c.apiType === apiType)!

const chatMessages = [
  { role: "system" as const, content: SYSTEM },
  { role: "user" as const, content: QUESTION },
]

// The calls below hand each SDK method exactly its documented arguments; the casts only say which
// SDK's client this is (the table is written once for all six).
const asOpenAI = (client: object) => client as OpenAI
const iterable = (result: unknown) => result as AsyncIterable<unknown>

export const SDK_CASES: SdkCase[] = [
  {
    provider: caseOf("openai"),
    sdk: "openai chat.completions",
    client: (url) => new OpenAI({ apiKey: "sk-LEAKCHECK", baseURL: `${url}/v1`, maxRetries: 0 }),
    request: (stream) => ({ model: "gpt-4.1-nano", messages: chatMessages, ...(stream && { stream }) }),
    call(client, stream, options = {}) {
      return asOpenAI(client).chat.completions.create({
        ...(this.request(stream) as OpenAI.ChatCompletionCreateParams),
        ...options,
      } as OpenAI.ChatCompletionCreateParams)
    },
    chunks: iterable,
  },
  {
    provider: caseOf("openai", "responses"),
    sdk: "openai responses",
    client: (url) => new OpenAI({ apiKey: "sk-LEAKCHECK", baseURL: `${url}/v1`, maxRetries: 0 }),
    request: (stream) => ({
      model: "gpt-5",
      instructions: SYSTEM,
      input: QUESTION,
      ...(stream && { stream }),
    }),
    call(client, stream, options = {}) {
      return asOpenAI(client).responses.create({
        ...(this.request(stream) as OpenAI.Responses.ResponseCreateParams),
        ...options,
      } as OpenAI.Responses.ResponseCreateParams)
    },
    chunks: iterable,
  },
  {
    provider: caseOf("anthropic"),
    sdk: "@anthropic-ai/sdk",
    client: (url) => new Anthropic({ apiKey: "sk-ant-LEAKCHECK", baseURL: url, maxRetries: 0 }),
    request: (stream) => ({
      model: "claude-sonnet-5",
      max_tokens: 300,
      system: SYSTEM,
      messages: [{ role: "user", content: QUESTION }],
      ...(stream && { stream }),
    }),
    call(client, stream, options = {}) {
      return (client as Anthropic).messages.create({
        ...(this.request(stream) as Anthropic.MessageCreateParams),
        ...options,
      } as Anthropic.MessageCreateParams)
    },
    chunks: iterable,
  },
  {
    provider: caseOf("google"),
    sdk: "@google/genai",
    client: (url) => new GoogleGenAI({ apiKey: "google-LEAKCHECK", httpOptions: { baseUrl: url } }),
    request: () => ({
      model: "gemini-2.5-flash",
      contents: [{ role: "user", parts: [{ text: QUESTION }] }],
      config: { systemInstruction: SYSTEM },
    }),
    call(client, stream, options = {}) {
      const models = (client as GoogleGenAI).models
      const params = { ...(this.request(stream) as Parameters<typeof models.generateContent>[0]), ...options }
      return stream ? models.generateContentStream(params) : models.generateContent(params)
    },
    chunks: iterable,
  },
  {
    provider: caseOf("amazon.bedrock"),
    sdk: "@aws-sdk/client-bedrock-runtime",
    client: (url) =>
      new BedrockRuntimeClient({
        region: "us-east-1",
        endpoint: url,
        credentials: { accessKeyId: "AKIDLOCALTEST", secretAccessKey: "local-test-secret-LEAKCHECK" },
        // The SDK speaks HTTP/2 by default; the local server speaks HTTP/1.1.
        requestHandler: new NodeHttpHandler(),
      }),
    request: () => ({
      modelId: caseOf("amazon.bedrock").model,
      system: [{ text: SYSTEM }],
      messages: [{ role: "user", content: [{ text: QUESTION }] }],
    }),
    call(client, stream, options) {
      const input = this.request(stream) as ConstructorParameters<typeof ConverseCommand>[0]
      const command = stream ? new ConverseStreamCommand(input) : new ConverseCommand(input)
      // Bedrock's options are `send`'s second argument.
      return (client as BedrockRuntimeClient).send(command as ConverseCommand, options as object)
    },
    chunks: (result) => (result as { stream: AsyncIterable<unknown> }).stream,
  },
  {
    provider: caseOf("mistral"),
    sdk: "@mistralai/mistralai",
    client: (url) => new Mistral({ apiKey: "mistral-LEAKCHECK", serverURL: url }),
    request: () => ({ model: "mistral-small-latest", messages: chatMessages }),
    call(client, stream, options = {}) {
      const chat = (client as Mistral).chat
      const request = { ...(this.request(stream) as Parameters<typeof chat.complete>[0]), ...options }
      return stream ? chat.stream(request) : chat.complete(request)
    },
    chunks: iterable,
  },
  {
    provider: caseOf("cohere"),
    sdk: "cohere-ai",
    client: (url) => new CohereClientV2({ token: "cohere-LEAKCHECK", baseUrl: url }),
    request: () => ({ model: "command-a-03-2025", messages: chatMessages }),
    call(client, stream, options = {}) {
      const cohere = client as CohereClientV2
      const request = { ...(this.request(stream) as Parameters<typeof cohere.chat>[0]), ...options }
      return stream ? cohere.chatStream(request) : cohere.chat(request)
    },
    chunks: iterable,
  },
]
