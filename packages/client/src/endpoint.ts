import type { TemplateResponse } from "./api-types.js"
import { PROVIDERS, type ProviderId } from "./providers.js"

/** Where to send a provider request, and with which key. */
export interface ProviderEndpoint {
  baseURL?: string | undefined
  /**
   * A workspace custom provider's key, else the provider's key variable (`OPENAI_API_KEY`, ...) read
   * from the client's `env`; for Bedrock none (the AWS SDK's credentials chain finds them).
   */
  apiKey?: string | undefined
}

/**
 * The base URL for a provider call, first found wins:
 * 1. the template's `custom_provider` (`base_url`, `api_key`), which defines the prompt's target;
 * 2. the client's `providerBaseUrls` option, by provider name (`openai`, `vertexai`) or id (`amazon.bedrock`);
 * 3. the template's `provider_base_url.url` (the workspace's setting for that provider);
 * 4. the provider SDK's own base-URL variable (`OPENAI_BASE_URL`, `ANTHROPIC_BASE_URL`,
 *    `GOOGLE_GEMINI_BASE_URL`, `AWS_ENDPOINT_URL_BEDROCK_RUNTIME`, ...);
 * 5. none: the SDK's default.
 * The template's settings apply only when the run keeps the template's provider. The key is the custom
 * provider's, else the provider's own variable from `env` (the same one its SDK would read from
 * `process.env`: passing it explicitly lets a client run with an `env` of its own, as the CLI does).
 *
 * @example
 * resolveEndpoint("openai", "openai", template, { providerBaseUrls: { openai: "http://localhost:8080/v1" } })
 */
export function resolveEndpoint(
  id: ProviderId,
  providerName: string,
  template: Pick<TemplateResponse, "custom_provider" | "provider_base_url">,
  options: {
    sameProviderAsTemplate: boolean
    providerBaseUrls?: Readonly<Record<string, string | undefined>> | undefined
    env?: Readonly<Record<string, string | undefined>> | undefined
  },
): ProviderEndpoint {
  const custom = options.sameProviderAsTemplate ? template.custom_provider : undefined
  const fromOption = options.providerBaseUrls?.[providerName] ?? options.providerBaseUrls?.[id]
  const fromTemplate = options.sameProviderAsTemplate ? template.provider_base_url?.url : undefined
  const fromEnv = PROVIDERS[id].baseUrlEnv.map((name) => options.env?.[name]).find((value) => !!value)
  const keyFromEnv =
    id === "amazon.bedrock"
      ? undefined
      : PROVIDERS[id].keyEnv.map((name) => options.env?.[name]).find((value) => !!value)
  return {
    baseURL: custom?.base_url || fromOption || fromTemplate || fromEnv || undefined,
    apiKey: custom?.api_key || keyFromEnv || undefined,
  }
}
