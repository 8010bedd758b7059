import {
  type ConversionWarning,
  PORTABLE_PARAMETERS,
  type PromptBlueprint,
  type PromptTemplate,
} from "@pl/blueprint"
import type { TemplateResponse } from "./api-types.js"
import { type ProviderEndpoint, resolveEndpoint } from "./endpoint.js"
import { PromptLayerValidationError } from "./errors.js"
import {
  type AdapterLoader,
  type AnyProviderAdapter,
  findAdapter,
  isSameProvider,
  type ProviderId,
  resolveProviderId,
} from "./providers.js"
import { renderPrompt } from "./render.js"

/** What a run needs to know before sending: everything is resolved here, nothing is sent. */
export interface PreparedRun {
  template: TemplateResponse
  /** The template with every variable rendered. */
  rendered: PromptTemplate
  /** The rendered blueprint, with the model settings the request is made with. */
  blueprint: PromptBlueprint
  /** The provider as the blueprint names it (`openai`, `vertexai`), for logs. */
  providerName: string
  providerId: ProviderId
  adapter: AnyProviderAdapter
  model: string
  /** `metadata.model.parameters` with `modelParameterOverrides` over them. */
  parameters: Record<string, unknown>
  /** The provider request, as its SDK takes it. */
  request: unknown
  endpoint: ProviderEndpoint
  warnings: ConversionWarning[]
}

/** How to prepare: what `run()` and `pl run --dry-run` share. */
export interface PrepareOptions {
  inputVariables?: Record<string, unknown> | undefined
  provider?: string | undefined
  model?: string | undefined
  modelParameterOverrides?: Record<string, unknown> | undefined
  stream?: boolean | undefined
  lenientVariables?: boolean | undefined
  /** `false` converts the template as it is, unrendered (for `templates.get` without variables). */
  render?: boolean | undefined
  adapters: readonly AnyProviderAdapter[]
  loadAdapter?: AdapterLoader | undefined
  providerBaseUrls?: Readonly<Record<string, string | undefined>> | undefined
  env?: Readonly<Record<string, string | undefined>> | undefined
}

/**
 * Renders a template and converts it for its provider (or the `provider`/`model` override, with the
 * portable parameters translated by the adapter): the run without the call.
 *
 * @example
 * const prepared = await prepareRun(template, { inputVariables: { topic: "tides" }, adapters: [openai] })
 * console.log(JSON.stringify(prepared.request))
 */
export async function prepareRun(template: TemplateResponse, options: PrepareOptions): Promise<PreparedRun> {
  const model = template.metadata?.model
  const templateProvider = template.custom_provider?.client ?? model?.provider
  // The template's own provider however it is spelt (`bedrock` for `amazon.bedrock`) is no switch: the
  // template's name for it is kept, and its model, parameters and endpoint serve.
  const sameProvider = options.provider === undefined || isSameProvider(options.provider, templateProvider)
  const providerName = sameProvider ? templateProvider : options.provider
  if (!providerName) {
    throw new PromptLayerValidationError(
      `Prompt "${template.prompt_name}" names no provider: set metadata.model.provider or pass provider`,
      { issues: [{ path: "metadata.model.provider", message: "missing" }] },
    )
  }
  const apiType = sameProvider ? model?.api_type : undefined
  const providerId = resolveProviderId(
    providerName,
    apiType,
    sameProvider ? "metadata.model.provider" : "provider",
  )
  const modelName = options.model ?? (sameProvider ? model?.name : undefined)
  if (!modelName) {
    // A model named for the template's own provider is no use on another one.
    const named = !sameProvider && model?.name ? `a model for ${templateProvider}, not for` : "no model for"
    throw new PromptLayerValidationError(
      `Prompt "${template.prompt_name}" names ${named} ${providerName}: pass model, or set metadata.model.name`,
      { issues: [{ path: "metadata.model.name", message: "missing" }] },
    )
  }
  const adapter = await findAdapter(providerId, options.adapters, options.loadAdapter)

  const rendered =
    options.render === false
      ? template.prompt_template
      : renderPrompt(template.prompt_template, options.inputVariables ?? {}, {
          lenient: options.lenientVariables ?? false,
        })
  const parameters = {
    ...(sameProvider ? (model?.parameters ?? {}) : portableOnly(model?.parameters ?? {})),
    ...options.modelParameterOverrides,
  }
  const blueprint: PromptBlueprint = {
    prompt_template: rendered,
    metadata: {
      ...template.metadata,
      model: {
        provider: providerName,
        name: modelName,
        parameters,
        ...(apiType ? { api_type: apiType } : {}),
      },
    },
  }
  const warnings: ConversionWarning[] = []
  const request = adapter.toRequest(blueprint, {
    model: modelName,
    stream: options.stream ?? false,
    onWarning: (warning) => warnings.push(warning),
  })
  const endpoint = resolveEndpoint(providerId, providerName, template, {
    sameProviderAsTemplate: sameProvider,
    providerBaseUrls: options.providerBaseUrls,
    env: options.env,
  })
  return {
    template,
    rendered,
    blueprint,
    providerName,
    providerId,
    adapter,
    model: modelName,
    parameters,
    request,
    endpoint,
    warnings,
  }
}

/**
 * When a run switches provider, the template's provider-native parameters (`thinking`, `logit_bias`)
 * mean nothing to the new one; the adapters translate only the portable ones, and would warn about
 * the others. They are left out here, so a switch is quiet.
 */
function portableOnly(parameters: Record<string, unknown>): Record<string, unknown> {
  const portable = new Set<string>(Object.values(PORTABLE_PARAMETERS).flat())
  return Object.fromEntries(Object.entries(parameters).filter(([key]) => portable.has(key)))
}
