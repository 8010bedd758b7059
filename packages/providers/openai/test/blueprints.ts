/**
 * Small builders for hand-written blueprints in the tests.
 */
import type { ChatTemplate, ConversionWarning, Message, PromptBlueprint } from "@pl/blueprint"

/** A chat blueprint for `gpt-4o` with these messages, template fields and model parameters. */
export function chatBlueprint(
  messages: Message[],
  template: Partial<Omit<ChatTemplate, "type" | "messages">> = {},
  parameters: Record<string, unknown> = {},
): PromptBlueprint {
  return {
    prompt_template: { type: "chat", messages, ...template },
    metadata: { model: { provider: "openai", name: "gpt-4o", parameters } },
  }
}

/** A user message with one text part. */
export function user(text: string): Message {
  return { role: "user", content: [{ type: "text", text }] }
}

/** Collects the warnings of one conversion. */
export function warnings(): { list: ConversionWarning[]; onWarning: (w: ConversionWarning) => void } {
  const list: ConversionWarning[] = []
  return { list, onWarning: (w) => list.push(w) }
}
