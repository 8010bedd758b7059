import { describe, expect, it } from "vitest"
import { genAiCall } from "./gen-ai-provider.js"

describe("genAiCall", () => {
  it("names every provider with the conventions' well-known value", () => {
    expect(genAiCall("openai", "openai")).toEqual({ provider: "openai", operation: "chat" })
    expect(genAiCall("openai.responses", "openai")).toEqual({ provider: "openai", operation: "chat" })
    expect(genAiCall("anthropic", "anthropic")).toEqual({ provider: "anthropic", operation: "chat" })
    expect(genAiCall("amazon.bedrock", "bedrock")).toEqual({ provider: "aws.bedrock", operation: "chat" })
    expect(genAiCall("mistral", "mistral")).toEqual({ provider: "mistral_ai", operation: "chat" })
    expect(genAiCall("cohere", "cohere")).toEqual({ provider: "cohere", operation: "chat" })
  })

  it("tells the Gemini API from Vertex AI by the prompt's provider name or the adapter's options", () => {
    expect(genAiCall("google", "google")).toEqual({ provider: "gcp.gemini", operation: "generate_content" })
    expect(genAiCall("google", "vertexai").provider).toBe("gcp.vertex_ai")
    expect(genAiCall("google", "google", { vertexai: true }).provider).toBe("gcp.vertex_ai")
    expect(genAiCall("google", "google", { vertexai: false }).provider).toBe("gcp.gemini")
  })
})
