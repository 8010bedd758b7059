/**
 * Responses API request → blueprint: the inverse of `toResponsesRequest`, up to the normalisations
 * listed in the README (consecutive assistant-side items form one assistant message, string input is one
 * user message, `max_output_tokens` reads as `max_tokens`, `text.format` as `response_format`).
 */
import {
  type AssistantMessage,
  type Content,
  type Message,
  mimeTypeFromUrl,
  type PromptBlueprint,
  type ResponseFormat,
  type Tool,
  type ToolChoice,
} from "@pl/blueprint"
import type {
  ResponseCreateParams,
  ResponseFormatTextConfig,
  ResponseInputItem,
  Tool as ResponsesTool,
} from "openai/resources/responses/responses"
import { BUILT_IN_TOOLS } from "../built-in-tools.js"
import { definedOnly } from "../conversion.js"
import { mediaFromFileData } from "../media.js"
import { fromItem, fromOutputText } from "./from-item.js"
import { ENCRYPTED_REASONING } from "./to-request.js"

/** Responses API tool type → blueprint built-in tool type. */
const FROM_BUILT_IN: ReadonlyMap<string, string> = new Map(
  Object.entries(BUILT_IN_TOOLS).flatMap(([type, openai]) => (openai ? [[openai, type] as const] : [])),
)

export function fromResponsesRequest(request: ResponseCreateParams): PromptBlueprint {
  const {
    model,
    input,
    tools,
    tool_choice,
    max_output_tokens,
    text,
    include,
    stream: _stream,
    ...rest
  } = request
  const messages = fromInput(typeof input === "string" ? [{ role: "user", content: input }] : (input ?? []))
  const parameters: Record<string, unknown> = { ...rest }
  if (max_output_tokens != null) parameters.max_tokens = max_output_tokens
  const { format, ...textRest } = text ?? {}
  if (format) parameters.response_format = fromTextFormat(format)
  if (Object.keys(textRest).length > 0) parameters.text = textRest
  // toRequest adds the encrypted-reasoning include whenever it replays encrypted reasoning.
  const signed = messages.some(
    (m) => m.role === "assistant" && m.content?.some((p) => p.type === "thinking" && p.signature),
  )
  const kept = signed ? include?.filter((entry) => entry !== ENCRYPTED_REASONING) : include
  if (kept?.length) parameters.include = kept
  return {
    prompt_template: {
      type: "chat",
      messages,
      ...(tools && { tools: tools.map(fromTool) }),
      ...(tool_choice != null && { tool_choice: fromToolChoice(tool_choice) }),
      input_variables: [],
    },
    metadata: { model: { provider: "openai", name: String(model), parameters, api_type: "responses" } },
  }
}

function fromInput(items: readonly ResponseInputItem[]): Message[] {
  const messages: Message[] = []
  // Items between two non-assistant messages belong to one assistant turn.
  let assistant: AssistantMessage & { content: Content[] } = { role: "assistant", content: [] }
  const turn = () => {
    if (messages.at(-1) !== assistant) {
      assistant = { role: "assistant", content: [] }
      messages.push(assistant)
    }
    return assistant
  }
  for (const item of items) {
    if ("role" in item && item.role !== "assistant") {
      messages.push({ role: item.role, content: fromInputContent(item.content) })
    } else if (item.type === "function_call_output") {
      messages.push({ role: "tool", tool_call_id: item.call_id, content: fromInputContent(item.output) })
    } else if (item.type === "function_call") {
      const call = {
        id: item.call_id,
        type: "function" as const,
        function: { name: item.name, arguments: item.arguments },
      }
      const current = turn()
      current.tool_calls = [...(current.tool_calls ?? []), call]
    } else if ("role" in item && !("id" in item && item.id)) {
      // An assistant input message without an item id: plain text, or output_text parts.
      const content = item.content
      if (typeof content === "string") turn().content.push({ type: "text", text: content })
      else for (const part of content) turn().content.push(fromAssistantText(part))
    } else {
      turn().content.push(...fromItem(item))
    }
  }
  return messages
}

function fromAssistantText(part: { type: string; text?: string; refusal?: string }): Content {
  if (part.type === "output_text" || part.type === "refusal") return fromOutputText(part as never, undefined)
  return part.type === "input_text" ? { type: "text", text: part.text ?? "" } : { ...part }
}

/** Input message content and tool output: text, images and files. */
function fromInputContent(content: string | readonly { type: string }[]): Content[] {
  if (typeof content === "string") return [{ type: "text", text: content }]
  return content.map((input): Content => {
    const part = input as { type: string; [field: string]: unknown }
    if (part.type === "input_text") return { type: "text", text: String(part.text) }
    if (part.type === "input_image" && typeof part.image_url === "string") {
      const detail = part.detail as "auto" | "low" | "high" | undefined
      return { type: "image_url", image_url: { url: part.image_url, ...(detail && { detail }) } }
    }
    if (part.type === "input_file" && typeof part.file_data === "string")
      return mediaFromFileData(part.file_data, part.filename as string | undefined)
    if (part.type === "input_file" && typeof part.file_url === "string") {
      const title = part.filename as string | undefined
      const type = mimeTypeFromUrl(part.file_url) ?? "application/octet-stream"
      return { type: "media", media: { type, url: part.file_url, ...(title && { title }) } }
    }
    // Uploaded files and images (`file_id`) have no blueprint form: kept as received.
    return { ...part }
  })
}

function fromTool(tool: ResponsesTool): Tool {
  if (tool.type === "function") {
    const { name, description, parameters, strict } = tool
    return { type: "function", function: definedOnly({ name, description, parameters, strict }) }
  }
  const { type, ...config } = tool
  const builtIn = FROM_BUILT_IN.get(type)
  if (builtIn === undefined) return { ...tool }
  return { type: builtIn, ...(Object.keys(config).length > 0 && { config }) } as Tool
}

function fromToolChoice(choice: NonNullable<ResponseCreateParams["tool_choice"]>): ToolChoice {
  if (typeof choice === "string") return choice
  if (choice.type === "function") return { type: "function", function: { name: choice.name } }
  return { ...choice }
}

function fromTextFormat(format: ResponseFormatTextConfig): ResponseFormat {
  if (format.type !== "json_schema") return { type: format.type }
  const { type, ...jsonSchema } = format
  return { type, json_schema: jsonSchema }
}
