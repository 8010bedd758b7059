import type { ContentBlock, ConverseCommandOutput } from "@aws-sdk/client-bedrock-runtime"
import {
  type AssistantMessage,
  type Completion,
  type Content,
  ProviderResponseError,
  stringifyToolArguments,
  type ToolCall,
  toDataUrl,
} from "@pl/blueprint"
import { blobToBase64 } from "./base64.js"
import { PROVIDER } from "./conversion.js"
import { finishReason } from "./finish-reason.js"
import { fromContentBlock } from "./from-content.js"
import { imageFormats } from "./media-formats.js"
import { toUsage } from "./usage.js"

/** What Converse returns: the SDK's output, or the same response as wire JSON (blobs as base64). */
export type BedrockResponse = ConverseCommandOutput

/**
 * Converse response → {@link Completion}. `id` is the AWS request id when the SDK reports one (Converse
 * responses carry no id of their own); `model` is the model a prompt router chose, when it says.
 */
export function fromResponse(response: BedrockResponse): Completion {
  const message = (response as { output?: { message?: { content?: unknown } } } | null)?.output?.message
  if (!message || !Array.isArray(message.content))
    throw new ProviderResponseError(PROVIDER, "the response has no output.message.content list")
  const completion: Completion = { message: fromOutputMessage(message.content as ContentBlock[]) }
  if (response.usage) completion.usage = toUsage(response.usage)
  Object.assign(completion, finishReason(response.stopReason))
  const requestId = response.$metadata?.requestId
  if (requestId) completion.id = requestId
  const model = response.trace?.promptRouter?.invokedModelId
  if (model) completion.model = model
  return completion
}

function fromOutputMessage(blocks: readonly ContentBlock[]): AssistantMessage {
  const content: Content[] = []
  const toolCalls: ToolCall[] = []
  for (const block of blocks) {
    if (block === null || typeof block !== "object")
      throw new ProviderResponseError(PROVIDER, "a content block is not an object")
    if (block.toolUse) {
      toolCalls.push({
        id: block.toolUse.toolUseId ?? "",
        type: "function",
        function: { name: block.toolUse.name ?? "", arguments: stringifyToolArguments(block.toolUse.input) },
      })
    } else if (block.image) {
      // An image the model answered with is generated media.
      const data = blobToBase64(block.image.source?.bytes)
      const mime = imageFormats.mimeType(block.image.format) ?? `image/${block.image.format}`
      if (data !== undefined)
        content.push({ type: "output_media", url: toDataUrl(data, mime), mime_type: mime })
    } else {
      const part = fromContentBlock(block)
      if (part) content.push(part)
    }
  }
  return toolCalls.length > 0
    ? { role: "assistant", content, tool_calls: toolCalls }
    : { role: "assistant", content }
}
