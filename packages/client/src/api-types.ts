/**
 * The shapes of the PromptLayer REST API, as its reference documents them (docs.promptlayer.com/reference),
 * field names snake_case exactly as sent. The registry interface speaks these shapes, so the HTTP and
 * the local registry are interchangeable.
 */
import type { BlueprintMetadata, PromptTemplate } from "@pl/blueprint"

/** `provider_base_url` of a template response: the workspace's base URL for the prompt's provider. */
export interface ProviderBaseUrl {
  id?: number
  name?: string
  provider?: string
  url: string
}

/**
 * `custom_provider` of a template response: an OpenAI-compatible (or other) provider defined in the
 * workspace (DeepSeek, xAI, ...). `client` names the adapter, `base_url` where to send, `api_key` the key
 * the provider is called with (never sent back to PromptLayer).
 */
export interface CustomProvider {
  id?: number
  name?: string
  client: string
  base_url?: string | null
  api_key?: string | null
}

/** What `POST /prompt-templates/{identifier}` returns. Unknown fields are kept. */
export interface TemplateResponse {
  id: number
  prompt_name: string
  version: number
  prompt_template: PromptTemplate
  metadata?: BlueprintMetadata | null
  commit_message?: string | null
  tags?: string[]
  /** The provider request, computed locally by the adapter when the provider is known. */
  llm_kwargs?: Record<string, unknown> | null
  provider_base_url?: ProviderBaseUrl | null
  custom_provider?: CustomProvider | null
  /** Release labels pointing at this version (the local registry fills it; the API may not). */
  release_labels?: string[]
  [key: string]: unknown
}

/** Selects a version of a prompt. */
export interface TemplateSelector {
  /** A version number; the latest when neither `version` nor `label` is given. */
  version?: number | undefined
  /** A release label (`prod`, `staging`). */
  label?: string | undefined
  /** A provider name: `llm_kwargs` is computed for it (defaults to the template's own provider). */
  provider?: string | undefined
  /** A model name, for `llm_kwargs`. */
  model?: string | undefined
  /** A/B release-label filters (PromptLayer's `metadata_filters`). */
  metadataFilters?: Record<string, string> | undefined
}

/** What `templates.publish` takes; the blueprint plus where it goes. */
export interface PublishTemplateInput {
  prompt_name: string
  prompt_template: PromptTemplate
  metadata?: BlueprintMetadata | null
  commit_message?: string | null
  tags?: string[]
  release_labels?: string[]
  folder_id?: number
}

/** What `POST /rest/prompt-templates` returns. */
export interface PublishTemplateResponse {
  id: number
  prompt_name: string
  prompt_version_id: number
  version_number: number
  tags: string[]
  release_labels?: string[] | null
  prompt_template: PromptTemplate
  metadata?: BlueprintMetadata | null
  commit_message?: string | null
  [key: string]: unknown
}

/** `GET /prompt-templates` query. */
export interface ListTemplatesParams {
  page?: number
  perPage?: number
  label?: string
  name?: string
  status?: "active" | "deleted" | "all"
}

/** One item of `GET /prompt-templates`. */
export type ListedTemplate = TemplateResponse

/** `status` of a logged request. */
export type RequestStatus = "SUCCESS" | "WARNING" | "ERROR"

/** PromptLayer's error categories for a logged request (`error_type`). */
export type ErrorType =
  | "PROVIDER_RATE_LIMIT"
  | "PROVIDER_QUOTA_LIMIT"
  | "PROVIDER_TIMEOUT"
  | "PROVIDER_AUTH_ERROR"
  | "PROVIDER_PARTIAL_RESPONSE"
  | "PROVIDER_ERROR"
  | "UNKNOWN_ERROR"

/**
 * The body of `POST /log-request`: input and output as blueprints (chat or completion templates),
 * times as ISO 8601 strings.
 */
export interface LogRequestBody {
  provider: string
  model: string
  input: PromptTemplate
  output: PromptTemplate
  request_start_time: string
  request_end_time: string
  parameters?: Record<string, unknown>
  tags?: string[]
  metadata?: Record<string, string>
  prompt_name?: string | null
  prompt_id?: number | null
  prompt_version_number?: number | null
  prompt_input_variables?: Record<string, unknown>
  input_tokens?: number
  output_tokens?: number
  price?: number
  function_name?: string
  score?: number
  api_type?: string | null
  status?: RequestStatus
  error_type?: ErrorType | null
  error_message?: string | null
  [key: string]: unknown
}

/** What `POST /log-request` returns (201): `id` is the request id. */
export interface LogRequestResponse {
  id: number
  prompt_version?: unknown
  [key: string]: unknown
}

/** `POST /rest/track-score` (the API key is added by the client). */
export interface TrackScoreInput {
  request_id: number
  /** 0 to 100. */
  score: number
  /** A named score; `default` when absent. */
  name?: string
  /** The official SDK's spelling of `name`. */
  score_name?: string
}

/** `POST /rest/track-metadata` */
export interface TrackMetadataInput {
  request_id: number
  metadata: Record<string, string>
}

/** `POST /rest/track-prompt` */
export interface TrackPromptInput {
  request_id: number
  prompt_name: string
  prompt_input_variables?: Record<string, unknown>
  version?: number
  label?: string
}

/** `POST /rest/track-group` */
export interface TrackGroupInput {
  request_id: number
  group_id: number
}
