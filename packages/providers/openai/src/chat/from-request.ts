/**
 * Chat Completions request → blueprint: the inverse of `toChatRequest`, up to the normalisations listed
 * in the README (string content becomes one text part, `max_completion_tokens` reads as `max_tokens`,
 * `stream` and `stream_options` are left out).
 */
import type { Content, Message, PromptBlueprint, Tool, ToolChoice } from "@pl/blueprint"
import type {
  ChatCompletionContentPart,
  ChatCompletionContentPartRefusal,
  ChatCompletionCreateParams,
  ChatCompletionMessageParam,
} from "openai/resources/chat/completions"
import { definedOnly, nameOf } from "../conversion.js"
import { audioMimeType, mediaFromFileData } from "../media.js"

export function fromChatRequest(request: ChatCompletionCreateParams): PromptBlueprint {
  const {
    model,
    messages,
    tools,
    tool_choice,
    functions,
    function_call,
    max_completion_tokens,
    max_tokens,
    stream: _stream,
    stream_options: _streamOptions,
    ...rest
  } = request
  const parameters: Record<string, unknown> = { ...rest }
  const maxTokens = max_completion_tokens ?? max_tokens
  if (maxTokens != null) parameters.max_tokens = maxTokens
  return {
    prompt_template: {
      type: "chat",
      messages: messages.map(fromChatMessage),
      // Chat's function tools and tool choices have the blueprint's shape; custom tools are kept as tools
      // the blueprint does not know.
      ...(tools && { tools: tools as Tool[] }),
      ...(tool_choice !== undefined && { tool_choice: tool_choice as ToolChoice }),
      ...(functions && {
        functions: functions.map(({ name, description, parameters }) =>
          definedOnly({ name, description, parameters }),
        ),
      }),
      ...(function_call !== undefined && {
        function_call: typeof function_call === "string" ? function_call : { name: function_call.name },
      }),
      input_variables: [],
    },
    metadata: { model: { provider: "openai", name: model, parameters, api_type: "chat-completions" } },
  }
}

function fromChatMessage(message: ChatCompletionMessageParam): Message {
  switch (message.role) {
    case "system":
    case "developer":
    case "user":
      return { role: message.role, content: fromContent(message.content), ...nameOf(message) }
    case "assistant":
      return {
        role: "assistant",
        content: message.content == null ? [] : fromContent(message.content),
        ...nameOf(message),
        ...(message.tool_calls?.length && {
          tool_calls: message.tool_calls.flatMap((call) =>
            call.type === "function"
              ? [
                  {
                    id: call.id,
                    type: call.type,
                    function: { name: call.function.name, arguments: call.function.arguments },
                  },
                ]
              : [],
          ),
        }),
        ...(message.function_call && {
          function_call: { name: message.function_call.name, arguments: message.function_call.arguments },
        }),
      }
    case "tool":
      return { role: "tool", tool_call_id: message.tool_call_id, content: fromContent(message.content) }
    case "function":
      return { role: "function", name: message.name, content: fromContent(message.content ?? "") }
  }
}

function fromContent(
  content: string | readonly (ChatCompletionContentPart | ChatCompletionContentPartRefusal)[],
) {
  if (typeof content === "string") return [{ type: "text" as const, text: content }]
  return content.map(fromContentPart)
}

function fromContentPart(part: ChatCompletionContentPart | ChatCompletionContentPartRefusal): Content {
  switch (part.type) {
    case "text":
      return { type: "text", text: part.text }
    case "refusal":
      return { type: "text", text: part.refusal }
    case "image_url":
      return { type: "image_url", image_url: { ...part.image_url } }
    case "input_audio":
      return {
        type: "media",
        media: { type: audioMimeType(part.input_audio.format), url: part.input_audio.data },
      }
    case "file":
      // An uploaded file (`file_id`) has no blueprint form: kept as received.
      return part.file.file_data ? mediaFromFileData(part.file.file_data, part.file.filename) : { ...part }
  }
}
