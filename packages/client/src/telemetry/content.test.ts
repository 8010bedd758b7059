import type { PromptTemplate } from "@pl/blueprint"
import { describe, expect, it } from "vitest"
import { inputContent, outputMessage, toolDefinitions } from "./content.js"

const chat: PromptTemplate = {
  type: "chat",
  messages: [
    { role: "system", content: [{ type: "text", text: "Be brief." }] },
    { role: "developer", content: [{ type: "text", text: "Use metric units." }] },
    {
      role: "user",
      content: [
        { type: "text", text: "What is in these?" },
        { type: "image_url", image_url: { url: "https://x.test/cat.png" } },
        {
          type: "media",
          media: { type: "application/pdf", url: "data:application/pdf;base64,JVBERi0xLjQK" },
        },
      ],
    },
    {
      role: "assistant",
      content: [{ type: "thinking", thinking: "Look first.", signature: "sig" }],
      tool_calls: [{ id: "call_1", type: "function", function: { name: "look", arguments: '{"at":"cat"}' } }],
    },
    { role: "tool", tool_call_id: "call_1", content: [{ type: "text", text: "a cat" }] },
  ],
  tools: [
    { type: "function", function: { name: "look", description: "Looks", parameters: { type: "object" } } },
    { type: "web_search" },
  ],
}

describe("inputContent", () => {
  it("splits system and developer messages off as instructions and maps parts to the conventions' types", () => {
    expect(inputContent(chat)).toEqual({
      instructions: [
        { type: "text", content: "Be brief." },
        { type: "text", content: "Use metric units." },
      ],
      messages: [
        {
          role: "user",
          parts: [
            { type: "text", content: "What is in these?" },
            { type: "uri", modality: "image", mime_type: "image/png", uri: "https://x.test/cat.png" },
            // Inline data is recorded without its bytes.
            { type: "blob", modality: "document", mime_type: "application/pdf" },
          ],
        },
        {
          role: "assistant",
          parts: [
            { type: "reasoning", content: "Look first." },
            { type: "tool_call", id: "call_1", name: "look", arguments: { at: "cat" } },
          ],
        },
        { role: "tool", parts: [{ type: "tool_call_response", id: "call_1", response: "a cat" }] },
      ],
    })
  })

  it("sends a completion template as one user message", () => {
    expect(inputContent({ type: "completion", content: [{ type: "text", text: "Once upon" }] })).toEqual({
      instructions: [],
      messages: [{ role: "user", parts: [{ type: "text", content: "Once upon" }] }],
    })
  })
})

describe("toolDefinitions", () => {
  it("lists functions with their schemas and built-in tools by type", () => {
    expect(toolDefinitions(chat)).toEqual([
      { type: "function", name: "look", description: "Looks", parameters: { type: "object" } },
      { type: "web_search" },
    ])
  })
})

describe("outputMessage", () => {
  it("uses the conventions' tool_call finish reason, and the fallback when the provider gave none", () => {
    const message = {
      role: "assistant" as const,
      tool_calls: [{ id: "c", type: "function" as const, function: { name: "f", arguments: "not json" } }],
    }
    expect(outputMessage({ message, finish_reason: "tool_calls" }, "stop")).toEqual({
      role: "assistant",
      parts: [{ type: "tool_call", id: "c", name: "f", arguments: "not json" }],
      finish_reason: "tool_call",
    })
    expect(outputMessage({ message: { role: "assistant", content: [] } }, "error").finish_reason).toBe(
      "error",
    )
  })
})
