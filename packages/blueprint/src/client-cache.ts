/**
 * SDK clients reused across sends. An adapter that is given no client builds one per set of connection
 * options (key, base URL, region, ...) and keeps it, so the SDK's connection pool, credential cache and
 * token refresh serve every request instead of one. Strings, numbers and booleans are compared by value;
 * objects and functions (credentials, auth options, request handlers) by identity. The `max` clients
 * used most recently are kept.
 *
 * A client is built when its options are first seen: options left undefined are read by the SDK from
 * the environment then, as a client a program builds once at startup would.
 *
 * @example
 * const clients = new ClientCache<OpenAI>()
 * const client = await clients.get({ apiKey, baseURL }, async () => {
 *   const { default: OpenAI } = await import("openai")
 *   return new OpenAI({ apiKey, baseURL })
 * })
 */
export class ClientCache<Client> {
  readonly #clients = new Map<string, Promise<Client>>()

  constructor(readonly max = 16) {}

  /** The client for these options (in the same key order each time), built with `create` if there is none. */
  get(options: Readonly<Record<string, unknown>>, create: () => Promise<Client>): Promise<Client> {
    let key = ""
    for (const name in options) key += `${name}=${keyPart(options[name])};`
    let client = this.#clients.get(key)
    // Most recently used last: Map order is the eviction order.
    if (client) this.#clients.delete(key)
    else {
      const built = create()
      client = built
      // A client that could not be built is not kept: the next send tries again.
      built.catch(() => this.#clients.get(key) === built && this.#clients.delete(key))
    }
    this.#clients.set(key, client)
    if (this.#clients.size > this.max) this.#clients.delete(this.#clients.keys().next().value as string)
    return client
  }

  get size(): number {
    return this.#clients.size
  }
}

const identities = new WeakMap<object, number>()
let identityCount = 0

/** A value as JSON, `undefined` as `-`, an object or function as `#n` (the same n for the same one). */
function keyPart(value: unknown): string {
  if (value !== null && (typeof value === "object" || typeof value === "function")) {
    let identity = identities.get(value)
    if (identity === undefined) {
      identity = ++identityCount
      identities.set(value, identity)
    }
    return `#${identity}`
  }
  return value === undefined ? "-" : JSON.stringify(value)
}
