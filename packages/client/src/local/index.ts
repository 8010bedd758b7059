/**
 * @pl/client/local (Node only): the file registry, so prompts, versions, release labels and request
 * logs work without a PromptLayer account.
 */
export { createFileExclusive, writeFileAtomic } from "./atomic-write.js"
export { LocalRegistry, type LocalRegistryOptions } from "./local-registry.js"
export { withLock } from "./lock.js"
