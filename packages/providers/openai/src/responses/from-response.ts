/**
 * Responses API response → {@link Completion}: the output items in order, as content parts (see
 * `fromItem`), with `function_call` items as tool calls. The SDK returns the wire JSON as is (plus an
 * `output_text` convenience field, not read here).
 */
import { type Completion, type Content, ProviderResponseError, type ToolCall } from "@pl/blueprint"
import type { Response } from "openai/resources/responses/responses"
import { isRecord } from "../conversion.js"
import { responsesUsage } from "../usage.js"
import { responsesFinishReason } from "./finish-reason.js"
import { fromItem } from "./from-item.js"

export function fromResponsesResponse(response: Response): Completion {
  if (!isRecord(response) || !Array.isArray(response.output))
    throw new ProviderResponseError("openai.responses", "a response needs an `output` array")
  const content: Content[] = []
  const toolCalls: ToolCall[] = []
  for (const item of response.output) {
    if (item.type === "function_call") toolCalls.push(fromFunctionCall(item))
    else content.push(...fromItem(item))
  }
  const refused = content.length > 0 && response.output.some(isRefusal)
  return {
    message: { role: "assistant", content, ...(toolCalls.length > 0 && { tool_calls: toolCalls }) },
    ...(response.usage && { usage: responsesUsage(response.usage) }),
    ...responsesFinishReason(response),
    ...(refused && { finish_reason: "refusal" as const }),
    id: response.id,
    model: response.model,
  }
}

export function fromFunctionCall(item: { call_id: string; name: string; arguments: string }): ToolCall {
  return { id: item.call_id, type: "function", function: { name: item.name, arguments: item.arguments } }
}

function isRefusal(item: Response["output"][number]): boolean {
  return item.type === "message" && item.content.some((part) => part.type === "refusal")
}
