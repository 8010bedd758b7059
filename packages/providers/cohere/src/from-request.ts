import type { ChatTemplate, PromptBlueprint } from "@pl/blueprint"
import { PROVIDER } from "./context.js"
import { fromCohereTools } from "./convert-tools.js"
import { fromCohereMessages } from "./from-messages.js"
import { fromCohereParameters } from "./parameters.js"
import type { CohereRequest } from "./types.js"

/**
 * A Cohere v2 chat request (SDK camelCase, e.g. one written by hand) → a blueprint with
 * `metadata.model = { provider: "cohere", name, parameters }`. The README lists how it normalises: single
 * strings become one text part, the tool plan becomes a text part, documents in tool results become
 * text parts holding their JSON, portable parameters take their portable names.
 *
 * @example
 * fromRequest({ model: "command-a-03-2025", messages: [{ role: "user", content: "Hi" }], maxTokens: 100 })
 * // { prompt_template: { type: "chat", messages: [{ role: "user", content: [{ type: "text", text: "Hi" }] }] },
 * //   metadata: { model: { provider: "cohere", name: "command-a-03-2025", parameters: { max_tokens: 100 } } } }
 */
export function fromRequest(request: CohereRequest): PromptBlueprint {
  const template: ChatTemplate = {
    type: "chat",
    messages: fromCohereMessages(request.messages),
    ...fromCohereTools(request),
  }
  return {
    prompt_template: template,
    metadata: {
      model: { provider: PROVIDER, name: request.model, parameters: fromCohereParameters(request) },
    },
  }
}
