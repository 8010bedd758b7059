import type { ChatCompletionCreateParams } from "openai/resources/chat/completions"
import { describe, expect, it } from "vitest"
import { chatSpecErrors } from "../../test/spec.js"
import { fromChatRequest } from "./from-request.js"
import { toChatRequest } from "./to-request.js"

const PDF = "data:application/pdf;base64,JVBERi0xLjQKJcfsj6IK"

/** Requests as a user writes them, in the form toRequest produces (one text part as a string). */
const requests: Record<string, ChatCompletionCreateParams> = {
  "a plain chat": {
    model: "gpt-4o",
    messages: [
      { role: "system", content: "Be brief." },
      { role: "user", content: "Hi", name: "ada" },
    ],
    temperature: 0.3,
    max_completion_tokens: 200,
    stop: ["END"],
    seed: 1,
  },
  "media of every kind": {
    model: "gpt-4o-audio-preview",
    messages: [
      {
        role: "user",
        content: [
          { type: "text", text: "What is in these?" },
          { type: "image_url", image_url: { url: "https://x.test/a.png", detail: "low" } },
          { type: "input_audio", input_audio: { data: "UklGRiQAAABXQVZF", format: "wav" } },
          { type: "input_audio", input_audio: { data: "SUQzBAAAAAAA", format: "mp3" } },
          { type: "file", file: { file_data: PDF, filename: "report.pdf" } },
        ],
      },
    ],
    modalities: ["text"],
  },
  "tools, parallel calls and results": {
    model: "gpt-4o",
    messages: [
      {
        role: "developer",
        content: [
          { type: "text", text: "One." },
          { type: "text", text: "Two." },
        ],
      },
      { role: "user", content: "Weather in Paris and Rome?" },
      {
        role: "assistant",
        content: "Checking.",
        tool_calls: [
          {
            id: "call_1",
            type: "function",
            function: { name: "get_weather", arguments: '{"city":"Paris"}' },
          },
          { id: "call_2", type: "function", function: { name: "get_weather", arguments: '{"city":"Rome"}' } },
        ],
      },
      { role: "tool", tool_call_id: "call_1", content: "18C" },
      {
        role: "tool",
        tool_call_id: "call_2",
        content: [
          { type: "text", text: "24" },
          { type: "text", text: "C" },
        ],
      },
    ],
    tools: [
      {
        type: "function",
        function: {
          name: "get_weather",
          description: "Weather now",
          parameters: { type: "object" },
          strict: true,
        },
      },
    ],
    tool_choice: { type: "function", function: { name: "get_weather" } },
    parallel_tool_calls: true,
    response_format: {
      type: "json_schema",
      json_schema: { name: "answer", schema: { type: "object" }, strict: true },
    },
    reasoning_effort: "low",
  },
  "legacy functions": {
    model: "gpt-3.5-turbo",
    messages: [
      { role: "user", content: "Add 2 and 3" },
      { role: "assistant", function_call: { name: "add", arguments: '{"a":2,"b":3}' } },
      { role: "function", name: "add", content: "5" },
    ],
    functions: [{ name: "add", description: "Adds", parameters: { type: "object" } }],
    function_call: "auto",
  },
}

describe("fromChatRequest", () => {
  it.each(Object.entries(requests))("gives back %s unchanged through toChatRequest", (_, request) => {
    expect(chatSpecErrors(request)).toEqual([])
    expect(toChatRequest(fromChatRequest(request))).toEqual(request)
  })

  it("reads messages, tools and parameters into blueprint form", () => {
    const blueprint = fromChatRequest(requests["tools, parallel calls and results"]!)
    expect(blueprint.metadata?.model).toEqual({
      provider: "openai",
      name: "gpt-4o",
      api_type: "chat-completions",
      parameters: {
        parallel_tool_calls: true,
        response_format: {
          type: "json_schema",
          json_schema: { name: "answer", schema: { type: "object" }, strict: true },
        },
        reasoning_effort: "low",
      },
    })
    const template = blueprint.prompt_template
    expect(template.type === "chat" && template.messages[2]).toEqual({
      role: "assistant",
      content: [{ type: "text", text: "Checking." }],
      tool_calls: [
        { id: "call_1", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } },
        { id: "call_2", type: "function", function: { name: "get_weather", arguments: '{"city":"Rome"}' } },
      ],
    })
  })

  it("reads audio and files as media parts with their mime types", () => {
    const blueprint = fromChatRequest(requests["media of every kind"]!)
    const template = blueprint.prompt_template
    expect(template.type === "chat" && template.messages[0]?.content?.slice(2)).toEqual([
      { type: "media", media: { type: "audio/wav", url: "UklGRiQAAABXQVZF" } },
      { type: "media", media: { type: "audio/mpeg", url: "SUQzBAAAAAAA" } },
      { type: "media", media: { type: "application/pdf", url: PDF, title: "report.pdf" } },
    ])
  })

  it("reads max_tokens as the portable max_tokens and leaves out stream settings", () => {
    const blueprint = fromChatRequest({
      model: "llama3",
      messages: [{ role: "user", content: "Hi" }],
      max_tokens: 64,
      stream: true,
      stream_options: { include_usage: true },
    })
    expect(blueprint.metadata?.model?.parameters).toEqual({ max_tokens: 64 })
  })

  it("keeps an uploaded file part as received, a part the blueprint does not know", () => {
    const blueprint = fromChatRequest({
      model: "gpt-4o",
      messages: [{ role: "user", content: [{ type: "file", file: { file_id: "file-abc" } }] }],
    })
    const template = blueprint.prompt_template
    expect(template.type === "chat" && template.messages[0]?.content).toEqual([
      { type: "file", file: { file_id: "file-abc" } },
    ])
  })
})
