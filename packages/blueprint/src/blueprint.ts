import * as z from "zod/mini"
import { promptTemplateSchema } from "./template.js"
import { jsonSchemaSchema } from "./tool.js"

/** Structured output: the model answers with JSON valid against `json_schema.schema`. */
export const jsonSchemaResponseFormatSchema = z.looseObject({
  type: z.literal("json_schema"),
  json_schema: z.looseObject({
    name: z.string().check(z.minLength(1)),
    description: z.nullish(z.string()),
    schema: jsonSchemaSchema,
    strict: z.nullish(z.boolean()),
  }),
})

/** `parameters.response_format`: plain text, any JSON object, or JSON valid against a schema. */
export const responseFormatSchema = z.discriminatedUnion("type", [
  z.looseObject({ type: z.literal("text") }),
  z.looseObject({ type: z.literal("json_object") }),
  jsonSchemaResponseFormatSchema,
])

/**
 * Model settings. Parameters use the provider's own names, except the portable ones
 * (`temperature`, `top_p`, `max_tokens`, `stop`, `seed`, `response_format`, ...) that adapters translate.
 */
export const modelSchema = z.looseObject({
  /** `openai`, `anthropic`, `google`, `vertexai`, `amazon.bedrock`, `mistral`, `cohere`, ... */
  provider: z.string().check(z.minLength(1)),
  /** The model's name, e.g. `gpt-4o` or `claude-sonnet-5`. */
  name: z.string().check(z.minLength(1)),
  parameters: z.nullish(
    z.looseObject({
      response_format: z.nullish(responseFormatSchema),
    }),
  ),
  /** Which API of the provider: `chat-completions` or `responses` for OpenAI. */
  api_type: z.nullish(z.string()),
})

export const blueprintMetadataSchema = z.looseObject({
  model: z.nullish(modelSchema),
})

/**
 * The prompt blueprint: a provider-neutral prompt, with its model settings.
 *
 * @example
 * const blueprint = promptBlueprintSchema.parse(await response.json())
 */
export const promptBlueprintSchema = z.looseObject({
  prompt_template: promptTemplateSchema,
  metadata: z.nullish(blueprintMetadataSchema),
  commit_message: z.nullish(z.string()),
})

export type ResponseFormat = z.infer<typeof responseFormatSchema>
export type JsonSchemaResponseFormat = z.infer<typeof jsonSchemaResponseFormatSchema>
export type Model = z.infer<typeof modelSchema>
export type ModelParameters = NonNullable<Model["parameters"]>
export type BlueprintMetadata = z.infer<typeof blueprintMetadataSchema>
export type PromptBlueprint = z.infer<typeof promptBlueprintSchema>
/** What `promptBlueprintSchema` accepts (optional fields may be absent or `null`). */
export type PromptBlueprintInput = z.input<typeof promptBlueprintSchema>
