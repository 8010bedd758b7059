/**
 * Chat Completions stream → {@link Completion}, updated in place chunk by chunk: text is appended with
 * `+=`, tool-call argument deltas are joined by index, usage and the finish reason land when they arrive.
 * Nothing resets the completion, so a repeated first chunk (`role: "assistant"`) loses no text.
 */
import {
  type Accumulator,
  type Completion,
  type Content,
  type FunctionCall,
  mapFinishReason,
  ProviderResponseError,
  type TextContent,
  type ThinkingContent,
  ToolCallJoiner,
} from "@pl/blueprint"
import type { ChatCompletionChunk } from "openai/resources/chat/completions"
import { isRecord } from "../conversion.js"
import { chatUsage } from "../usage.js"
import { CHAT_FINISH_REASONS } from "./finish-reason.js"
import { fromChatAnnotation, reasoningOf } from "./from-response.js"

export function chatAccumulator(): Accumulator<ChatCompletionChunk> {
  const content: Content[] = []
  const completion: Completion = { message: { role: "assistant", content } }
  const joiner = new ToolCallJoiner()
  let thinking: ThinkingContent | undefined
  let text: TextContent | undefined
  let refusal: TextContent | undefined
  let functionCall: FunctionCall | undefined

  const push = (chunk: ChatCompletionChunk): Completion => {
    if (!isRecord(chunk) || !Array.isArray(chunk.choices))
      throw new ProviderResponseError("openai", "a chat completion chunk needs a `choices` array")
    if (chunk.id) completion.id = chunk.id
    if (chunk.model) completion.model = chunk.model
    if (chunk.usage) completion.usage = chatUsage(chunk.usage)
    for (const choice of chunk.choices) {
      // Only the first choice is read, as in fromResponse.
      if ((choice.index ?? 0) !== 0) continue
      const delta: Partial<ChatCompletionChunk.Choice.Delta> = choice.delta ?? {}
      const reasoning = reasoningOf(delta)
      if (reasoning) {
        thinking ??= append(content, { type: "thinking", thinking: "" })
        thinking.thinking += reasoning
      }
      if (delta.content) {
        text ??= append(content, { type: "text", text: "" })
        text.text += delta.content
      }
      const { annotations } = delta as { annotations?: unknown }
      if (Array.isArray(annotations) && annotations.length > 0) {
        text ??= append(content, { type: "text", text: "" })
        text.annotations ??= []
        for (const annotation of annotations) text.annotations.push(fromChatAnnotation(annotation))
      }
      if (delta.refusal) {
        refusal ??= append(content, { type: "text", text: "" })
        refusal.text += delta.refusal
      }
      if (delta.tool_calls) {
        for (const call of delta.tool_calls) {
          joiner.start(call.index ?? call.id ?? 0, {
            id: call.id,
            name: call.function?.name,
            arguments: call.function?.arguments,
          })
        }
        completion.message.tool_calls = joiner.calls
      }
      if (delta.function_call) {
        functionCall ??= completion.message.function_call = { name: "", arguments: "" }
        functionCall.name += delta.function_call.name ?? ""
        functionCall.arguments += delta.function_call.arguments ?? ""
      }
      if (choice.finish_reason) {
        Object.assign(completion, mapFinishReason(choice.finish_reason, CHAT_FINISH_REASONS))
        if (refusal) completion.finish_reason = "refusal"
      }
    }
    return completion
  }
  return { push, result: () => completion }
}

function append<P extends Content>(content: Content[], part: P): P {
  content.push(part)
  return part
}
