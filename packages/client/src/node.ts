/**
 * @pl/client on Node: the same API as the browser entry, plus what only Node has. `PromptLayer` reads
 * `PROMPTLAYER_API_KEY`, `PROMPTLAYER_BASE_URL` and the provider SDKs' base-URL variables from the
 * environment, loads installed adapters with `import()` when a prompt needs them, and without an API
 * key uses the local file registry (`PL_REGISTRY`, default `./prompts`).
 */
import { PromptLayer as BasePromptLayer, type Platform, type PromptLayerOptions } from "./client.js"
import { lazyRegistry } from "./lazy-registry.js"
import { loadAdapter } from "./load-adapter.js"
import { loadTracing } from "./telemetry/load-tracing.js"

export * from "./index.js"

const platform: Platform = {
  get env() {
    return process.env
  },
  loadAdapter,
  localRegistry: (directory, logger) =>
    lazyRegistry("local", async () => {
      const { LocalRegistry } = await import("./local/local-registry.js")
      const onLogError = (error: Error) => logger.warn(`the local request log: ${error.message}`)
      return new LocalRegistry({ directory, onLogError })
    }),
  setupTracing: loadTracing,
}

/**
 * The PromptLayer client (see the browser entry for the full description), with Node defaults.
 *
 * @example
 * const pl = new PromptLayer() // PROMPTLAYER_API_KEY, or the local registry in ./prompts
 * const { prompt_blueprint } = await pl.run({ promptName: "greet", inputVariables: { name: "Ada" } })
 */
export class PromptLayer<ThrowOnError extends boolean = true> extends BasePromptLayer<ThrowOnError> {
  constructor(options: PromptLayerOptions & { throwOnError?: ThrowOnError } = {}, overrides: Platform = {}) {
    super(options, { ...platform, env: platform.env, ...overrides })
  }
}
