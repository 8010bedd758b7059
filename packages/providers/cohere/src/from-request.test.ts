import { isStreamingRequest, parseBlueprint } from "@pl/blueprint"
import { describe, expect, it } from "vitest"
import { sdkRequestErrors } from "../test/sdk-schema.js"
import { fromRequest } from "./from-request.js"
import { toRequest } from "./to-request.js"
import type { CohereChatRequest } from "./types.js"

const schema = { type: "object", properties: { city: { type: "string" } }, required: ["city"] }

/** Requests written by hand the way Cohere's docs write them. */
const requests: Record<string, CohereChatRequest> = {
  "a plain chat": {
    model: "command-a-03-2025",
    messages: [
      { role: "system", content: "You are terse." },
      { role: "user", content: "Hi" },
    ],
  },
  "images, parameters and structured output": {
    model: "command-a-vision-07-2025",
    messages: [
      {
        role: "user",
        content: [
          { type: "text", text: "Describe this image" },
          { type: "image_url", imageUrl: { url: "https://cohere.com/favicon-32x32.png", detail: "auto" } },
          { type: "image_url", imageUrl: { url: "data:image/png;base64,iVBORw0KGgo=" } },
        ],
      },
    ],
    responseFormat: {
      type: "json_object",
      jsonSchema: { type: "object", properties: { alt: { type: "string" } } },
    },
    temperature: 0.3,
    maxTokens: 200,
    stopSequences: ["END"],
    p: 0.75,
    k: 10,
    seed: 42,
    frequencyPenalty: 0.5,
    presencePenalty: 0.1,
    safetyMode: "STRICT",
    logprobs: true,
    priority: 1,
  },
  "a tool round with a plan, parallel calls, results and documents": {
    model: "command-a-03-2025",
    messages: [
      { role: "user", content: "Weather in Paris and Rome?" },
      {
        role: "assistant",
        toolPlan: "I will look up both cities.",
        toolCalls: [
          { id: "w1", type: "function", function: { name: "weather", arguments: '{"city":"Paris"}' } },
          { id: "w2", type: "function", function: { name: "weather", arguments: '{"city":"Rome"}' } },
        ],
      },
      { role: "tool", toolCallId: "w1", content: '{"temperature":18}' },
      {
        role: "tool",
        toolCallId: "w2",
        content: [
          { type: "document", document: { id: "rome", data: { temperature: 21 } } },
          { type: "text", text: "cached" },
        ],
      },
      {
        role: "assistant",
        content: "Paris 18°C, Rome 21°C.",
        citations: [
          {
            start: 12,
            end: 16,
            text: "Rome",
            sources: [{ type: "tool", id: "w2", toolOutput: { temperature: 21 } }],
            type: "TEXT_CONTENT",
          },
        ],
      },
    ],
    tools: [{ type: "function", function: { name: "weather", description: "Weather", parameters: schema } }],
    strictTools: true,
    toolChoice: "REQUIRED",
  },
  "thinking, documents and citation options": {
    model: "command-a-reasoning-08-2025",
    messages: [
      { role: "user", content: "What are the benefits?" },
      {
        role: "assistant",
        content: [
          { type: "thinking", thinking: "The document lists three." },
          { type: "text", text: "Automation." },
        ],
        citations: [
          {
            start: 0,
            end: 10,
            text: "Automation",
            sources: [
              { type: "document", id: "doc:0", document: { id: "doc:0", title: "b.txt", text: "..." } },
            ],
            type: "TEXT_CONTENT",
          },
        ],
      },
      { role: "user", content: "And the second one?" },
    ],
    documents: [{ id: "doc:0", data: { title: "b.txt", text: "..." } }, "a plain string document"],
    citationOptions: { mode: "FAST" },
    thinking: { type: "enabled", tokenBudget: 2048 },
  },
}

describe("fromRequest", () => {
  it.each(Object.entries(requests))("toRequest(fromRequest(r)) returns %s unchanged", (_, request) => {
    expect(sdkRequestErrors(request)).toEqual([])
    const blueprint = fromRequest(request)
    expect(parseBlueprint(blueprint)).toEqual(blueprint)
    expect(toRequest(blueprint)).toEqual(request)
    const streaming = toRequest(blueprint, { stream: true })
    expect(streaming).toEqual(request)
    expect(isStreamingRequest(streaming)).toBe(true)
  })

  it("reads the tool plan as text before the calls, documents as JSON text, citations as annotations", () => {
    const blueprint = fromRequest(
      requests["a tool round with a plan, parallel calls, results and documents"]!,
    )
    expect(blueprint.metadata?.model).toEqual({
      provider: "cohere",
      name: "command-a-03-2025",
      parameters: {},
    })
    expect(blueprint.prompt_template).toEqual({
      type: "chat",
      messages: [
        { role: "user", content: [{ type: "text", text: "Weather in Paris and Rome?" }] },
        {
          role: "assistant",
          content: [{ type: "text", text: "I will look up both cities." }],
          tool_calls: [
            { id: "w1", type: "function", function: { name: "weather", arguments: '{"city":"Paris"}' } },
            { id: "w2", type: "function", function: { name: "weather", arguments: '{"city":"Rome"}' } },
          ],
        },
        { role: "tool", tool_call_id: "w1", content: [{ type: "text", text: '{"temperature":18}' }] },
        {
          role: "tool",
          tool_call_id: "w2",
          content: [
            { type: "text", text: '{"temperature":21}', id: "rome" },
            { type: "text", text: "cached" },
          ],
        },
        {
          role: "assistant",
          content: [
            {
              type: "text",
              text: "Paris 18°C, Rome 21°C.",
              annotations: [
                {
                  type: "file_citation",
                  file_id: "w2",
                  start_index: 12,
                  end_index: 16,
                  cited_text: "Rome",
                  tool_output: { temperature: 21 },
                },
              ],
            },
          ],
        },
      ],
      tools: [
        {
          type: "function",
          function: { name: "weather", description: "Weather", parameters: schema, strict: true },
        },
      ],
      tool_choice: "required",
    })
  })

  it("names portable parameters portably and Cohere's own by their wire names", () => {
    expect(
      fromRequest(requests["images, parameters and structured output"]!).metadata?.model?.parameters,
    ).toEqual({
      temperature: 0.3,
      max_tokens: 200,
      stop: ["END"],
      top_p: 0.75,
      top_k: 10,
      seed: 42,
      frequency_penalty: 0.5,
      presence_penalty: 0.1,
      response_format: {
        type: "json_schema",
        json_schema: {
          name: "response",
          schema: { type: "object", properties: { alt: { type: "string" } } },
        },
      },
      safety_mode: "STRICT",
      logprobs: true,
      priority: 1,
    })
    expect(
      fromRequest(requests["thinking, documents and citation options"]!).metadata?.model?.parameters,
    ).toEqual({
      documents: [{ id: "doc:0", data: { title: "b.txt", text: "..." } }, "a plain string document"],
      citation_options: { mode: "FAST" },
      thinking: { type: "enabled", token_budget: 2048 },
    })
  })
})
