/**
 * Chat Completions response → {@link Completion}. The SDK returns the wire JSON as is, so both are read
 * the same way. Only the first choice is read (`n > 1` asks for several).
 */
import {
  type Annotation,
  type Completion,
  type Content,
  mapFinishReason,
  ProviderResponseError,
  type ToolCall,
} from "@pl/blueprint"
import type { ChatCompletion, ChatCompletionMessage } from "openai/resources/chat/completions"
import { isRecord } from "../conversion.js"
import { chatUsage } from "../usage.js"
import { CHAT_FINISH_REASONS } from "./finish-reason.js"

export function fromChatResponse(response: ChatCompletion): Completion {
  if (!isRecord(response) || !Array.isArray(response.choices))
    throw new ProviderResponseError("openai", "a chat completion needs a `choices` array")
  const choice = response.choices[0]
  const message: Partial<ChatCompletionMessage> = choice?.message ?? {}
  const content: Content[] = []
  // OpenAI-compatible servers (DeepSeek, vLLM) return reasoning as `reasoning_content`.
  const reasoning = reasoningOf(message)
  if (reasoning) content.push({ type: "thinking", thinking: reasoning })
  if (message.content) {
    const annotations = message.annotations?.map(fromChatAnnotation)
    content.push({ type: "text", text: message.content, ...(annotations?.length && { annotations }) })
  }
  if (message.refusal) content.push({ type: "text", text: message.refusal })
  const toolCalls: ToolCall[] = []
  for (const call of message.tool_calls ?? []) {
    if (call.type === "function")
      toolCalls.push({
        id: call.id,
        type: "function",
        function: { name: call.function.name, arguments: call.function.arguments },
      })
  }
  const finish = mapFinishReason(choice?.finish_reason, CHAT_FINISH_REASONS)
  return {
    message: {
      role: "assistant",
      content,
      ...(toolCalls.length > 0 && { tool_calls: toolCalls }),
      ...(message.function_call && {
        function_call: { name: message.function_call.name, arguments: message.function_call.arguments },
      }),
    },
    ...(response.usage && { usage: chatUsage(response.usage) }),
    ...finish,
    ...(message.refusal && { finish_reason: "refusal" }),
    id: response.id,
    model: response.model,
  }
}

/** Chat nests the citation under `url_citation`; the blueprint holds it flat. */
export function fromChatAnnotation(annotation: ChatCompletionMessage.Annotation): Annotation {
  const citation = annotation.url_citation
  return citation ? { type: "url_citation", ...citation } : (annotation as unknown as Annotation)
}

/** OpenAI-compatible servers (DeepSeek, vLLM) send reasoning as `reasoning_content`, beside `content`. */
export function reasoningOf(value: object): string | undefined {
  const { reasoning_content } = value as { reasoning_content?: unknown }
  return typeof reasoning_content === "string" && reasoning_content !== "" ? reasoning_content : undefined
}
