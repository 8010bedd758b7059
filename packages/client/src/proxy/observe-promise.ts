/**
 * Methods that hand over the raw HTTP response without parsing it (Stainless SDKs: `openai`,
 * `@anthropic-ai/sdk`): reading them must not parse the body behind the caller's back.
 */
const RAW_METHODS: ReadonlySet<PropertyKey> = new Set(["asResponse", "constructor"])

/**
 * The promise an SDK returned, itself (so its own methods, e.g. OpenAI's `withResponse()`, keep
 * working), seen through a Proxy that calls `observe` once, just before the caller first asks for the
 * result (`then`, `catch`, `finally`, `await`, `withResponse()`, ...). Reactions run in the order they
 * were attached, so `observe`'s reaction sees the result before the caller's does (in time to wrap a
 * stream's iterator in place). A result nobody asks for is not observed: `asResponse()` leaves the body
 * to the caller.
 *
 * @example
 * return observeWhenRead(apiPromise, () => apiPromise.then(log, logError))
 */
export function observeWhenRead<T extends object>(promise: T, observe: () => void): T {
  let observed = false
  return new Proxy(promise, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key, target)
      if (typeof value !== "function" || key === "constructor") return value
      if (!observed && !RAW_METHODS.has(key)) {
        observed = true
        observe()
      }
      // Private fields (`#client`) are read on `this`: the methods run on the promise, not the Proxy.
      return value.bind(target)
    },
  })
}
