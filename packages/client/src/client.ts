import type { TracerProvider } from "@opentelemetry/api"
import type {
  ListedTemplate,
  ListTemplatesParams,
  LogRequestBody,
  LogRequestResponse,
  PublishTemplateInput,
  PublishTemplateResponse,
  TemplateResponse,
  TemplateSelector,
  TrackGroupInput,
  TrackMetadataInput,
  TrackPromptInput,
  TrackScoreInput,
} from "./api-types.js"
import { PromptLayerError } from "./errors.js"
import { executeRun, executeStream, type RunResult } from "./execute.js"
import { HttpClient } from "./http/http-client.js"
import { sleep } from "./http/retry.js"
import { HttpRegistry } from "./http-registry.js"
import {
  consoleLogger,
  createLogger,
  defaultLogLevel,
  type Logger,
  type LoggerLike,
  type LogLevel,
} from "./logger.js"
import { type PreparedRun, prepareRun } from "./prepare.js"
import { type AdapterLoader, type AnyProviderAdapter, findAdapter, type ProviderId } from "./providers.js"
import { AdapterCache } from "./proxy/adapter-cache.js"
import type { CallLogDeps } from "./proxy/call-log.js"
import { wrapClient } from "./proxy/wrap.js"
import type { AnthropicClientLike, OpenAIClientLike, Wrapped } from "./proxy/wrapped-types.js"
import type { Registry } from "./registry.js"
import { renderPrompt } from "./render.js"
import { RunTelemetry, type TracingSetup } from "./telemetry/run-telemetry.js"
import type { RunTrace } from "./telemetry/run-trace.js"
import { TemplateCache } from "./template-cache.js"
import type { RunWorkflowParams } from "./workflows/run-workflow.js"
import type { WorkflowResults } from "./workflows/workflow-results.js"

/** The default PromptLayer API. */
export const DEFAULT_BASE_URL = "https://api.promptlayer.com"

/** Options of {@link PromptLayer}; all optional. */
export interface PromptLayerOptions {
  /** The PromptLayer API key; on Node, `PROMPTLAYER_API_KEY` by default. */
  apiKey?: string | undefined
  /** On Node, `PROMPTLAYER_BASE_URL` by default, else `https://api.promptlayer.com`. */
  baseURL?: string | undefined
  /**
   * `true` (default): API failures throw. `false`: `templates.*`, `logRequest`, `track.*` and
   * `group.create` warn and resolve `null` instead. `run()` always throws.
   */
  throwOnError?: boolean | undefined
  /** Cache unrendered templates this long (default 0: no cache). */
  cacheTtlSeconds?: number | undefined
  /** Most templates cached (default 1000). */
  cacheMaxEntries?: number | undefined
  /**
   * Send `run()`'s spans to PromptLayer (`{baseURL}/v1/traces`): on Node, `@pl/tracing` is loaded with
   * `import()` and set up with this client's key (or the tracing it has set up already is used).
   * Elsewhere, pass `tracerProvider` instead.
   */
  enableTracing?: boolean | undefined
  /**
   * Where `run()`'s OpenTelemetry spans go, e.g. `setupTracing(...).tracerProvider` from `@pl/tracing`.
   * Default: the global provider (`@opentelemetry/api`), a no-op until the app registers one.
   */
  tracerProvider?: TracerProvider | undefined
  /**
   * Record prompts and replies on the LLM span (`gen_ai.input.messages`, `gen_ai.output.messages`,
   * `gen_ai.system_instructions`, `gen_ai.tool.definitions`). Default: whether
   * `OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT` is `true` in `env`.
   */
  captureContent?: boolean | undefined
  /** Accepted for compatibility with the official SDK. */
  workspaceId?: number | undefined
  /**
   * Where prompts live and requests are logged. Default: the PromptLayer API when there is an API key;
   * on Node without a key, the local file registry in `PL_REGISTRY` (or `./prompts`).
   */
  registry?: Registry | undefined
  /**
   * Adapters to use, e.g. `[openai, anthropic]` from `@pl/provider-openai` and `@pl/provider-anthropic`.
   * On Node, any other installed adapter is loaded with `import()` when a prompt needs it; in browsers
   * and edge bundles only these are used, so the bundle holds just them.
   */
  adapters?: readonly AnyProviderAdapter[] | undefined
  /**
   * Base URL per provider (`{ openai: "https://my-azure/openai/v1", anthropic: "http://localhost:8080" }`),
   * by provider name or id. See the README for the order in which base URLs are chosen.
   */
  providerBaseUrls?: Readonly<Record<string, string | undefined>> | undefined
  /**
   * Extra options for an adapter's `send`, by provider id or name: an SDK client of your own, an AWS
   * region and credentials, Vertex AI settings, retries. E.g.
   * `{ "amazon.bedrock": { region: "eu-west-1" }, openai: { maxRetries: 0 } }`.
   */
  providerOptions?: Readonly<Record<string, Readonly<Record<string, unknown>> | undefined>> | undefined
  /** Render missing input variables as empty text, as PromptLayer does, instead of failing (default false). */
  lenientVariables?: boolean | undefined
  /** Per PromptLayer API attempt, in milliseconds (default 30 s). */
  timeoutMs?: number | undefined
  /** PromptLayer API attempts in all on 429, 5xx, timeouts and lost connections (default 4). */
  maxAttempts?: number | undefined
  /**
   * Where the client explains itself: retries (`info`), stale-cache fallbacks, features dropped in
   * conversion, API warnings, logging failures (`warn`), workflow progress (`debug`). Anything with
   * some of `debug`, `info`, `warn`, `error` (`console`, pino, winston). Default: the console.
   */
  logger?: LoggerLike | undefined
  /**
   * The least severe level reported (`debug`, `info`, `warn`, `error`, `silent`). Default `warn`; with
   * the default console logger, `silent` when `NODE_ENV` is `test` in `env`.
   */
  logLevel?: LogLevel | undefined
  /** Environment variables (provider base URLs); the Node entry passes `process.env`. */
  env?: Readonly<Record<string, string | undefined>> | undefined
  fetch?: typeof fetch | undefined
  /** For tests: wait without waiting. */
  sleep?: ((ms: number, signal?: AbortSignal) => Promise<void>) | undefined
  /** For tests: the jitter source. */
  random?: (() => number) | undefined
  /** For tests: the clock (milliseconds), for the cache and request times. */
  now?: (() => number) | undefined
}

/** What a runtime adds: the Node entry loads adapters and the local registry with `import()`. */
export interface Platform {
  env?: Readonly<Record<string, string | undefined>>
  loadAdapter?: AdapterLoader
  /** The local registry in `directory` (the Node entry's is loaded on first use); `logger` hears of log write failures. */
  localRegistry?: (directory: string, logger: Logger) => Registry
  /** For `enableTracing`: sets up `@pl/tracing` and resolves its tracer provider. */
  setupTracing?: TracingSetup
}

/**
 * What an API method resolves: `T`, or with `throwOnError: false` also `null` (an error became a
 * warning). A client knows which from its constructor options.
 */
export type OrNull<T, ThrowOnError extends boolean> = ThrowOnError extends true ? T : T | null

/** `run()` parameters, as in the official SDK. */
export interface RunParams {
  promptName: string
  promptVersion?: number | undefined
  promptReleaseLabel?: string | undefined
  inputVariables?: Record<string, unknown> | undefined
  tags?: string[] | undefined
  metadata?: Record<string, string> | undefined
  groupId?: number | undefined
  stream?: boolean | undefined
  /** Run on another provider than the template's; portable parameters are translated. */
  provider?: string | undefined
  model?: string | undefined
  modelParameterOverrides?: Record<string, unknown> | undefined
  /** Cancels the provider call. */
  signal?: AbortSignal | undefined
}

/** `templates.get` options, as in the official SDK. */
export interface GetTemplateParams {
  version?: number | undefined
  label?: string | undefined
  inputVariables?: Record<string, unknown> | undefined
  provider?: string | undefined
  model?: string | undefined
  metadataFilters?: Record<string, string> | undefined
}

/**
 * The PromptLayer client, with the official JavaScript SDK's surface: `run()`, `templates`,
 * `logRequest`, `track`, `group`. Templates are rendered and converted locally, the provider is called
 * from this process with the user's own key, and the call is logged.
 *
 * @example
 * import { PromptLayer } from "@pl/client"
 * import { openai } from "@pl/provider-openai"
 *
 * const pl = new PromptLayer({ apiKey: "pl_...", adapters: [openai], cacheTtlSeconds: 60 })
 * const { request_id, prompt_blueprint } = await pl.run({ promptName: "greet", inputVariables: { name: "Ada" } })
 */
export class PromptLayer<ThrowOnError extends boolean = true> {
  readonly apiKey: string | undefined
  readonly baseURL: string
  readonly throwOnError: boolean
  readonly enableTracing: boolean
  readonly workspaceId: number | undefined
  /** Where prompts come from and requests go. */
  readonly registry: Registry

  readonly #options: PromptLayerOptions
  readonly #platform: Platform
  readonly #logger: Logger
  readonly #cache: TemplateCache | undefined
  readonly #env: Readonly<Record<string, string | undefined>>
  readonly #loadAdapter: AdapterLoader | undefined
  readonly #telemetry: RunTelemetry
  /** The PromptLayer API, when there is an API key (workflows need it whatever the registry). */
  readonly #http: HttpClient | undefined
  #callLogDeps: CallLogDeps | undefined
  readonly #pendingLogs = new Set<Promise<unknown>>()

  constructor(options: PromptLayerOptions & { throwOnError?: ThrowOnError } = {}, platform: Platform = {}) {
    this.#options = options
    this.#platform = platform
    this.#env = options.env ?? platform.env ?? {}
    this.#logger = createLogger(
      options.logger ?? consoleLogger,
      options.logLevel ?? defaultLogLevel(this.#env, options.logger !== undefined),
    )
    this.apiKey = options.apiKey ?? this.#env.PROMPTLAYER_API_KEY
    this.baseURL = (options.baseURL ?? this.#env.PROMPTLAYER_BASE_URL ?? DEFAULT_BASE_URL).replace(/\/+$/, "")
    this.throwOnError = options.throwOnError ?? true
    this.enableTracing = options.enableTracing ?? false
    this.workspaceId = options.workspaceId
    this.#http = this.apiKey
      ? new HttpClient({
          baseURL: this.baseURL,
          apiKey: this.apiKey,
          timeoutMs: options.timeoutMs,
          maxAttempts: options.maxAttempts,
          fetch: options.fetch,
          sleep: options.sleep,
          random: options.random,
          now: options.now,
          logger: this.#logger,
        })
      : undefined
    this.registry = this.#chooseRegistry()
    this.#loadAdapter = platform.loadAdapter && memoize(platform.loadAdapter)
    this.#telemetry = new RunTelemetry({
      tracerProvider: options.tracerProvider,
      enableTracing: this.enableTracing,
      captureContent: options.captureContent,
      env: this.#env,
      apiKey: this.apiKey,
      baseURL: this.baseURL,
      setupTracing: platform.setupTracing,
      logger: this.#logger,
    })
    const ttl = options.cacheTtlSeconds ?? 0
    this.#cache =
      ttl > 0
        ? new TemplateCache({
            ttlMs: ttl * 1000,
            maxEntries: options.cacheMaxEntries,
            now: options.now,
            onStale: (name, error) =>
              this.#logger.warn(`serving a stale cached template for "${name}": ${(error as Error).message}`),
          })
        : undefined
  }

  /**
   * Runs a prompt from the registry: fetch (or cache) → validate the input variables → render →
   * convert for the provider → call it → log with input and output blueprints. Resolves with
   * `{ request_id, raw_response, prompt_blueprint }`, or with `stream: true` an async iterable of them.
   *
   * @example
   * for await (const { prompt_blueprint } of await pl.run({ promptName: "greet", stream: true })) render(prompt_blueprint)
   */
  run(params: RunParams & { stream: true }): Promise<AsyncIterable<RunResult>>
  run(params: RunParams & { stream?: false | undefined }): Promise<RunResult>
  run(params: RunParams): Promise<RunResult | AsyncIterable<RunResult>>
  async run(params: RunParams): Promise<RunResult | AsyncIterable<RunResult>> {
    const trace = await this.#telemetry.start(params)
    return trace.around(() => this.#run(params, trace))
  }

  async #run(params: RunParams, trace: RunTrace): Promise<RunResult | AsyncIterable<RunResult>> {
    const prepared = await this.#prepare(params, trace)
    const providerOptions = this.#options.providerOptions
    const deps = {
      registry: this.registry,
      logger: this.#logger,
      now: this.#now,
      signal: params.signal,
      sendOptions: providerOptions?.[prepared.providerName] ?? providerOptions?.[prepared.providerId],
      trace,
    }
    const log = {
      tags: params.tags,
      metadata: params.metadata,
      groupId: params.groupId,
      inputVariables: params.inputVariables,
    }
    for (const warning of prepared.warnings)
      this.#logger.warn(
        `"${params.promptName}" on ${prepared.providerName}: dropped ${warning.path ?? warning.feature}: ${warning.message}`,
      )
    return params.stream ? executeStream(prepared, log, deps) : executeRun(prepared, log, deps)
  }

  /**
   * Everything `run()` does before calling the provider: the rendered blueprint, the provider request,
   * where it would go and what was dropped in conversion. `pl run --dry-run` prints this.
   *
   * @example
   * const { request, endpoint } = await pl.prepare({ promptName: "greet", inputVariables: { name: "Ada" } })
   */
  prepare(params: RunParams): Promise<PreparedRun> {
    return this.#prepare(params)
  }

  async #prepare(params: RunParams, trace?: RunTrace): Promise<PreparedRun> {
    const fetch = () =>
      this.#getTemplate(
        params.promptName,
        {
          version: params.promptVersion,
          label: params.promptReleaseLabel,
          provider: params.provider,
          model: params.model,
        },
        params.signal,
      )
    const template = await (trace ? trace.fetchTemplate(fetch) : fetch())
    return prepareRun(template, {
      inputVariables: params.inputVariables,
      provider: params.provider,
      model: params.model,
      modelParameterOverrides: params.modelParameterOverrides,
      stream: params.stream,
      lenientVariables: this.#options.lenientVariables,
      adapters: this.#options.adapters ?? [],
      loadAdapter: this.#loadAdapter,
      providerBaseUrls: this.#options.providerBaseUrls,
      env: this.#env,
    })
  }

  /** Prompt templates in the registry. */
  readonly templates = {
    /**
     * A template (`POST /prompt-templates/{name}`): rendered locally when `inputVariables` are given,
     * with `llm_kwargs` (the provider request) computed locally when the provider's adapter is available.
     *
     * @example
     * const t = await pl.templates.get("greet", { label: "prod", inputVariables: { name: "Ada" } })
     */
    get: (name: string, params: GetTemplateParams = {}): Promise<OrNull<TemplateResponse, ThrowOnError>> =>
      this.#guard("fetching a prompt template", async () => {
        const template = structuredClone(
          await this.#getTemplate(name, {
            version: params.version,
            label: params.label,
            provider: params.provider,
            model: params.model,
            metadataFilters: params.metadataFilters,
          }),
        )
        const rendered = params.inputVariables
          ? renderPrompt(template.prompt_template, params.inputVariables, {
              lenient: this.#options.lenientVariables ?? false,
            })
          : template.prompt_template
        return {
          ...template,
          prompt_template: rendered,
          llm_kwargs: await this.#llmKwargs({ ...template, prompt_template: rendered }, params),
        }
      }),

    /**
     * Publishes a new version (`POST /rest/prompt-templates`); the cache forgets the name.
     *
     * @example
     * await pl.templates.publish({ prompt_name: "greet", prompt_template, metadata, release_labels: ["prod"] })
     */
    publish: (input: PublishTemplateInput): Promise<OrNull<PublishTemplateResponse, ThrowOnError>> =>
      this.#guard("publishing a prompt template", async () => {
        const published = await this.registry.publishTemplate(input)
        this.#cache?.invalidate(input.prompt_name)
        return published
      }),

    /**
     * Lists templates (`GET /prompt-templates`).
     *
     * @example
     * const prod = await pl.templates.list({ label: "prod", perPage: 50 })
     */
    list: (params: ListTemplatesParams = {}): Promise<OrNull<ListedTemplate[], ThrowOnError>> =>
      this.#guard("listing prompt templates", () => this.registry.listTemplates(params)),

    /** Forgets the cached versions of one template, or of all. */
    invalidate: (name?: string): void => this.#cache?.invalidate(name),
  }

  /** Forgets cached templates: one name's, or all. */
  invalidate(name?: string): void {
    this.#cache?.invalidate(name)
  }

  /**
   * Logs a request made elsewhere (`POST /log-request`); resolves with `{ id, ... }`, `id` being the
   * request id.
   *
   * @example
   * const { id } = await pl.logRequest({ provider: "openai", model: "gpt-4o", input, output, request_start_time, request_end_time })
   */
  logRequest(body: LogRequestBody): Promise<OrNull<LogRequestResponse, ThrowOnError>> {
    return this.#guard("logging a request", () => this.registry.logRequest(body))
  }

  /** Scores, metadata, prompts and groups attached to logged requests (`/rest/track-*`). */
  readonly track = {
    /** @example await pl.track.score({ request_id, score: 90 }) */
    score: (input: TrackScoreInput): Promise<OrNull<boolean, ThrowOnError>> =>
      this.#guard("tracking a score", () => this.registry.trackScore(input)),
    /** @example await pl.track.metadata({ request_id, metadata: { user_id: "42" } }) */
    metadata: (input: TrackMetadataInput): Promise<OrNull<boolean, ThrowOnError>> =>
      this.#guard("tracking metadata", () => this.registry.trackMetadata(input)),
    /** @example await pl.track.prompt({ request_id, prompt_name: "greet", prompt_input_variables }) */
    prompt: (input: TrackPromptInput): Promise<OrNull<boolean, ThrowOnError>> =>
      this.#guard("tracking a prompt", () => this.registry.trackPrompt(input)),
    /** @example await pl.track.group({ request_id, group_id }) */
    group: (input: TrackGroupInput): Promise<OrNull<boolean, ThrowOnError>> =>
      this.#guard("tracking a group", () => this.registry.trackGroup(input)),
  }

  /** Groups of requests. */
  readonly group = {
    /** @example const groupId = await pl.group.create() */
    create: (): Promise<OrNull<number, ThrowOnError>> =>
      this.#guard("creating a group", () => this.registry.createGroup()),
  }

  /**
   * Runs a workflow (agent) on PromptLayer and waits for its result, polling with backoff until it is
   * done or `timeout` (default one hour) has passed; cancellable with `signal`. Resolves with the output
   * node's value, or with `returnAllOutputs` every node's result (`status`, `value`, `error_message`,
   * `is_output_node`) by name. A failed node is a `PromptLayerWorkflowError` naming it.
   *
   * @example
   * const answer = await pl.runWorkflow({ workflowName: "support-agent", inputVariables: { question } })
   */
  runWorkflow(
    params: RunWorkflowParams & { returnAllOutputs: true },
  ): Promise<OrNull<WorkflowResults, ThrowOnError>>
  runWorkflow(params: RunWorkflowParams): Promise<unknown>
  runWorkflow(params: RunWorkflowParams): Promise<unknown> {
    return this.#guard("running a workflow", async () => {
      if (!this.#http) {
        throw new PromptLayerError("Workflows run on PromptLayer: pass apiKey (or set PROMPTLAYER_API_KEY)")
      }
      // Loaded when first used, so a bundler splits workflows off from what run() needs.
      const { runWorkflow } = await import("./workflows/run-workflow.js")
      return runWorkflow(params, {
        http: this.#http,
        logger: this.#logger,
        now: this.#now,
        sleep: this.#options.sleep ?? sleep,
      })
    })
  }

  /**
   * Wraps a provider SDK client (`openai`, `@anthropic-ai/sdk`, `@google/genai`, Bedrock, Mistral,
   * Cohere), or its class: the result has the client's type and behaviour, and each model call made
   * with it is also logged to PromptLayer, with input and output as blueprints. Model calls also take
   * `pl_tags`, `pl_metadata` and `return_pl_id`; every other call passes through untouched.
   *
   * @example
   * const openai = pl.wrap(new OpenAI())
   * const [completion, requestId] = await openai.chat.completions.create({ model, messages, return_pl_id: true })
   */
  wrap<C extends object>(client: C): Wrapped<C> {
    return wrapClient(client, this.#proxyDeps())
  }

  /**
   * {@link wrap} for an OpenAI client or class (the official SDK's `pl.OpenAI`).
   *
   * @example
   * const OpenAI = pl.openai(BaseOpenAI)
   * const client = new OpenAI()
   */
  openai<C extends OpenAIClientLike>(client: C): Wrapped<C> {
    return wrapClient(client, this.#proxyDeps(), "openai")
  }

  /**
   * {@link wrap} for an Anthropic client or class (the official SDK's `pl.Anthropic`).
   *
   * @example
   * const anthropic = pl.anthropic(new Anthropic())
   */
  anthropic<C extends AnthropicClientLike>(client: C): Wrapped<C> {
    return wrapClient(client, this.#proxyDeps(), "anthropic")
  }

  /**
   * Waits until everything logged is written: the calls made through wrapped clients (a wrapped call
   * resolves as soon as the SDK's does, and is logged in the background), and the local registry's
   * request log (written in batches). Call this before a serverless function returns, or before
   * reading the local log file.
   *
   * @example
   * await pl.flush()
   */
  async flush(): Promise<void> {
    while (this.#pendingLogs.size > 0) await Promise.allSettled([...this.#pendingLogs])
    await this.registry.flush?.()
  }

  #proxyDeps(): CallLogDeps {
    this.#callLogDeps ??= {
      registry: this.registry,
      logger: this.#logger,
      now: this.#now,
      adapters: new AdapterCache((id) => findAdapter(id, this.#options.adapters ?? [], this.#loadAdapter)),
      track: (pending) => {
        this.#pendingLogs.add(pending)
        void pending.finally(() => this.#pendingLogs.delete(pending))
      },
    }
    return this.#callLogDeps
  }

  readonly #now = (): number => (this.#options.now ?? Date.now)()

  #getTemplate(name: string, selector: TemplateSelector, signal?: AbortSignal): Promise<TemplateResponse> {
    const fetch = () => this.registry.getTemplate(name, selector, signal)
    // A/B label filters pick a version per call: never cached (as in the official SDK).
    if (!this.#cache || selector.metadataFilters) return fetch()
    // A shared fetch must not be cancelled by one of the callers waiting on it.
    return this.#cache.get(name, selector, () => this.registry.getTemplate(name, selector))
  }

  async #llmKwargs(
    template: TemplateResponse,
    params: GetTemplateParams,
  ): Promise<Record<string, unknown> | null> {
    if (!params.provider && !template.metadata?.model?.provider && !template.custom_provider) return null
    try {
      const prepared = await prepareRun(template, {
        render: false,
        provider: params.provider,
        model: params.model,
        adapters: this.#options.adapters ?? [],
        loadAdapter: this.#loadAdapter,
        env: this.#env,
      })
      return prepared.request as Record<string, unknown>
    } catch (error) {
      const message = `no llm_kwargs for "${template.prompt_name}": ${(error as Error).message}`
      // Asked for a provider's kwargs by name: say why there are none. Else the template may simply name
      // no provider or model, which is no news.
      if (params.provider) this.#logger.warn(message)
      else this.#logger.debug(message)
      return null
    }
  }

  /** Runs an API call; with `throwOnError: false`, a `PromptLayerError` is a warning and `null`. */
  async #guard<T>(what: string, call: () => Promise<T>): Promise<OrNull<T, ThrowOnError>> {
    try {
      return await call()
    } catch (error) {
      if (this.throwOnError || !(error instanceof PromptLayerError)) throw error
      this.#logger.warn(`while ${what}, PromptLayer had the following error: ${error.message}`)
      // Reached only when throwOnError is false, where OrNull includes null.
      return null as OrNull<T, ThrowOnError>
    }
  }

  #chooseRegistry(): Registry {
    if (this.#options.registry) return this.#options.registry
    if (this.#http && this.apiKey) return new HttpRegistry(this.#http, this.apiKey)
    const local = this.#platform.localRegistry
    if (local) {
      const directory = this.#env.PL_REGISTRY || "prompts"
      return local(directory, this.#logger)
    }
    throw new PromptLayerError(
      "PromptLayer API key not provided: pass apiKey (or, on Node, set PROMPTLAYER_API_KEY), or pass a registry",
    )
  }
}

/** Loads each adapter once per client (a repeated `import()` still costs a module-map lookup and a tick). */
function memoize(load: AdapterLoader): AdapterLoader {
  const loaded = new Map<ProviderId, Promise<AnyProviderAdapter>>()
  return (id) => {
    let adapter = loaded.get(id)
    if (!adapter) {
      adapter = load(id)
      adapter.catch(() => loaded.delete(id))
      loaded.set(id, adapter)
    }
    return adapter
  }
}
