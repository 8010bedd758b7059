import type { ConverseCommandInput, ConverseStreamCommandInput } from "@aws-sdk/client-bedrock-runtime"
import { type Message, markStreaming, type PromptBlueprint, type ToRequestOptions } from "@pl/blueprint"
import { type Conversion, unsupported } from "./conversion.js"
import { convertMessages } from "./convert-messages.js"
import { toToolConfig } from "./convert-tools.js"
import { toParameterFields } from "./parameters.js"

/** A Converse or ConverseStream request, as the SDK's commands take it (the two inputs have the same fields). */
export type BedrockRequest = ConverseCommandInput | ConverseStreamCommandInput

/**
 * Blueprint → Converse request. See the README for the mapping; what Bedrock cannot express is dropped with
 * a warning through `options.onWarning`, or throws `UnsupportedFeatureError` where dropping would change
 * the prompt's meaning.
 */
export function toRequest(blueprint: PromptBlueprint, options: ToRequestOptions = {}): BedrockRequest {
  const model = options.model ?? blueprint.metadata?.model?.name
  if (!model) unsupported("model", "metadata.model.name", "no model given")
  const conversion: Conversion = { onWarning: options.onWarning, documents: 0 }
  const template = blueprint.prompt_template
  // A completion template is sent as one user message.
  const messages: readonly Message[] =
    template.type === "chat" ? template.messages : [{ role: "user", content: template.content }]
  const converted = convertMessages(
    messages,
    template.type === "chat" ? (i) => `prompt_template.messages[${i}]` : () => "prompt_template",
    conversion,
  )
  const { fields, portable } = toParameterFields(
    blueprint.metadata?.model?.parameters,
    options.parameters,
    conversion,
  )
  // Bedrock requires `toolConfig` once the conversation holds tool calls or results.
  const hasToolBlocks = converted.messages.some((m) => m.content!.some((b) => b.toolUse || b.toolResult))
  const toolConfig =
    template.type === "chat"
      ? toToolConfig(template, portable.tool_choice, hasToolBlocks, conversion)
      : undefined

  const request: BedrockRequest = {
    modelId: model,
    messages: converted.messages,
    ...(converted.system.length > 0 ? { system: converted.system } : {}),
    ...(toolConfig ? { toolConfig } : {}),
    ...fields,
  }
  return options.stream ? markStreaming(request) : request
}
