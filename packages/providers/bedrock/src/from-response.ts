import type { ContentBlock, ConverseCommandOutput } from "@aws-sdk/client-bedrock-runtime"
import { type AssistantMessage, type Completion, ProviderResponseError } from "@pl/blueprint"
import { PROVIDER } from "./conversion.js"
import { finishReason } from "./finish-reason.js"
import { fromBlocks } from "./from-request.js"
import { toUsage } from "./usage.js"

/** What Converse returns: the SDK's output, or the same response as wire JSON (blobs as base64). */
export type BedrockResponse = ConverseCommandOutput

/**
 * Converse response → {@link Completion}. `id` is the AWS request id when the SDK reports one (Converse
 * responses carry no id of their own).
 */
export function fromResponse(response: BedrockResponse): Completion {
  const content = (response as { output?: { message?: { content?: unknown } } } | null)?.output?.message
    ?.content
  if (!Array.isArray(content) || !content.every((block) => block && typeof block === "object"))
    throw new ProviderResponseError(PROVIDER, "no output.message.content")
  const message = fromBlocks(content as ContentBlock[], "assistant").find((m) => m.role === "assistant")
  const completion: Completion = {
    message: (message as AssistantMessage | undefined) ?? { role: "assistant", content: [] },
    ...finishReason(response.stopReason),
  }
  if (response.usage) completion.usage = toUsage(response.usage)
  const id = response.$metadata?.requestId
  if (id) completion.id = id
  return completion
}
