import type {
  ContentListUnion,
  ContentUnion,
  FunctionCall,
  FunctionResponse,
  Content as GeminiContent,
  GenerateContentParameters,
  Part,
  PartUnion,
} from "@google/genai"
import {
  type AssistantMessage,
  type ChatTemplate,
  type Content,
  type Message,
  type PromptBlueprint,
  stringifyToolArguments,
  type ToolCall,
  type UserMessage,
} from "@pl/blueprint"
import { requestCallId } from "./call-ids.js"
import { isRecord, PROVIDER } from "./conversion.js"
import { fromFunctionResponse, fromPart } from "./convert-content.js"
import { fromToolConfig, fromTools } from "./convert-tools.js"
import { fromConfig } from "./parameters.js"

/**
 * `GenerateContentParameters` (e.g. written by hand for the SDK) → a blueprint; the inverse of `toRequest`,
 * up to the normalisations the README lists (one system message first, function responses as tool
 * messages, generated ids for calls without one).
 *
 * @example
 * const blueprint = google.fromRequest({ model: "gemini-2.5-flash", contents: "Hello" })
 */
export function fromRequest(request: GenerateContentParameters): PromptBlueprint {
  const config = request.config
  const messages: Message[] = []
  if (config?.systemInstruction !== undefined) {
    const parts = toContentList(config.systemInstruction)[0]?.parts ?? []
    const content = parts.flatMap((part) => fromPart(part, "user") ?? [])
    if (content.length > 0) messages.push({ role: "system", content })
  }
  messages.push(...fromContents(toContentList(request.contents)))

  const { toolChoice, rest } = fromToolConfig(config?.toolConfig)
  const template: ChatTemplate = { type: "chat", messages }
  const tools = fromTools(config?.tools)
  if (tools.length > 0) template.tools = tools
  if (toolChoice) template.tool_choice = toolChoice
  const parameters = fromConfig(config)
  if (rest) parameters.toolConfig = rest
  return {
    prompt_template: template,
    metadata: { model: { provider: PROVIDER, name: request.model, parameters } },
  }
}

/**
 * Contents → messages. A `model` content is one assistant message, its function calls the tool calls (a
 * call without an id gets a generated one, see `call-ids.ts`). In a `user` content each function response
 * is a tool message answering the call with its id; one without an id answers the earlier call of the same
 * name in the last model turn that had no id either, or else is a legacy `function` message.
 */
function fromContents(contents: readonly GeminiContent[]): Message[] {
  const messages: Message[] = []
  const names = new Map<string, string>()
  let unnamed = new Map<string, string[]>()
  for (const [c, content] of contents.entries()) {
    const parts = content.parts ?? []
    if (content.role === "model") {
      unnamed = new Map()
      const message: AssistantMessage = { role: "assistant", content: [] }
      const calls: ToolCall[] = []
      for (const [p, part] of parts.entries()) {
        if (part.functionCall)
          calls.push(toolCall(part.functionCall, part, requestCallId(c, p), names, unnamed))
        else {
          const item = fromPart(part, "model")
          if (item) message.content!.push(item)
        }
      }
      if (calls.length > 0) message.tool_calls = calls
      messages.push(message)
      continue
    }
    let user: UserMessage | undefined
    for (const part of parts) {
      if (part.functionResponse) {
        user = undefined
        messages.push(toolMessage(part.functionResponse, names, unnamed))
        continue
      }
      const item = fromPart(part, "user")
      if (!item) continue
      if (!user) {
        user = { role: "user", content: [] }
        messages.push(user)
      }
      user.content.push(item)
    }
  }
  return messages
}

function toolCall(
  call: FunctionCall,
  part: Part,
  generatedId: string,
  names: Map<string, string>,
  unnamed: Map<string, string[]>,
): ToolCall {
  const name = call.name ?? ""
  const id = call.id || generatedId
  if (!call.id) unnamed.set(name, [...(unnamed.get(name) ?? []), id])
  names.set(id, name)
  const toolCall: ToolCall = {
    id,
    type: "function",
    function: { name, arguments: stringifyToolArguments(call.args) },
  }
  if (part.thoughtSignature) toolCall.provider_metadata = { thought_signature: part.thoughtSignature }
  return toolCall
}

function toolMessage(
  response: FunctionResponse,
  names: ReadonlyMap<string, string>,
  unnamed: Map<string, string[]>,
): Message {
  const name = response.name ?? ""
  const content: Content[] = fromFunctionResponse(response)
  const id = response.id || unnamed.get(name)?.shift()
  if (!id) return { role: "function", name, content }
  // The name is kept only when the call it answers does not give it.
  return names.get(id) === name
    ? { role: "tool", tool_call_id: id, content }
    : { role: "tool", tool_call_id: id, name, content }
}

// The SDK accepts a string, a part, a content, or lists of those, for `contents` and `systemInstruction`.
function toContentList(value: ContentListUnion | ContentUnion): GeminiContent[] {
  if (!Array.isArray(value)) return isContent(value) ? [value] : [{ role: "user", parts: [toPart(value)] }]
  if (value.length > 0 && value.every(isContent)) return value as GeminiContent[]
  return [{ role: "user", parts: (value as PartUnion[]).map(toPart) }]
}

function isContent(value: unknown): value is GeminiContent {
  return isRecord(value) && ("parts" in value || "role" in value)
}

function toPart(value: PartUnion): Part {
  return typeof value === "string" ? { text: value } : value
}
