import type { Registry } from "./registry.js"

/**
 * A registry created on first use: the Node entry's default local registry is loaded with `import()`
 * only when a call needs it, so constructing a client costs nothing.
 */
export function lazyRegistry(kind: string, create: () => Promise<Registry>): Registry {
  let registry: Promise<Registry> | undefined
  const get = () => {
    registry ??= create()
    return registry
  }
  return {
    kind,
    getTemplate: async (name, selector, signal) => (await get()).getTemplate(name, selector, signal),
    publishTemplate: async (input) => (await get()).publishTemplate(input),
    listTemplates: async (params) => (await get()).listTemplates(params),
    logRequest: async (body) => (await get()).logRequest(body),
    trackScore: async (input) => (await get()).trackScore(input),
    trackMetadata: async (input) => (await get()).trackMetadata(input),
    trackPrompt: async (input) => (await get()).trackPrompt(input),
    trackGroup: async (input) => (await get()).trackGroup(input),
    createGroup: async () => (await get()).createGroup(),
    // Nothing to finish for a registry never created.
    flush: async () => {
      if (registry) await (await registry).flush?.()
    },
  }
}
