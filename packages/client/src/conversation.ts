import type { AssistantMessage, ChatTemplate, Message, PromptBlueprint, PromptTemplate } from "@pl/blueprint"

/**
 * The messages a template sends: a chat template's messages, or a completion template's content as one
 * user message (which is how every adapter sends a completion template).
 *
 * @example
 * inputMessages({ type: "completion", content: [{ type: "text", text: "Hi" }] }) // [{ role: "user", content: [...] }]
 */
export function inputMessages(template: PromptTemplate): Message[] {
  if (template.type === "chat") return template.messages
  return [{ role: "user", content: template.content }]
}

/** A blueprint whose template is a chat: the conversation `run()` returns. */
export type ConversationBlueprint = PromptBlueprint & { prompt_template: ChatTemplate }

/**
 * The blueprint `run()` returns: the rendered input followed by the assistant's reply, as a chat
 * template (a completion template's content becomes the first user message), with the model settings
 * the request was made with.
 *
 * @example
 * conversationBlueprint(rendered, completion.message, metadata).prompt_template.messages.at(-1) // the reply
 */
export function conversationBlueprint(
  rendered: PromptTemplate,
  reply: AssistantMessage,
  metadata: PromptBlueprint["metadata"],
): ConversationBlueprint {
  const base =
    rendered.type === "chat" ? rendered : { type: "chat" as const, input_variables: rendered.input_variables }
  return {
    prompt_template: { ...base, type: "chat", messages: [...inputMessages(rendered), reply] },
    metadata,
  }
}

/**
 * A copy of an assistant message that later accumulator pushes will not change. Text is shared (strings
 * are immutable), so a copy costs O(parts + tool calls), not O(text).
 */
export function snapshotMessage(message: AssistantMessage): AssistantMessage {
  const copy: AssistantMessage = { ...message }
  if (message.content) copy.content = message.content.map((part) => ({ ...part }))
  if (message.tool_calls) {
    copy.tool_calls = message.tool_calls.map((call) => ({ ...call, function: { ...call.function } }))
  }
  return copy
}

/** The empty reply logged when a provider failed before answering. */
export const EMPTY_REPLY: AssistantMessage = { role: "assistant", content: [] }
