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
import { PromptLayerAPIStatusError } from "./errors.js"
import type { HttpClient } from "./http/http-client.js"
import type { Registry } from "./registry.js"

/**
 * The PromptLayer REST API as a {@link Registry}. Paths and bodies follow PromptLayer's API reference:
 * `POST /prompt-templates/{identifier}`, `POST /rest/prompt-templates`, `GET /prompt-templates`,
 * `POST /log-request`, `POST /rest/track-score|track-metadata|track-prompt|track-group`, and
 * `POST /create-group` (the official SDKs' endpoint for `group.create`).
 *
 * @example
 * const registry = new HttpRegistry(new HttpClient({ baseURL: "https://api.promptlayer.com", apiKey }), apiKey)
 */
export class HttpRegistry implements Registry {
  readonly kind = "http"
  readonly #http: HttpClient
  readonly #apiKey: string

  constructor(http: HttpClient, apiKey: string) {
    this.#http = http
    this.#apiKey = apiKey
  }

  async getTemplate(
    name: string,
    selector: TemplateSelector,
    signal?: AbortSignal,
  ): Promise<TemplateResponse> {
    const path = `/prompt-templates/${encodeURIComponent(name)}`
    const body = await this.#http.request<unknown>({
      method: "POST",
      path,
      signal,
      body: {
        version: selector.version,
        label: selector.label,
        metadata_filters: selector.metadataFilters,
        // Rendering happens here, so the template is cached and rendered per call; the official SDKs
        // ask the API for the unrendered template the same way.
        skip_input_variable_rendering: true,
      },
    })
    return expectTemplate(body, path)
  }

  async publishTemplate(input: PublishTemplateInput): Promise<PublishTemplateResponse> {
    const path = "/rest/prompt-templates"
    const body = await this.#http.request<unknown>({
      method: "POST",
      path,
      body: {
        prompt_template: {
          prompt_name: input.prompt_name,
          tags: input.tags ?? [],
          folder_id: input.folder_id,
        },
        prompt_version: {
          prompt_template: input.prompt_template,
          commit_message: input.commit_message ?? undefined,
          metadata: input.metadata ?? undefined,
        },
        release_labels: input.release_labels,
      },
    })
    return expectObject(body, path, "id") as PublishTemplateResponse
  }

  async listTemplates(params: ListTemplatesParams): Promise<ListedTemplate[]> {
    const path = "/prompt-templates"
    const body = await this.#http.request<unknown>({
      method: "GET",
      path,
      query: {
        page: params.page,
        per_page: params.perPage,
        label: params.label,
        name: params.name,
        status: params.status,
      },
    })
    const items = (expectObject(body, path, "items") as { items: unknown }).items
    if (!Array.isArray(items)) throw malformed(path, "items is not a list")
    return items as ListedTemplate[]
  }

  async logRequest(body: LogRequestBody): Promise<LogRequestResponse> {
    const path = "/log-request"
    return expectObject(
      await this.#http.request({ method: "POST", path, body }),
      path,
      "id",
    ) as LogRequestResponse
  }

  trackScore(input: TrackScoreInput): Promise<boolean> {
    const { score_name, name, ...rest } = input
    return this.#track("/rest/track-score", { ...rest, name: name ?? score_name })
  }

  trackMetadata(input: TrackMetadataInput): Promise<boolean> {
    return this.#track("/rest/track-metadata", input)
  }

  trackPrompt(input: TrackPromptInput): Promise<boolean> {
    return this.#track("/rest/track-prompt", input)
  }

  trackGroup(input: TrackGroupInput): Promise<boolean> {
    return this.#track("/rest/track-group", input)
  }

  async createGroup(): Promise<number> {
    const path = "/create-group"
    const body = expectObject(
      await this.#http.request({ method: "POST", path, body: { api_key: this.#apiKey } }),
      path,
      "id",
    )
    return Number((body as { id: unknown }).id)
  }

  async #track(path: string, input: object): Promise<boolean> {
    // The /rest/track-* endpoints document the key in the body (`api_key`, required); the header is
    // sent too, as on every call.
    const body = await this.#http.request<unknown>({
      method: "POST",
      path,
      body: { ...input, api_key: this.#apiKey },
    })
    const success = (body as { success?: unknown } | null)?.success
    return success !== false
  }
}

function expectObject(body: unknown, path: string, key: string): Record<string, unknown> {
  if (body === null || typeof body !== "object" || Array.isArray(body) || !(key in body)) {
    throw malformed(path, `expected an object with ${key}`)
  }
  return body as Record<string, unknown>
}

function expectTemplate(body: unknown, path: string): TemplateResponse {
  const record = expectObject(body, path, "prompt_template")
  const template = record.prompt_template as { type?: unknown } | null
  if (
    template === null ||
    typeof template !== "object" ||
    (template.type !== "chat" && template.type !== "completion")
  ) {
    throw malformed(path, "prompt_template is neither a chat nor a completion template")
  }
  return record as TemplateResponse
}

function malformed(path: string, what: string): PromptLayerAPIStatusError {
  return new PromptLayerAPIStatusError(`PromptLayer API 200 from ${path}: unexpected body, ${what}`, {
    status: 200,
    path,
  })
}
