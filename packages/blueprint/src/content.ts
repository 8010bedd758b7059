import * as z from "zod/mini"
import { ANNOTATION_TYPES, CONTENT_TYPES } from "./known-types.js"
import { openUnion } from "./open-union.js"

/**
 * Content parts: what a message is made of. Field names are PromptLayer's, snake_case, as its REST API
 * sends them. Every part is a loose object: fields we do not know are kept, never stripped, so a part
 * from a newer API version round-trips unchanged.
 */

const optionalString = z.nullish(z.string())

// ---- citations -----------------------------------------------------------------------------------

/** A citation of a web page (OpenAI `url_citation`, Anthropic web search, Gemini grounding). */
export const urlCitationSchema = z.looseObject({
  type: z.literal("url_citation"),
  url: z.string(),
  title: optionalString,
  start_index: z.nullish(z.int()),
  end_index: z.nullish(z.int()),
  cited_text: optionalString,
})

/** A citation of an uploaded file (OpenAI file search, Anthropic documents). */
export const fileCitationSchema = z.looseObject({
  type: z.literal("file_citation"),
  file_id: z.string(),
  filename: optionalString,
  index: z.nullish(z.int()),
  start_index: z.nullish(z.int()),
  end_index: z.nullish(z.int()),
  cited_text: optionalString,
})

/** A citation of a place (Gemini grounding with Google Maps). */
export const mapCitationSchema = z.looseObject({
  type: z.literal("map_citation"),
  place_id: optionalString,
  title: optionalString,
  url: optionalString,
  start_index: z.nullish(z.int()),
  end_index: z.nullish(z.int()),
})

/** A citation of a file written by a code interpreter container (OpenAI Responses). */
export const containerFileCitationSchema = z.looseObject({
  type: z.literal("container_file_citation"),
  container_id: z.string(),
  file_id: z.string(),
  filename: optionalString,
  start_index: z.nullish(z.int()),
  end_index: z.nullish(z.int()),
})

const knownAnnotationSchema = z.discriminatedUnion("type", [
  urlCitationSchema,
  fileCitationSchema,
  mapCitationSchema,
  containerFileCitationSchema,
])

/** An annotation on a text part; an unknown future annotation type is kept as it is. */
export const annotationSchema = openUnion(knownAnnotationSchema, ANNOTATION_TYPES)

// ---- text, reasoning, media ----------------------------------------------------------------------

export const textContentSchema = z.looseObject({
  type: z.literal("text"),
  text: z.string(),
  annotations: z.nullish(z.array(annotationSchema)),
  /** Gemini's thought signature for this part, replayed with it in the next turn. */
  thought_signature: optionalString,
  id: optionalString,
})

export const thinkingContentSchema = z.looseObject({
  type: z.literal("thinking"),
  thinking: z.string(),
  /** Anthropic/Bedrock signature, or OpenAI Responses `encrypted_content`: required to replay the turn. */
  signature: optionalString,
  id: optionalString,
})

/** Reasoning the provider returned encrypted (Anthropic and Bedrock `redacted_thinking`). Ours: PromptLayer has none. */
export const redactedThinkingContentSchema = z.looseObject({
  type: z.literal("redacted_thinking"),
  data: z.string(),
})

export const imageDetailSchema = z.enum(["auto", "low", "high"])

export const imageUrlContentSchema = z.looseObject({
  type: z.literal("image_url"),
  image_url: z.looseObject({
    /** An http(s) URL or a `data:` URL with base64 data. */
    url: z.string(),
    detail: z.nullish(imageDetailSchema),
  }),
})

/** A file of any kind: PDF, audio, video, image. `media.type` is its mime type. */
export const mediaContentSchema = z.looseObject({
  type: z.literal("media"),
  media: z.looseObject({
    title: optionalString,
    /** Mime type, e.g. `application/pdf`, `audio/wav`, `image/png`. */
    type: z.string(),
    /** An http(s) URL, a `data:` URL, a provider file URI (`gs://`, `s3://`), or bare base64 data. */
    url: z.string(),
    format: optionalString,
  }),
})

/** A slot filled at render time from a variable holding a list of URLs or base64 strings. */
export const mediaVariableContentSchema = z.looseObject({
  type: z.literal("media_variable"),
  name: z.string().check(z.minLength(1)),
})

/** Media the model generated (images, audio). */
export const outputMediaContentSchema = z.looseObject({
  type: z.literal("output_media"),
  /** An http(s) URL or a `data:` URL. */
  url: z.string(),
  mime_type: z.string(),
  id: optionalString,
  provider_metadata: z.nullish(z.record(z.string(), z.unknown())),
})

/** Code a model ran with a code interpreter / code execution tool. */
export const codeContentSchema = z.looseObject({
  type: z.literal("code"),
  code: z.string(),
  language: optionalString,
  id: optionalString,
  container_id: optionalString,
})

// ---- built-in (server-side) tools ----------------------------------------------------------------

/** A call to a tool the provider runs itself (Anthropic `server_tool_use`: web search, code execution). */
export const serverToolUseContentSchema = z.looseObject({
  type: z.literal("server_tool_use"),
  id: z.string(),
  name: z.string(),
  input: z.record(z.string(), z.unknown()),
})

/** The results of a provider-run web search, kept opaque so they can be replayed as received. */
export const webSearchToolResultContentSchema = z.looseObject({
  type: z.literal("web_search_tool_result"),
  tool_use_id: z.string(),
  content: z.unknown(),
})

export const mcpToolSchema = z.looseObject({
  name: z.string(),
  description: optionalString,
  input_schema: z.optional(z.unknown()),
  annotations: z.optional(z.unknown()),
})

export const mcpListToolsContentSchema = z.looseObject({
  type: z.literal("mcp_list_tools"),
  id: optionalString,
  server_label: z.string(),
  tools: z.array(mcpToolSchema),
  error: optionalString,
})

export const mcpCallContentSchema = z.looseObject({
  type: z.literal("mcp_call"),
  id: z.string(),
  server_label: z.string(),
  name: z.string(),
  /** The call's arguments as a JSON string. */
  arguments: z.string(),
  output: optionalString,
  error: optionalString,
  approval_request_id: optionalString,
})

export const mcpApprovalRequestContentSchema = z.looseObject({
  type: z.literal("mcp_approval_request"),
  id: z.string(),
  server_label: z.string(),
  name: z.string(),
  arguments: z.string(),
})

export const mcpApprovalResponseContentSchema = z.looseObject({
  type: z.literal("mcp_approval_response"),
  id: optionalString,
  approval_request_id: z.string(),
  approve: z.boolean(),
  reason: optionalString,
})

export const shellCallContentSchema = z.looseObject({
  type: z.literal("shell_call"),
  id: optionalString,
  call_id: z.string(),
  action: z.looseObject({
    commands: z.array(z.string()),
    timeout_ms: z.nullish(z.int()),
    max_output_length: z.nullish(z.int()),
  }),
  status: optionalString,
})

export const shellCallOutputContentSchema = z.looseObject({
  type: z.literal("shell_call_output"),
  id: optionalString,
  call_id: z.string(),
  output: z.array(
    z.looseObject({
      stdout: optionalString,
      stderr: optionalString,
      outcome: z.optional(z.unknown()),
    }),
  ),
  max_output_length: z.nullish(z.int()),
})

export const applyPatchCallContentSchema = z.looseObject({
  type: z.literal("apply_patch_call"),
  id: optionalString,
  call_id: z.string(),
  operation: z.looseObject({
    type: z.enum(["create_file", "update_file", "delete_file"]),
    path: z.string(),
    diff: optionalString,
  }),
  status: optionalString,
})

export const applyPatchCallOutputContentSchema = z.looseObject({
  type: z.literal("apply_patch_call_output"),
  id: optionalString,
  call_id: z.string(),
  output: optionalString,
  status: optionalString,
})

// ---- the union -----------------------------------------------------------------------------------

export const knownContentSchema = z.discriminatedUnion("type", [
  textContentSchema,
  thinkingContentSchema,
  redactedThinkingContentSchema,
  imageUrlContentSchema,
  mediaContentSchema,
  mediaVariableContentSchema,
  outputMediaContentSchema,
  codeContentSchema,
  serverToolUseContentSchema,
  webSearchToolResultContentSchema,
  mcpListToolsContentSchema,
  mcpCallContentSchema,
  mcpApprovalRequestContentSchema,
  mcpApprovalResponseContentSchema,
  shellCallContentSchema,
  shellCallOutputContentSchema,
  applyPatchCallContentSchema,
  applyPatchCallOutputContentSchema,
])

/**
 * A content part. A part of a type this version does not know (a newer API's) parses as
 * {@link UnknownContent} instead of failing the whole blueprint; narrow with {@link isKnownContent}.
 *
 * @example
 * contentSchema.parse({ type: "text", text: "Hello {name}" })
 */
export const contentSchema = openUnion(knownContentSchema, CONTENT_TYPES)

export type TextContent = z.infer<typeof textContentSchema>
export type ThinkingContent = z.infer<typeof thinkingContentSchema>
export type RedactedThinkingContent = z.infer<typeof redactedThinkingContentSchema>
export type ImageUrlContent = z.infer<typeof imageUrlContentSchema>
export type MediaContent = z.infer<typeof mediaContentSchema>
export type MediaVariableContent = z.infer<typeof mediaVariableContentSchema>
export type OutputMediaContent = z.infer<typeof outputMediaContentSchema>
export type CodeContent = z.infer<typeof codeContentSchema>
export type ServerToolUseContent = z.infer<typeof serverToolUseContentSchema>
export type WebSearchToolResultContent = z.infer<typeof webSearchToolResultContentSchema>
export type McpListToolsContent = z.infer<typeof mcpListToolsContentSchema>
export type McpCallContent = z.infer<typeof mcpCallContentSchema>
export type McpApprovalRequestContent = z.infer<typeof mcpApprovalRequestContentSchema>
export type McpApprovalResponseContent = z.infer<typeof mcpApprovalResponseContentSchema>
export type ShellCallContent = z.infer<typeof shellCallContentSchema>
export type ShellCallOutputContent = z.infer<typeof shellCallOutputContentSchema>
export type ApplyPatchCallContent = z.infer<typeof applyPatchCallContentSchema>
export type ApplyPatchCallOutputContent = z.infer<typeof applyPatchCallOutputContentSchema>
export type Annotation = z.infer<typeof annotationSchema>
export type KnownAnnotation = z.infer<typeof knownAnnotationSchema>

/** A content part of a type this version knows. */
export type KnownContent = z.infer<typeof knownContentSchema>
export type ContentType = KnownContent["type"]
/** A content part of a type this version does not know, kept as received. */
export type UnknownContent = { type: string; [key: string]: unknown }
export type Content = KnownContent | UnknownContent
