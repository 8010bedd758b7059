import type { ConverseCommandInput, ConverseStreamCommandInput } from "@aws-sdk/client-bedrock-runtime"
import type { Message, PromptBlueprint, ToRequestOptions } from "@pl/blueprint"
import { type Conversion, unsupported } from "./conversion.js"
import { convertMessages } from "./convert-messages.js"
import { toToolConfig } from "./convert-tools.js"
import { toParameterFields } from "./parameters.js"

/** A Converse or ConverseStream request, as the SDK's commands take it (the two inputs have the same fields). */
export type BedrockRequest = ConverseCommandInput | ConverseStreamCommandInput

// The two commands take the same input, so the request itself cannot say which one to send. `toRequest`
// marks a streaming request with this non-enumerable symbol: the SDK serialises enumerable fields only,
// JSON ignores symbols, and `send` reads it.
const STREAM = Symbol.for("pl.bedrock.stream")

/**
 * Whether `send` sends `request` with ConverseStream: true for a request from `toRequest(bp, { stream: true })`.
 * A copy (`{ ...request }`, `structuredClone`) loses the mark; pass `{ stream: true }` to `send` then.
 *
 * @example
 * isStreamingRequest(bedrock.toRequest(bp, { stream: true })) // true
 */
export function isStreamingRequest(request: BedrockRequest): boolean {
  return (request as { [STREAM]?: unknown })[STREAM] === true
}

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
  if (options.stream) Object.defineProperty(request, STREAM, { value: true })
  return request
}
