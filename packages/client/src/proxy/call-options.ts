/**
 * What a model call through a wrapped SDK client takes besides the SDK's own parameters, as in the
 * official PromptLayer SDKs. They are removed before the SDK sees the call.
 */
export interface PromptLayerCallOptions {
  /** Tags on the request log. */
  pl_tags?: string[] | undefined
  /** Metadata on the request log. */
  pl_metadata?: Record<string, string> | undefined
  /**
   * Resolve `[response, request_id]` instead of the response (`request_id` is `null` when logging
   * failed). For a stream: `[stream, Promise<request_id>]`, the promise settling once the stream has
   * ended and was logged.
   */
  return_pl_id?: boolean | undefined
}

const KEYS = ["pl_tags", "pl_metadata", "return_pl_id"] as const

/**
 * Splits the PromptLayer options from an SDK call's parameters: a copy of the parameters without them
 * (the object itself when it has none, so the SDK sees exactly what it was given), and the options.
 *
 * @example
 * takeCallOptions({ model: "gpt-4o", pl_tags: ["a"] }) // { params: { model: "gpt-4o" }, options: { pl_tags: ["a"] } }
 */
export function takeCallOptions<P>(params: P): { params: P; options: PromptLayerCallOptions } {
  if (params === null || typeof params !== "object" || !KEYS.some((key) => key in params)) {
    return { params, options: {} }
  }
  const { pl_tags, pl_metadata, return_pl_id, ...rest } = params as P & PromptLayerCallOptions
  return { params: rest as P, options: { pl_tags, pl_metadata, return_pl_id } }
}
