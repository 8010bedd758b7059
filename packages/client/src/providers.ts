import type { ProviderAdapter, SendContext } from "@pl/blueprint"
import { PromptLayerValidationError } from "./errors.js"

/** Any provider adapter (`openai`, `anthropic`, ...), whatever its request and response types. */
export type AnyProviderAdapter = ProviderAdapter<unknown, unknown, unknown, SendContext>

/** Loads an adapter by its canonical provider id; the Node entry loads the adapter packages with `import()`. */
export type AdapterLoader = (provider: ProviderId) => Promise<AnyProviderAdapter>

/** The providers the client knows, by the name of their adapter object's `name`. */
export type ProviderId =
  | "openai"
  | "openai.responses"
  | "anthropic"
  | "google"
  | "amazon.bedrock"
  | "mistral"
  | "cohere"

/** What the client needs to know about a provider besides its adapter. */
export interface ProviderInfo {
  id: ProviderId
  /** The npm package holding the adapter, and the adapter's export name. */
  package: string
  exportName: string
  /** Environment variables the provider's SDK reads its key from (any one is enough). */
  keyEnv: readonly string[]
  /** Environment variables naming the provider's base URL, as its SDK reads them. */
  baseUrlEnv: readonly string[]
  /** `function_name` in request logs: the SDK call that was made. */
  functionName: string
}

const AWS_KEY_ENV = [
  "AWS_ACCESS_KEY_ID",
  "AWS_PROFILE",
  "AWS_WEB_IDENTITY_TOKEN_FILE",
  "AWS_CONTAINER_CREDENTIALS_FULL_URI",
  "AWS_BEARER_TOKEN_BEDROCK",
]

/**
 * Facts per provider. The base-URL variables are the ones each official SDK reads itself.
 *
 * @example
 * PROVIDERS.anthropic.keyEnv // ["ANTHROPIC_API_KEY"]
 */
export const PROVIDERS: Readonly<Record<ProviderId, ProviderInfo>> = {
  openai: {
    id: "openai",
    package: "@pl/provider-openai",
    exportName: "openai",
    keyEnv: ["OPENAI_API_KEY"],
    baseUrlEnv: ["OPENAI_BASE_URL"],
    functionName: "openai.chat.completions.create",
  },
  "openai.responses": {
    id: "openai.responses",
    package: "@pl/provider-openai",
    exportName: "openaiResponses",
    keyEnv: ["OPENAI_API_KEY"],
    baseUrlEnv: ["OPENAI_BASE_URL"],
    functionName: "openai.responses.create",
  },
  anthropic: {
    id: "anthropic",
    package: "@pl/provider-anthropic",
    exportName: "anthropic",
    keyEnv: ["ANTHROPIC_API_KEY"],
    baseUrlEnv: ["ANTHROPIC_BASE_URL"],
    functionName: "anthropic.messages.create",
  },
  google: {
    id: "google",
    package: "@pl/provider-google",
    exportName: "google",
    keyEnv: ["GOOGLE_API_KEY", "GEMINI_API_KEY"],
    baseUrlEnv: ["GOOGLE_GEMINI_BASE_URL"],
    functionName: "google.models.generateContent",
  },
  "amazon.bedrock": {
    id: "amazon.bedrock",
    package: "@pl/provider-bedrock",
    exportName: "bedrock",
    keyEnv: AWS_KEY_ENV,
    baseUrlEnv: ["AWS_ENDPOINT_URL_BEDROCK_RUNTIME", "AWS_ENDPOINT_URL"],
    functionName: "boto3.bedrock-runtime.converse",
  },
  mistral: {
    id: "mistral",
    package: "@pl/provider-mistral",
    exportName: "mistral",
    keyEnv: ["MISTRAL_API_KEY"],
    // The Mistral SDK reads no base-URL variable.
    baseUrlEnv: [],
    functionName: "mistral.client.chat",
  },
  cohere: {
    id: "cohere",
    package: "@pl/provider-cohere",
    exportName: "cohere",
    keyEnv: ["CO_API_KEY"],
    // cohere-ai reads no base-URL variable.
    baseUrlEnv: [],
    functionName: "cohere.client.chat",
  },
}

const ALIASES: Readonly<Record<string, ProviderId>> = {
  openai: "openai",
  "openai.responses": "openai.responses",
  anthropic: "anthropic",
  google: "google",
  vertexai: "google",
  gemini: "google",
  "amazon.bedrock": "amazon.bedrock",
  bedrock: "amazon.bedrock",
  mistral: "mistral",
  cohere: "cohere",
}

/**
 * The provider id for a blueprint's provider name (`metadata.model.provider`) and API type: `vertexai`
 * is Google, `bedrock` is `amazon.bedrock`, OpenAI with `api_type: "responses"` is the Responses API.
 *
 * @throws {PromptLayerValidationError} for a provider the client has no adapter for, its issue at
 * `field` (where the name came from).
 * @example
 * resolveProviderId("openai", "responses") // "openai.responses"
 */
export function resolveProviderId(
  provider: string,
  apiType?: string | null,
  field = "metadata.model.provider",
): ProviderId {
  const id = findProviderId(provider)
  if (id === undefined) {
    throw new PromptLayerValidationError(
      `Unknown provider "${provider}": expected one of ${Object.keys(ALIASES).join(", ")}`,
      { issues: [{ path: field, message: `unknown provider "${provider}"` }] },
    )
  }
  return id === "openai" && apiType === "responses" ? "openai.responses" : id
}

/**
 * Whether two provider names name the same provider, whatever the spelling: `bedrock` and
 * `amazon.bedrock`, `OpenAI` and `openai`. Names the client does not know match only themselves.
 *
 * @example
 * isSameProvider("bedrock", "amazon.bedrock") // true
 */
export function isSameProvider(a: string, b: string | undefined): boolean {
  if (a === b) return true
  const id = findProviderId(a)
  return id !== undefined && b !== undefined && id === findProviderId(b)
}

/** The provider id for a provider name, whatever its spelling, or `undefined` for one the client does not know. */
export function findProviderId(provider: string): ProviderId | undefined {
  const name = provider.toLowerCase()
  return Object.hasOwn(ALIASES, name) ? ALIASES[name] : undefined
}

/**
 * Finds the adapter for a provider among those given explicitly (`adapters: [openai]`), matching the
 * adapter's `name`, or loads it.
 */
export function findAdapter(
  id: ProviderId,
  adapters: readonly AnyProviderAdapter[],
  load: AdapterLoader | undefined,
): Promise<AnyProviderAdapter> {
  const given = adapters.find((adapter) => adapter.name === id)
  if (given) return Promise.resolve(given)
  if (load) return load(id)
  const info = PROVIDERS[id]
  return Promise.reject(
    new PromptLayerValidationError(
      `No adapter for ${id}: install ${info.package} and pass it, e.g. new PromptLayer({ adapters: [${info.exportName}] })`,
    ),
  )
}
