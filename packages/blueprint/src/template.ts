import * as z from "zod/mini"
import { contentSchema } from "./content.js"
import { messageSchema, templateFormatSchema } from "./message.js"
import { functionCallChoiceSchema, functionDefinitionSchema, toolChoiceSchema, toolSchema } from "./tool.js"

/**
 * A chat prompt: messages, and the tools the model may call.
 *
 * @example
 * chatTemplateSchema.parse({ type: "chat", messages: [{ role: "user", content: [{ type: "text", text: "Hi" }] }] })
 */
export const chatTemplateSchema = z.looseObject({
  type: z.literal("chat"),
  messages: z.array(messageSchema),
  tools: z.nullish(z.array(toolSchema)),
  /** Legacy OpenAI functions. */
  functions: z.nullish(z.array(functionDefinitionSchema)),
  tool_choice: z.nullish(toolChoiceSchema),
  function_call: z.nullish(functionCallChoiceSchema),
  input_variables: z.nullish(z.array(z.string())),
})

/** A completion (single text) prompt. */
export const completionTemplateSchema = z.looseObject({
  type: z.literal("completion"),
  content: z.array(contentSchema),
  input_variables: z.nullish(z.array(z.string())),
  template_format: z.nullish(templateFormatSchema),
})

export const promptTemplateSchema = z.discriminatedUnion("type", [
  chatTemplateSchema,
  completionTemplateSchema,
])

export type ChatTemplate = z.infer<typeof chatTemplateSchema>
export type CompletionTemplate = z.infer<typeof completionTemplateSchema>
export type PromptTemplate = z.infer<typeof promptTemplateSchema>
