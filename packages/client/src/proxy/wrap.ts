import { PromptLayerValidationError } from "../errors.js"
import { CallLog, type CallLogDeps } from "./call-log.js"
import { isMessageStream, observeMessageStream } from "./message-stream.js"
import { observeWhenRead } from "./observe-promise.js"
import { type CallShape, detectSdk, type ModelCall, SDKS, type Sdk } from "./sdk-calls.js"
import { tapStream } from "./tap-stream.js"
import type { Wrapped } from "./wrapped-types.js"

/** Proxies made here, so wrapping a wrapped client does not log its calls twice. */
const wrappedClients = new WeakSet<object>()

/**
 * An SDK client whose model calls are also logged to PromptLayer: a Proxy of the client, with the same
 * type and behaviour. Only the model-call methods of its SDK ({@link SDKS}) are intercepted; every other
 * property and method is the client's own. A class is wrapped too: each instance it constructs is.
 *
 * @param expected the SDK the client must be from (`pl.openai()`, `pl.anthropic()`).
 * @throws {PromptLayerValidationError} for an object that is not a client of a supported SDK.
 */
export function wrapClient<C extends object>(client: C, deps: CallLogDeps, expected?: string): Wrapped<C> {
  if (wrappedClients.has(client)) return client as Wrapped<C>
  if (typeof client === "function") {
    const wrappedClass = new Proxy(client, {
      construct: (target, args, newTarget) =>
        wrapClient(Reflect.construct(target, args, newTarget) as object, deps, expected),
    })
    wrappedClients.add(wrappedClass)
    return wrappedClass as Wrapped<C>
  }
  const sdk = detectSdk(client)
  if (!sdk || (expected !== undefined && sdk.name !== expected)) {
    throw new PromptLayerValidationError(
      `wrap() takes a client of ${expected ?? SDKS.map((s) => s.name).join(", ")}: this is not one`,
    )
  }
  // Loaded now, so that calls can convert their requests the moment they are made.
  for (const call of sdk.calls) deps.adapters.load(call.provider).catch(() => {})
  const proxy = proxyAt(client, [], { sdk, deps, memo: new WeakMap() })
  wrappedClients.add(proxy)
  return proxy as Wrapped<C>
}

interface Context {
  sdk: Sdk
  deps: CallLogDeps
  /** What `get` handed out per object and key, so `wrapped.chat === wrapped.chat`. */
  memo: WeakMap<object, Map<PropertyKey, { source: unknown; value: unknown }>>
}

function proxyAt(target: object, path: readonly string[], context: Context): object {
  return new Proxy(target, {
    get(object, key) {
      const value: unknown = Reflect.get(object, key, object)
      if (
        typeof key === "string" &&
        value !== null &&
        (typeof value === "object" || typeof value === "function")
      ) {
        const here = [...path, key]
        const call = context.sdk.calls.find((c) => samePath(c.path, here))
        if (call && typeof value === "function") {
          const method = value as (...args: unknown[]) => unknown
          return remember(context, object, key, value, () => modelCall(call, method, object, context.deps))
        }
        if (typeof value === "object" && context.sdk.calls.some((c) => isPrefix(here, c.path))) {
          return remember(context, object, key, value, () => proxyAt(value, here, context))
        }
      }
      // Methods run on the client itself: its private fields are not on the Proxy.
      if (typeof value === "function" && key !== "constructor") {
        return remember(context, object, key, value, () => value.bind(object))
      }
      return value
    },
  })
}

function remember(
  context: Context,
  object: object,
  key: PropertyKey,
  source: unknown,
  make: () => unknown,
): unknown {
  let byKey = context.memo.get(object)
  if (!byKey) {
    byKey = new Map()
    context.memo.set(object, byKey)
  }
  const known = byKey.get(key)
  if (known && known.source === source) return known.value
  const value = make()
  byKey.set(key, { source, value })
  return value
}

const samePath = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((key, i) => key === b[i])
const isPrefix = (prefix: readonly string[], path: readonly string[]) =>
  prefix.length < path.length && prefix.every((key, i) => key === path[i])

/** The SDK's method, logging each model call it makes. */
function modelCall(
  call: ModelCall,
  method: (...args: unknown[]) => unknown,
  target: object,
  deps: CallLogDeps,
) {
  return (...args: unknown[]): unknown => {
    let shape: CallShape | undefined
    try {
      shape = call.read(args)
    } catch {
      shape = undefined
    }
    if (!shape) return Reflect.apply(method, target, args)
    const log = new CallLog(call, shape, deps)
    let result: unknown
    try {
      result = Reflect.apply(method, target, shape.args)
    } catch (error) {
      void log.failed(error)
      throw error
    }
    return observeCall(call, shape, log, result)
  }
}

/**
 * Logs a call's result when it arrives, and hands the caller the SDK's own result: the same promise
 * (observed lazily, see {@link observeWhenRead}), the same stream object (its iterator wrapped in place).
 * With `return_pl_id`, the pair instead.
 */
function observeCall(call: ModelCall, shape: CallShape, log: CallLog, result: unknown): unknown {
  const returnId = shape.options.return_pl_id === true
  if (call.messageStream && isMessageStream(result)) {
    observeMessageStream(result, log.streamObserver())
    return returnId ? [result, log.requestId] : result
  }
  const settle = (value: unknown): Promise<number | null> => {
    if (!shape.stream) return log.succeeded(value)
    const stream = call.streamOf ? call.streamOf(value) : value
    return tapStream(stream, log.streamObserver()) ? log.requestId : log.succeeded(value)
  }
  if (!isThenable(result)) {
    const requestId = settle(result)
    return returnId ? [result, requestId] : result
  }
  if (returnId) {
    return Promise.resolve(result).then(
      async (value) => [value, shape.stream ? settle(value) : await settle(value)],
      (error: unknown) => {
        void log.failed(error)
        throw error
      },
    )
  }
  return observeWhenRead(result, () => {
    result.then(settle, (error: unknown) => log.failed(error)).then(undefined, () => {})
  })
}

function isThenable(value: unknown): value is PromiseLike<unknown> & object {
  return (
    value !== null &&
    (typeof value === "object" || typeof value === "function") &&
    typeof (value as { then?: unknown }).then === "function"
  )
}
