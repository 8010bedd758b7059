import type { ProviderId } from "../providers.js"
import { type PromptLayerCallOptions, takeCallOptions } from "./call-options.js"

/** One model call, as read from its arguments. */
export interface CallShape {
  /** The arguments the SDK gets: the call's own, without the PromptLayer options. */
  args: unknown[]
  /** The provider request, as the adapter's `fromRequest` takes it. */
  request: unknown
  options: PromptLayerCallOptions
  stream: boolean
}

/** A method of an SDK client that calls a model, found by its path from the client. */
export interface ModelCall {
  /** E.g. `["chat", "completions", "create"]`. */
  path: readonly string[]
  provider: ProviderId
  /** `undefined` when this call is not a model call after all (Bedrock `send` with another command). */
  read(args: readonly unknown[]): CallShape | undefined
  /** Where the chunks are in a streaming call's result; default: the result itself. */
  streamOf?: (result: unknown) => unknown
  /** The method returns an Anthropic `MessageStream` (events and a final message) synchronously. */
  messageStream?: boolean
}

/** A supported SDK: how to recognise its client, and its model calls. */
export interface Sdk {
  name: string
  detect(client: object): boolean
  calls: readonly ModelCall[]
}

/** The request is the first argument, and carries the PromptLayer options. */
function firstArgument(stream: (request: unknown) => boolean) {
  return (args: readonly unknown[]): CallShape => {
    const { params, options } = takeCallOptions(args[0])
    return { args: [params, ...args.slice(1)], request: params, options, stream: stream(params) }
  }
}

const streamFlag = (request: unknown) =>
  request !== null && typeof request === "object" && (request as { stream?: unknown }).stream === true
const always = () => true
const never = () => false

const call = (
  path: readonly string[],
  provider: ProviderId,
  stream: (request: unknown) => boolean,
  extra: Partial<ModelCall> = {},
): ModelCall => ({ path, provider, read: firstArgument(stream), ...extra })

/** The value at a path, when it is a function. */
function methodAt(client: object, path: readonly string[]): unknown {
  let value: unknown = client
  for (const key of path) {
    if (value === null || (typeof value !== "object" && typeof value !== "function")) return undefined
    value = (value as Record<string, unknown>)[key]
  }
  return typeof value === "function" ? value : undefined
}

const has =
  (...path: string[]) =>
  (client: object) =>
    methodAt(client, path) !== undefined

/**
 * The operation a Bedrock command runs (`Converse`, `ConverseStream`, ...). Commands are told apart by
 * class name, and by the operation in their schema when a minifier renamed the classes
 * (`@aws-sdk/client-bedrock-runtime` 3.x: `schema[2]`, e.g. `"Converse"`).
 */
function bedrockOperation(command: unknown): string | undefined {
  if (command === null || typeof command !== "object") return undefined
  const name = command.constructor?.name
  if (name === "ConverseCommand" || name === "ConverseStreamCommand") return name.slice(0, -"Command".length)
  const schema = (command as { schema?: unknown }).schema
  return Array.isArray(schema) && typeof schema[2] === "string" ? schema[2] : undefined
}

const bedrockSend: ModelCall = {
  path: ["send"],
  provider: "amazon.bedrock",
  // `send(command, options?)`; the callback forms are passed through untouched.
  read(args) {
    const [command, second, ...rest] = args
    const operation = bedrockOperation(command)
    if ((operation !== "Converse" && operation !== "ConverseStream") || rest.length > 0) return undefined
    if (typeof second === "function") return undefined
    const { params, options } = takeCallOptions(second)
    return {
      args: second === undefined ? [command] : [command, params],
      request: (command as { input?: unknown }).input,
      options,
      stream: operation === "ConverseStream",
    }
  },
  streamOf: (output) =>
    output !== null && typeof output === "object" ? (output as { stream?: unknown }).stream : undefined,
}

/**
 * The SDKs `wrap()` knows, first match wins. Each SDK's model calls are the ones its adapter converts;
 * the client's other methods (files, models, embeddings, ...) pass through untouched.
 */
export const SDKS: readonly Sdk[] = [
  {
    // `BedrockRuntimeClient`: a Smithy client, `send(command)`.
    name: "bedrock",
    detect: (client) =>
      has("send")(client) && typeof (client as { middlewareStack?: unknown }).middlewareStack === "object",
    calls: [bedrockSend],
  },
  {
    // `OpenAI`, `AzureOpenAI`.
    name: "openai",
    detect: (client) => has("chat", "completions", "create")(client) || has("responses", "create")(client),
    calls: [
      call(["chat", "completions", "create"], "openai", streamFlag),
      call(["responses", "create"], "openai.responses", streamFlag),
    ],
  },
  {
    // `Anthropic`, and its Bedrock and Vertex AI clients, which share `messages`.
    name: "anthropic",
    detect: has("messages", "create"),
    calls: [
      call(["messages", "create"], "anthropic", streamFlag),
      call(["messages", "stream"], "anthropic", always, { messageStream: true }),
    ],
  },
  {
    name: "google",
    detect: has("models", "generateContent"),
    calls: [
      call(["models", "generateContent"], "google", never),
      call(["models", "generateContentStream"], "google", always),
    ],
  },
  {
    name: "mistral",
    detect: has("chat", "complete"),
    calls: [call(["chat", "complete"], "mistral", never), call(["chat", "stream"], "mistral", always)],
  },
  {
    // `CohereClientV2`, or the `v2` of a `CohereClient` (whose own `chat` is the v1 API, which no
    // adapter speaks: it is not taken for a v2 client).
    name: "cohere",
    detect: (client) => has("chatStream")(client) && !("v2" in client),
    calls: [call(["chat"], "cohere", never), call(["chatStream"], "cohere", always)],
  },
]

/**
 * The SDK a client belongs to, by what it has.
 *
 * @example
 * detectSdk(new OpenAI())?.name // "openai"
 */
export function detectSdk(client: object): Sdk | undefined {
  return SDKS.find((sdk) => sdk.detect(client))
}
