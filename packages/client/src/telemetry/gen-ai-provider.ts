import type { ProviderId } from "../providers.js"

/** How the GenAI semantic conventions name a provider call: `gen_ai.provider.name` and `gen_ai.operation.name`. */
export interface GenAiCall {
  provider: string
  operation: "chat" | "generate_content"
}

const PROVIDER_NAMES: Readonly<Record<Exclude<ProviderId, "google">, string>> = {
  openai: "openai",
  "openai.responses": "openai",
  anthropic: "anthropic",
  "amazon.bedrock": "aws.bedrock",
  mistral: "mistral_ai",
  cohere: "cohere",
}

/**
 * The `gen_ai.provider.name` and `gen_ai.operation.name` of a call, with the conventions' well-known
 * values. Google is `gcp.vertex_ai` when the prompt names `vertexai` or the adapter is told to send to
 * Vertex AI (`providerOptions.google.vertexai`), else `gcp.gemini` (the Gemini API); its operation is
 * `generate_content`, the conventions' name for Gemini's `generateContent`. Every other call is `chat`.
 *
 * @example
 * genAiCall("amazon.bedrock", "bedrock") // { provider: "aws.bedrock", operation: "chat" }
 */
export function genAiCall(
  id: ProviderId,
  providerName: string,
  sendOptions?: Readonly<Record<string, unknown>>,
): GenAiCall {
  if (id === "google") {
    const vertex = providerName.toLowerCase() === "vertexai" || sendOptions?.vertexai === true
    return { provider: vertex ? "gcp.vertex_ai" : "gcp.gemini", operation: "generate_content" }
  }
  return { provider: PROVIDER_NAMES[id], operation: "chat" }
}
