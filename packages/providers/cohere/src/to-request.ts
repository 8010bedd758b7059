import { markStreaming, type PromptBlueprint, type ToRequestOptions } from "@pl/blueprint"
import { unsupported } from "./context.js"
import { toCohereTools } from "./convert-tools.js"
import { toCohereParameters } from "./parameters.js"
import { completionToCohereMessages, toCohereMessages } from "./to-messages.js"
import type { CohereChatRequest, CohereRequest } from "./types.js"

/**
 * A blueprint → a Cohere v2 chat request, in the SDK's camelCase (`CohereClientV2.chat` takes it as is).
 *
 * The model is `options.model` or `metadata.model.name`; parameters are `metadata.model.parameters` with
 * `options.parameters` over them. With `options.stream` the request is marked for `send` to stream it
 * (see {@link isStreamingRequest}).
 * What Cohere cannot express is reported through `options.onWarning` and not sent; what would change the
 * prompt's meaning if dropped throws `UnsupportedFeatureError`.
 *
 * @example
 * const request = toRequest(blueprint, { model: "command-a-03-2025", stream: true })
 * // { model: "command-a-03-2025", messages: [{ role: "user", content: "Hi" }] }, marked as streaming
 */
export function toRequest(blueprint: PromptBlueprint, options: ToRequestOptions = {}): CohereRequest {
  const model = options.model ?? blueprint.metadata?.model?.name
  if (!model) throw unsupported("model", "metadata.model.name", "set metadata.model.name or options.model")
  const { onWarning } = options
  const { fields, toolChoice } = toCohereParameters(
    { ...blueprint.metadata?.model?.parameters, ...options.parameters },
    onWarning,
  )
  const template = blueprint.prompt_template
  const request: CohereChatRequest =
    template.type === "chat"
      ? {
          model,
          messages: toCohereMessages(template.messages, onWarning),
          ...toCohereTools(template, toolChoice, onWarning),
        }
      : { model, messages: completionToCohereMessages(template.content, onWarning) }
  Object.assign(request, fields)
  return options.stream ? markStreaming(request) : request
}
