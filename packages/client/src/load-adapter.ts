import { PromptLayerValidationError } from "./errors.js"
import { type AnyProviderAdapter, PROVIDERS, type ProviderId } from "./providers.js"

/**
 * Loads an installed adapter package with `import()` (Node entry only: a browser bundle must not see
 * these imports). The specifiers are literal so Node bundlers can follow them; a package that is not
 * installed is reported with the command that installs it.
 */
export async function loadAdapter(id: ProviderId): Promise<AnyProviderAdapter> {
  const info = PROVIDERS[id]
  let module: Record<string, unknown>
  try {
    module = await importAdapter(id)
  } catch (error) {
    throw new PromptLayerValidationError(
      `The ${id} adapter is not installed: npm install ${info.package} (and its SDK), or pass it in adapters`,
      { cause: error },
    )
  }
  const adapter = module[info.exportName]
  if (adapter === null || typeof adapter !== "object") {
    throw new PromptLayerValidationError(`${info.package} does not export ${info.exportName}`)
  }
  return adapter as AnyProviderAdapter
}

function importAdapter(id: ProviderId): Promise<Record<string, unknown>> {
  switch (id) {
    case "openai":
    case "openai.responses":
      return import("@pl/provider-openai")
    case "anthropic":
      return import("@pl/provider-anthropic")
    case "google":
      return import("@pl/provider-google")
    case "amazon.bedrock":
      return import("@pl/provider-bedrock")
    case "mistral":
      return import("@pl/provider-mistral")
    case "cohere":
      return import("@pl/provider-cohere")
  }
}
