import type { ChatCompletionRequest } from "@mistralai/mistralai/models/components"
import { describe, expect, it } from "vitest"
import { fromRequest } from "./from-request.js"
import { toRequest } from "./to-request.js"

// Requests as a user writes them for the SDK; each must come back unchanged through the blueprint.
const REQUESTS: Record<string, ChatCompletionRequest> = {
  "a plain chat": {
    model: "mistral-small-latest",
    messages: [
      { role: "system", content: "Be brief." },
      { role: "user", content: "Hi" },
      { role: "assistant", content: "Hello!" },
      { role: "user", content: "Bye" },
    ],
    temperature: 0.3,
    maxTokens: 100,
  },
  "content chunks of every kind": {
    model: "pixtral-large-latest",
    messages: [
      {
        role: "user",
        content: [
          { type: "text", text: "What is this?" },
          { type: "image_url", imageUrl: "https://example.com/a.png" },
          { type: "image_url", imageUrl: { url: "https://example.com/b.jpg", detail: "high" } },
          { type: "document_url", documentUrl: "https://example.com/c.pdf", documentName: "c.pdf" },
          { type: "input_audio", inputAudio: "SUQzBAAAAAAAI1RTU0UAAAAPAAAD" },
        ],
      },
    ],
  },
  "thinking replayed with its signature": {
    model: "magistral-medium-latest",
    messages: [
      { role: "system", content: [{ type: "thinking", thinking: [{ type: "text", text: "sys" }] }] },
      { role: "user", content: "2+2?" },
      {
        role: "assistant",
        content: [
          { type: "thinking", thinking: [{ type: "text", text: "Arithmetic." }], signature: "c2ln" },
          { type: "text", text: "4" },
        ],
      },
      { role: "user", content: "Thanks" },
    ],
    promptMode: "reasoning",
  },
  "tools, calls and results": {
    model: "mistral-large-latest",
    messages: [
      { role: "user", content: "Weather in Paris and Rome?" },
      {
        role: "assistant",
        content: "",
        toolCalls: [
          { id: "aaaaaaaa1", type: "function", function: { name: "weather", arguments: '{"city":"Paris"}' } },
          { id: "aaaaaaaa2", type: "function", function: { name: "weather", arguments: '{"city":"Rome"}' } },
        ],
      },
      { role: "tool", toolCallId: "aaaaaaaa1", name: "weather", content: "21C" },
      { role: "tool", toolCallId: "aaaaaaaa2", name: "weather", content: "25C" },
    ],
    tools: [
      {
        type: "function",
        function: {
          name: "weather",
          description: "Weather",
          parameters: { type: "object", properties: { city: { type: "string" } } },
          strict: true,
        },
      },
      { type: "web_search" },
    ],
    toolChoice: { type: "function", function: { name: "weather" } },
    parallelToolCalls: true,
  },
  "a prefix": {
    model: "mistral-small-latest",
    messages: [
      { role: "user", content: "Haiku" },
      { role: "assistant", content: "Autumn", prefix: true },
    ],
  },
  "structured output and native fields": {
    model: "mistral-small-latest",
    messages: [{ role: "user", content: "A book" }],
    responseFormat: {
      type: "json_schema",
      jsonSchema: { name: "book", schemaDefinition: { type: "object" }, strict: true },
    },
    randomSeed: 1,
    stop: ["\n"],
    topP: 0.9,
    frequencyPenalty: 0.1,
    presencePenalty: 0.2,
    safePrompt: true,
    n: 2,
    prediction: { type: "content", content: "The" },
    reasoningEffort: "low",
    promptCacheKey: "k",
    serviceTier: "standard_only",
    metadata: { user_id: "u1" },
  },
}

describe("fromRequest", () => {
  for (const [name, request] of Object.entries(REQUESTS)) {
    it(`round-trips ${name}: toRequest(fromRequest(r)) equals r`, () => {
      expect(toRequest(fromRequest(request))).toEqual(request)
    })
  }

  it("names the model and provider, and keeps parameters by their portable and wire names", () => {
    const blueprint = fromRequest(REQUESTS["structured output and native fields"]!)
    expect(blueprint.metadata?.model).toEqual({
      provider: "mistral",
      name: "mistral-small-latest",
      parameters: {
        top_p: 0.9,
        stop: ["\n"],
        seed: 1,
        frequency_penalty: 0.1,
        presence_penalty: 0.2,
        response_format: {
          type: "json_schema",
          json_schema: { name: "book", schema: { type: "object" }, strict: true },
        },
        n: 2,
        safe_prompt: true,
        prediction: { type: "content", content: "The" },
        reasoning_effort: "low",
        metadata: { user_id: "u1" },
        prompt_cache_key: "k",
        service_tier: "standard_only",
      },
    })
  })

  it("reads chunks as blueprint parts", () => {
    const template = fromRequest(REQUESTS["content chunks of every kind"]!).prompt_template
    expect(template.type === "chat" && template.messages[0]).toEqual({
      role: "user",
      content: [
        { type: "text", text: "What is this?" },
        { type: "image_url", image_url: { url: "https://example.com/a.png" } },
        { type: "image_url", image_url: { url: "https://example.com/b.jpg", detail: "high" } },
        {
          type: "media",
          media: { title: "c.pdf", type: "application/pdf", url: "https://example.com/c.pdf" },
        },
        { type: "media", media: { type: "audio/mpeg", url: "SUQzBAAAAAAAI1RTU0UAAAAPAAAD" } },
      ],
    })
  })

  it("documents its normalisations: any → required, a tool result without id → function result, stream dropped", () => {
    const blueprint = fromRequest({
      model: "m",
      stream: true,
      messages: [
        { role: "user", content: "t" },
        { role: "tool", name: "clock", content: "9" },
        { role: "assistant", content: "ok" },
      ],
      toolChoice: "any",
    })
    expect(blueprint.prompt_template).toEqual({
      type: "chat",
      messages: [
        { role: "user", content: [{ type: "text", text: "t" }] },
        { role: "function", name: "clock", content: [{ type: "text", text: "9" }] },
        { role: "assistant", content: [{ type: "text", text: "ok" }], prefix: false },
      ],
      tool_choice: "required",
    })
    expect(toRequest(blueprint).messages[2]).not.toHaveProperty("prefix")
  })

  it("keeps chunks the blueprint has no part for as unknown parts, which toRequest then drops with a warning", () => {
    const blueprint = fromRequest({
      model: "m",
      messages: [
        {
          role: "user",
          content: [
            { type: "file", fileId: "f-1" },
            { type: "text", text: "x" },
          ],
        },
      ],
    })
    const template = blueprint.prompt_template as { messages: { content: unknown[] }[] }
    expect(template.messages[0]?.content[0]).toEqual({ type: "file", fileId: "f-1" })
    const warnings: string[] = []
    expect(toRequest(blueprint, { onWarning: (w) => warnings.push(w.feature) }).messages[0]?.content).toBe(
      "x",
    )
    expect(warnings).toEqual(["content.file"])
  })
})
