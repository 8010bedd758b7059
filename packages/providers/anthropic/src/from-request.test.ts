import type { MessageCreateParams } from "@anthropic-ai/sdk/resources/messages"
import { describe, expect, it } from "vitest"
import { MODEL, PDF, PNG } from "../test/blueprints.js"
import { anthropic } from "./index.js"

/** Requests written by hand, as a user of the SDK would, each using different features. */
const REQUESTS: Record<string, MessageCreateParams> = {
  "a plain chat": {
    model: MODEL,
    max_tokens: 1024,
    messages: [
      { role: "user", content: [{ type: "text", text: "Hello" }] },
      { role: "assistant", content: [{ type: "text", text: "Hi! How can I help?" }] },
      { role: "user", content: [{ type: "text", text: "Tell me a joke." }] },
    ],
  },
  "system, cache control and a mid-conversation system turn": {
    model: MODEL,
    max_tokens: 512,
    system: [
      { type: "text", text: "You are a librarian." },
      { type: "text", text: "<the whole catalogue>", cache_control: { type: "ephemeral", ttl: "1h" } },
    ],
    messages: [
      {
        role: "user",
        content: [{ type: "text", text: "Any books on tea?", cache_control: { type: "ephemeral" } }],
      },
      { role: "system", content: [{ type: "text", text: "Answer in French from now on." }] },
      { role: "user", content: [{ type: "text", text: "Et sur le café ?" }] },
    ],
    cache_control: { type: "ephemeral" },
  },
  "images and documents": {
    model: MODEL,
    max_tokens: 1024,
    messages: [
      {
        role: "user",
        content: [
          { type: "image", source: { type: "url", url: "https://example.com/cat.jpg" } },
          { type: "image", source: { type: "base64", media_type: "image/png", data: PNG } },
          {
            type: "document",
            source: { type: "base64", media_type: "application/pdf", data: PDF },
            title: "Spec",
            citations: { enabled: true },
          },
          {
            type: "document",
            source: { type: "url", url: "https://example.com/paper.pdf" },
            context: "2024 edition",
          },
          { type: "document", source: { type: "text", media_type: "text/plain", data: "Grass is green." } },
          { type: "text", text: "Compare them." },
        ],
      },
    ],
  },
  "tools, parallel tool results and an error result": {
    model: MODEL,
    max_tokens: 1024,
    tools: [
      {
        name: "get_weather",
        description: "Weather for a city",
        input_schema: {
          type: "object",
          properties: { city: { type: "string" } },
          required: ["city"],
          additionalProperties: false,
        },
        strict: true,
        cache_control: { type: "ephemeral" },
      },
      { name: "get_time", input_schema: { type: "object", properties: {} } },
      { type: "web_search_20250305", name: "web_search", max_uses: 3 },
      { type: "bash_20250124", name: "bash" },
    ],
    tool_choice: { type: "any", disable_parallel_tool_use: true },
    messages: [
      { role: "user", content: [{ type: "text", text: "Weather and time in Paris?" }] },
      {
        role: "assistant",
        content: [
          { type: "text", text: "Checking both." },
          { type: "tool_use", id: "toolu_01", name: "get_weather", input: { city: "Paris" } },
          { type: "tool_use", id: "toolu_02", name: "get_time", input: {} },
        ],
      },
      {
        role: "user",
        content: [
          { type: "tool_result", tool_use_id: "toolu_01", content: [{ type: "text", text: "18°C" }] },
          {
            type: "tool_result",
            tool_use_id: "toolu_02",
            content: [{ type: "text", text: "clock broken" }],
            is_error: true,
          },
        ],
      },
    ],
  },
  "thinking replayed with signatures, and structured output": {
    model: MODEL,
    max_tokens: 16000,
    thinking: { type: "enabled", budget_tokens: 10000 },
    output_config: {
      effort: "high",
      format: { type: "json_schema", schema: { type: "object", properties: { n: { type: "integer" } } } },
    },
    stop_sequences: ["###"],
    metadata: { user_id: "u-42" },
    messages: [
      { role: "user", content: [{ type: "text", text: "Pick a number." }] },
      {
        role: "assistant",
        content: [
          { type: "thinking", thinking: "Seven is nice.", signature: "EqQBCkYIBxgCKkD5" },
          { type: "redacted_thinking", data: "EmwKAhgBEgy3va3pzix" },
          { type: "text", text: '{"n":7}' },
        ],
      },
      { role: "user", content: [{ type: "text", text: "Another." }] },
    ],
  },
  "web search results and citations": {
    model: MODEL,
    max_tokens: 1024,
    tools: [{ type: "web_search_20250305", name: "web_search" }],
    tool_choice: { type: "tool", name: "web_search" },
    messages: [
      { role: "user", content: [{ type: "text", text: "News?" }] },
      {
        role: "assistant",
        content: [
          { type: "server_tool_use", id: "srvtoolu_01", name: "web_search", input: { query: "news" } },
          {
            type: "web_search_tool_result",
            tool_use_id: "srvtoolu_01",
            content: [
              {
                type: "web_search_result",
                url: "https://news.test/",
                title: "News",
                encrypted_content: "Eq0",
                page_age: null,
              },
            ],
          },
          {
            type: "text",
            text: "It rained.",
            citations: [
              {
                type: "web_search_result_location",
                url: "https://news.test/",
                title: "News",
                cited_text: "rain",
                encrypted_index: "Eo8",
              },
            ],
          },
          {
            type: "text",
            text: "The report agrees.",
            citations: [
              {
                type: "char_location",
                cited_text: "rain",
                document_index: 0,
                document_title: "Report",
                start_char_index: 4,
                end_char_index: 8,
              },
            ],
          },
        ],
      },
      { role: "user", content: [{ type: "text", text: "More?" }] },
    ],
  },
}

describe("fromRequest", () => {
  for (const [name, request] of Object.entries(REQUESTS)) {
    it(`gives back the same request through toRequest: ${name}`, () => {
      expect(anthropic.toRequest(anthropic.fromRequest(request))).toEqual(request)
    })
  }

  it("reads the top-level system as one system message and keeps Anthropic's parameter names", () => {
    const blueprint = anthropic.fromRequest(
      REQUESTS["thinking replayed with signatures, and structured output"]!,
    )
    expect(blueprint.metadata?.model).toEqual({
      provider: "anthropic",
      name: MODEL,
      parameters: {
        max_tokens: 16000,
        thinking: { type: "enabled", budget_tokens: 10000 },
        stop_sequences: ["###"],
        metadata: { user_id: "u-42" },
        output_config: { effort: "high" },
        response_format: {
          type: "json_schema",
          json_schema: {
            name: "response",
            schema: { type: "object", properties: { n: { type: "integer" } } },
          },
        },
      },
    })
  })

  it("splits a user turn of tool results into one tool message per result", () => {
    const { prompt_template } = anthropic.fromRequest(
      REQUESTS["tools, parallel tool results and an error result"]!,
    )
    expect(prompt_template.type === "chat" && prompt_template.messages.slice(1)).toEqual([
      {
        role: "assistant",
        content: [{ type: "text", text: "Checking both." }],
        tool_calls: [
          {
            id: "toolu_01",
            type: "function",
            function: { name: "get_weather", arguments: '{"city":"Paris"}' },
          },
          { id: "toolu_02", type: "function", function: { name: "get_time", arguments: "{}" } },
        ],
      },
      { role: "tool", tool_call_id: "toolu_01", content: [{ type: "text", text: "18°C" }] },
      {
        role: "tool",
        tool_call_id: "toolu_02",
        content: [{ type: "text", text: "clock broken" }],
        is_error: true,
      },
    ])
    expect(prompt_template.type === "chat" && prompt_template.tool_choice).toBe("required")
  })

  it("reads web search citations as url_citation annotations and keeps document citations as they are", () => {
    const { prompt_template } = anthropic.fromRequest(REQUESTS["web search results and citations"]!)
    const reply = prompt_template.type === "chat" ? prompt_template.messages[1] : undefined
    expect(reply?.content?.slice(2)).toEqual([
      {
        type: "text",
        text: "It rained.",
        annotations: [
          {
            type: "url_citation",
            url: "https://news.test/",
            title: "News",
            cited_text: "rain",
            encrypted_index: "Eo8",
          },
        ],
      },
      {
        type: "text",
        text: "The report agrees.",
        annotations: [
          {
            type: "char_location",
            cited_text: "rain",
            document_index: 0,
            document_title: "Report",
            start_char_index: 4,
            end_char_index: 8,
          },
        ],
      },
    ])
  })

  it("reads string content as a text part and a mixed user turn in order", () => {
    const blueprint = anthropic.fromRequest({
      model: MODEL,
      max_tokens: 100,
      system: "Be kind.",
      messages: [
        { role: "user", content: "Hi" },
        { role: "assistant", content: [{ type: "tool_use", id: "t1", name: "f", input: {} }] },
        {
          role: "user",
          content: [
            { type: "tool_result", tool_use_id: "t1", content: "done" },
            { type: "text", text: "Now what?" },
          ],
        },
      ],
    })
    expect(blueprint.prompt_template).toEqual({
      type: "chat",
      messages: [
        { role: "system", content: [{ type: "text", text: "Be kind." }] },
        { role: "user", content: [{ type: "text", text: "Hi" }] },
        {
          role: "assistant",
          content: [],
          tool_calls: [{ id: "t1", type: "function", function: { name: "f", arguments: "{}" } }],
        },
        { role: "tool", tool_call_id: "t1", content: [{ type: "text", text: "done" }] },
        { role: "user", content: [{ type: "text", text: "Now what?" }] },
      ],
    })
  })
})
