import * as z from "zod/mini"
import { contentSchema } from "./content.js"
import { functionCallSchema, toolCallSchema } from "./tool.js"

export const templateFormatSchema = z.enum(["f-string", "jinja2"])

const contentList = z.array(contentSchema)

/** Fields every message may carry. */
const common = {
  /** How the message's text is rendered; PromptLayer's default is `f-string`. */
  template_format: z.nullish(templateFormatSchema),
  /** The variables the message's text uses, as PromptLayer computed them. */
  input_variables: z.nullish(z.array(z.string())),
  name: z.nullish(z.string()),
}

export const systemMessageSchema = z.looseObject({
  role: z.literal("system"),
  content: contentList,
  ...common,
})
export const developerMessageSchema = z.looseObject({
  role: z.literal("developer"),
  content: contentList,
  ...common,
})
export const userMessageSchema = z.looseObject({ role: z.literal("user"), content: contentList, ...common })

export const assistantMessageSchema = z.looseObject({
  role: z.literal("assistant"),
  content: z.nullish(contentList),
  tool_calls: z.nullish(z.array(toolCallSchema)),
  function_call: z.nullish(functionCallSchema),
  ...common,
})

/** The result of a tool call, answering the assistant's call with the same `tool_call_id`. */
export const toolMessageSchema = z.looseObject({
  role: z.literal("tool"),
  content: contentList,
  tool_call_id: z.string(),
  ...common,
})

/** The result of a legacy function call; `name` is the function's. */
export const functionMessageSchema = z.looseObject({
  role: z.literal("function"),
  content: contentList,
  ...common,
  name: z.string(),
})

/** Expanded at render time into the messages held by the variable `name`. */
export const placeholderMessageSchema = z.looseObject({
  role: z.literal("placeholder"),
  content: z.nullish(contentList),
  ...common,
  name: z.string().check(z.minLength(1)),
})

/**
 * A chat message, by `role`.
 *
 * @example
 * messageSchema.parse({ role: "user", content: [{ type: "text", text: "Hi {name}" }] })
 */
export const messageSchema = z.discriminatedUnion("role", [
  systemMessageSchema,
  developerMessageSchema,
  userMessageSchema,
  assistantMessageSchema,
  toolMessageSchema,
  functionMessageSchema,
  placeholderMessageSchema,
])

export type TemplateFormat = z.infer<typeof templateFormatSchema>
export type SystemMessage = z.infer<typeof systemMessageSchema>
export type DeveloperMessage = z.infer<typeof developerMessageSchema>
export type UserMessage = z.infer<typeof userMessageSchema>
export type AssistantMessage = z.infer<typeof assistantMessageSchema>
export type ToolMessage = z.infer<typeof toolMessageSchema>
export type FunctionMessage = z.infer<typeof functionMessageSchema>
export type PlaceholderMessage = z.infer<typeof placeholderMessageSchema>
export type Message = z.infer<typeof messageSchema>
export type Role = Message["role"]
