/** A blueprint feature the target provider cannot express, dropped during conversion. */
export interface ConversionWarning {
  /** The adapter's name, e.g. `anthropic`. */
  provider: string
  /** What was dropped, e.g. `content.output_media` or `parameters.logit_bias`. */
  feature: string
  /** Where in the blueprint, e.g. `prompt_template.messages[3].content[1]`. */
  path?: string
  message: string
}

/**
 * Thrown when a blueprint uses a feature the target provider cannot express and dropping it would
 * change the prompt's meaning (a tool result without its call, an image a provider cannot fetch, ...).
 *
 * @example
 * try { bedrock.toRequest(bp) } catch (e) { if (e instanceof UnsupportedFeatureError) console.log(e.feature, e.path) }
 */
export class UnsupportedFeatureError extends Error {
  override readonly name = "UnsupportedFeatureError"
  readonly provider: string
  readonly feature: string
  readonly path: string | undefined

  constructor(options: { provider: string; feature: string; path?: string; message: string }) {
    super(
      `${options.provider} cannot express ${options.feature}${options.path ? ` at ${options.path}` : ""}: ${options.message}`,
    )
    this.provider = options.provider
    this.feature = options.feature
    this.path = options.path
  }
}

/** Thrown when a provider response or stream chunk does not have the shape the adapter expects. */
export class ProviderResponseError extends Error {
  override readonly name = "ProviderResponseError"
  readonly provider: string

  constructor(provider: string, message: string) {
    super(`${provider}: ${message}`)
    this.provider = provider
  }
}
