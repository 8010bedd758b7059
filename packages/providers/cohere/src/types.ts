import type { Cohere } from "cohere-ai"

/**
 * A v2 chat request as `cohere-ai` takes it (camelCase): `CohereClientV2.chat` takes a `V2ChatRequest`,
 * `chatStream` a `V2ChatStreamRequest`, and the two have the same fields. The SDK writes them as Cohere's
 * snake_case wire JSON, adding `"stream"` itself.
 */
export type CohereRequest = Cohere.V2ChatRequest | Cohere.V2ChatStreamRequest

/** The fields of either request type. */
export type CohereChatRequest = Cohere.V2ChatRequest

/** A non-streaming response as the SDK returns it (camelCase); the wire JSON (snake_case) is accepted too. */
export type CohereResponse = Cohere.V2ChatResponse

/** One stream event as the SDK yields it (camelCase); the wire JSON (snake_case) is accepted too. */
export type CohereChunk = Cohere.V2ChatStreamResponse

export type CohereMessage = Cohere.ChatMessageV2
export type CohereTool = Cohere.ToolV2
export type CohereToolCall = Cohere.ToolCallV2
export type CohereCitation = Cohere.Citation
export type CohereSource = Cohere.Source
