import type { AnyProviderAdapter, ProviderId } from "../providers.js"

/**
 * Adapters by provider, loaded once and then at hand synchronously: a wrapped call converts its request
 * the moment it is made, before the caller can change the objects it passed (a chat loop pushes the
 * reply onto `messages` right after the call).
 */
export class AdapterCache {
  readonly #find: (id: ProviderId) => Promise<AnyProviderAdapter>
  readonly #ready = new Map<ProviderId, AnyProviderAdapter>()
  readonly #loading = new Map<ProviderId, Promise<AnyProviderAdapter>>()

  constructor(find: (id: ProviderId) => Promise<AnyProviderAdapter>) {
    this.#find = find
  }

  /** The adapter, if it has been loaded. */
  ready(id: ProviderId): AnyProviderAdapter | undefined {
    return this.#ready.get(id)
  }

  /** Loads the adapter (once; a failed load is tried again next time). */
  load(id: ProviderId): Promise<AnyProviderAdapter> {
    let loading = this.#loading.get(id)
    if (!loading) {
      loading = this.#find(id).then(
        (adapter) => {
          this.#ready.set(id, adapter)
          return adapter
        },
        (error: unknown) => {
          this.#loading.delete(id)
          throw error
        },
      )
      this.#loading.set(id, loading)
    }
    return loading
  }
}
