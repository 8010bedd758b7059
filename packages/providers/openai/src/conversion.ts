/**
 * What both OpenAI converters share: where warnings go, the typed errors, the model name, and the
 * blueprint's messages (a completion template is one user message).
 */
import {
  type ConversionWarning,
  type Message,
  type PromptBlueprint,
  type TextContent,
  type ToolCall,
  type ToRequestOptions,
  UnsupportedFeatureError,
} from "@pl/blueprint"

/** One conversion: the adapter's name and the caller's warning sink. */
export interface Conversion {
  readonly provider: string
  readonly onWarning: ((warning: ConversionWarning) => void) | undefined
}

export function warn(c: Conversion, feature: string, path: string, message: string): void {
  c.onWarning?.({ provider: c.provider, feature, path, message })
}

/** Reports a feature left out of the request; `reason` says why. */
export function drop(c: Conversion, feature: string, path: string, reason: string): void {
  warn(c, feature, path, `${reason}; not sent`)
}

/** Citations (unless `citations` says the target takes them) and Gemini signatures on a text part. */
export function dropTextExtras(c: Conversion, part: TextContent, path: string, citations = false): void {
  if (part.annotations?.length && !citations)
    drop(c, "content.text.annotations", path, "OpenAI takes no citations here")
  if (part.thought_signature) drop(c, "content.text.thought_signature", path, "a Gemini signature")
}

/** Gemini's signature on a tool call means nothing to OpenAI. */
export function dropCallSignature(c: Conversion, call: ToolCall, path: string): void {
  if (call.provider_metadata?.thought_signature)
    drop(c, "tool_calls.thought_signature", path, "a Gemini signature")
}

export function unsupported(c: Conversion, feature: string, path: string, message: string) {
  return new UnsupportedFeatureError({ provider: c.provider, feature, path, message })
}

/** `options.model`, else `metadata.model.name`; without either there is nothing to call. */
export function modelOf(c: Conversion, blueprint: PromptBlueprint, options: ToRequestOptions): string {
  const model = options.model ?? blueprint.metadata?.model?.name
  if (!model) throw unsupported(c, "model", "metadata.model.name", "set metadata.model.name or options.model")
  return model
}

/**
 * The messages to send, each with its blueprint path for warnings. A completion template is sent as one
 * user message holding its content.
 */
export function messagesOf(blueprint: PromptBlueprint): { message: Message; path: string }[] {
  const template = blueprint.prompt_template
  if (template.type === "completion") {
    return [{ message: { role: "user", content: template.content }, path: "prompt_template" }]
  }
  return template.messages.map((message, i) => ({ message, path: `prompt_template.messages[${i}]` }))
}

/** Throws for the template slots @pl/templating fills (placeholder messages, media and tool variables). */
export function notRendered(c: Conversion, what: string, path: string) {
  return unsupported(c, what, path, "render the template first (@pl/templating)")
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
}

export { definedOnly } from "@pl/blueprint"

/** The path of a message's content part, for warnings and errors. */
export function partPath(messagePath: string, index: number): string {
  return `${messagePath}.content[${index}]`
}

/**
 * A tool choice in the blueprint's words (`auto`, `none`, `required`, or an object with a `type`).
 * `parameters.tool_choice` may hold another provider's: Anthropic's `{ type: "auto" | "any" | "none" }`
 * and `{ type: "tool", name }` read as `auto`, `required`, `none` and a named function.
 */
export function toolChoiceOf(choice: unknown): string | Record<string, unknown> | undefined {
  if (typeof choice === "string") return choice
  if (!isRecord(choice) || typeof choice.type !== "string") return undefined
  if (choice.type === "any") return "required"
  if (choice.type === "auto" || choice.type === "none") return choice.type
  if (choice.type === "tool") return { type: "function", function: { name: choice.name } }
  return choice
}

/** A message's `name`, as a field to spread when it has one. */
export function nameOf(message: { name?: string | null }): { name?: string } {
  return message.name ? { name: message.name } : {}
}
