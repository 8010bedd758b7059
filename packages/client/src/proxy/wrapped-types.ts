/**
 * The type of a wrapped SDK client: the client's own type (so it goes wherever the client went), with the
 * model-call methods also taking the PromptLayer options. Written against the shape of the SDKs, not
 * their types, so that `@pl/client` needs none of them installed.
 */
import type { PromptLayerCallOptions } from "./call-options.js"

/** Up to four overloads of a function, as `[parameters, result]` pairs (fewer are repeated). */
type Overloads<F> = F extends {
  (...args: infer A1): infer R1
  (...args: infer A2): infer R2
  (...args: infer A3): infer R3
  (...args: infer A4): infer R4
}
  ? [[A1, R1], [A2, R2], [A3, R3], [A4, R4]]
  : never

/** A generic function does not match the overload pattern: its one signature, at its constraints. */
type Signatures<F> = [Overloads<F>] extends [never]
  ? F extends (...args: infer A) => infer R
    ? [[A, R]]
    : []
  : Overloads<F>

/** A stream's request id comes when the stream has ended and was logged. */
type RequestIdOf<V> = V extends AsyncIterable<unknown> | { stream?: AsyncIterable<unknown> | undefined }
  ? Promise<number | null>
  : number | null

/** What `return_pl_id: true` makes of a result. */
export type WithRequestId<R> =
  R extends PromiseLike<infer V> ? Promise<[V, RequestIdOf<V>]> : [R, Promise<number | null>]

type WithIdSignature<A, R> = A extends [infer P, ...infer Rest]
  ? (params: P & PromptLayerCallOptions & { return_pl_id: true }, ...rest: Rest) => WithRequestId<R>
  : unknown

type PlainSignature<A, R> = A extends [infer P, ...infer Rest]
  ? (params: P & PromptLayerCallOptions & { return_pl_id?: false | undefined }, ...rest: Rest) => R
  : unknown

type Each<L, Kind extends "id" | "plain"> = L extends [[infer A, infer R], ...infer Rest]
  ? (Kind extends "id" ? WithIdSignature<A, R> : PlainSignature<A, R>) & Each<Rest, Kind>
  : unknown

/**
 * A model-call method taking the PromptLayer options in its first argument. Overloads in order: those
 * with `return_pl_id: true` (first, so that even a request held in a variable gets the pair type), the
 * SDK's own (its exact types, generics included, for calls without PromptLayer options), then the SDK's
 * with the other PromptLayer options.
 */
type ModelMethod<F> = F extends (...args: never[]) => unknown
  ? Each<Signatures<F>, "id"> & F & Each<Signatures<F>, "plain">
  : unknown

/** The output type of a Smithy command (`ConverseCommand` → `ConverseCommandOutput`). */
type CommandOutput<C> = C extends {
  resolveMiddleware(...args: never[]): (...args: never[]) => Promise<{ output: infer O }>
}
  ? O
  : unknown

/** The send options a Smithy client takes (`HttpHandlerOptions`), plus the PromptLayer options. */
type SendOptions = {
  abortSignal?: AbortSignal | undefined
  requestTimeout?: number | undefined
} & PromptLayerCallOptions

/** Bedrock's `send(command, options)`: the PromptLayer options go in `options`. */
type SendMethod<F> = F extends (...args: never[]) => unknown
  ? (<C extends { input: object }>(
      command: C,
      options: SendOptions & { return_pl_id: true },
    ) => Promise<[CommandOutput<C>, RequestIdOf<CommandOutput<C>>]>) &
      F &
      (<C extends { input: object }>(
        command: C,
        options: SendOptions & { return_pl_id?: false | undefined },
      ) => Promise<CommandOutput<C>>)
  : unknown

/** The method at `Path` in `T`, retyped; `unknown` (no change) where `T` has no such path. */
type At<T, Path, Kind extends "params" | "send"> = Path extends [infer K, ...infer Rest]
  ? K extends keyof T
    ? {
        [P in K]: Rest extends []
          ? Kind extends "send"
            ? SendMethod<T[P]>
            : ModelMethod<T[P]>
          : At<T[P], Rest, Kind>
      }
    : unknown
  : unknown

/**
 * A wrapped SDK client: `C` itself, whose model-call methods (`chat.completions.create`,
 * `responses.create`, `messages.create`, `messages.stream`, `models.generateContent[Stream]`,
 * `chat.complete`, `chat.stream`, `chat`, `chatStream`, `send`) also take `pl_tags`, `pl_metadata` and
 * `return_pl_id`.
 */
export type Wrapped<C> = C extends abstract new (
  ...args: infer A
) => infer I
  ? (new (...args: A) => Wrapped<I>) & C
  : At<C, ["chat", "completions", "create"], "params"> &
      At<C, ["responses", "create"], "params"> &
      At<C, ["messages", "create"], "params"> &
      At<C, ["messages", "stream"], "params"> &
      At<C, ["models", "generateContent"], "params"> &
      At<C, ["models", "generateContentStream"], "params"> &
      At<C, ["chat", "complete"], "params"> &
      At<C, ["chat", "stream"], "params"> &
      At<C, ["chat"], "params"> &
      At<C, ["chatStream"], "params"> &
      At<C, ["send"], "send"> &
      C

type Method = (...args: never[]) => unknown
type OrClass<T> = T | (abstract new (...args: never[]) => T)

/** An OpenAI client (`OpenAI`, `AzureOpenAI`), or its class. */
export type OpenAIClientLike = OrClass<
  { chat: { completions: { create: Method } } } | { responses: { create: Method } }
>

/** An Anthropic client (`Anthropic`, `AnthropicBedrock`, `AnthropicVertex`), or its class. */
export type AnthropicClientLike = OrClass<{ messages: { create: Method } }>
