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

/**
 * Where prompts live and requests are logged: the PromptLayer API ({@link HttpRegistry}) or a folder
 * of files (`LocalRegistry` from `@pl/client/local`). The client speaks only this interface, so both
 * behave the same; errors are the `PromptLayerError` family (a missing prompt is
 * `PromptLayerNotFoundError` in both).
 *
 * Templates come back unrendered: rendering and provider conversion happen in the client.
 */
export interface Registry {
  /** `http` or `local`, for messages. */
  readonly kind: string
  getTemplate(name: string, selector: TemplateSelector, signal?: AbortSignal): Promise<TemplateResponse>
  publishTemplate(input: PublishTemplateInput): Promise<PublishTemplateResponse>
  listTemplates(params: ListTemplatesParams): Promise<ListedTemplate[]>
  logRequest(body: LogRequestBody): Promise<LogRequestResponse>
  trackScore(input: TrackScoreInput): Promise<boolean>
  trackMetadata(input: TrackMetadataInput): Promise<boolean>
  trackPrompt(input: TrackPromptInput): Promise<boolean>
  trackGroup(input: TrackGroupInput): Promise<boolean>
  /** A new group id, to tie several requests together. */
  createGroup(): Promise<number>
  /** Finishes writes done in the background (the local registry's request log), if the registry has any. */
  flush?(): Promise<void>
}
