import type { Cohere } from "cohere-ai"

/**
 * The request types of `cohere-ai` (v2 chat), in the SDK's camelCase: what `CohereClientV2.chat` and
 * `CohereClientV2.chatStream` take. The SDK writes them as Cohere's snake_case wire JSON when sending.
 */
export type CohereChatRequest = Cohere.V2ChatRequest

/**
 * A streaming request: the SDK's `V2ChatStreamRequest` marked `stream: true`, so that `send` calls
 * `chatStream` (the two SDK request types have the same fields). `send` removes the mark; the SDK itself
 * writes `"stream": true` into the body.
 */
export type CohereStreamRequest = Cohere.V2ChatStreamRequest & { stream: true }

/** What `cohere.toRequest` returns and `cohere.fromRequest` takes. */
export type CohereRequest = CohereChatRequest | CohereStreamRequest

/** A non-streaming response as the SDK returns it (camelCase); the wire JSON (snake_case) is accepted too. */
export type CohereResponse = Cohere.V2ChatResponse

/** One stream event as the SDK yields it (camelCase); the wire JSON (snake_case) is accepted too. */
export type CohereChunk = Cohere.V2ChatStreamResponse

export type CohereMessage = Cohere.ChatMessageV2
export type CohereTool = Cohere.ToolV2
export type CohereToolCall = Cohere.ToolCallV2
export type CohereCitation = Cohere.Citation
export type CohereSource = Cohere.Source
