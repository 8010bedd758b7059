import type { PromptBlueprint } from "@pl/blueprint"
import type { CohereChatRequest } from "../src/types.js"

/** The one tool's parameters, as both the blueprint and the request write them. */
export const weatherSchema = {
  type: "object",
  properties: { city: { type: "string" } },
  required: ["city"],
  additionalProperties: false,
}
export const PNG =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAfbLI3wAAAABJRU5ErkJggg=="
/** The grounding document the blueprint passes in `documents` and the reply cites. */
export const doc = { id: "doc:0", text: "AI provides: 1. Automation of tasks", title: "benefits.txt" }

/** One blueprint using everything Cohere can express, and two things it cannot (a thinking signature, logit_bias). */
export const kitchenSink: PromptBlueprint = {
  prompt_template: {
    type: "chat",
    input_variables: [],
    messages: [
      { role: "system", content: [{ type: "text", text: "You are terse." }] },
      { role: "developer", content: [{ type: "text", text: "Use metric units." }] },
      {
        role: "user",
        content: [
          { type: "text", text: "Weather in Paris and Rome? And what is in these images?" },
          { type: "image_url", image_url: { url: "https://example.com/cat.png", detail: "low" } },
          { type: "media", media: { type: "image/png", url: PNG, title: "pixel.png" } },
        ],
      },
      {
        role: "assistant",
        content: [
          { type: "thinking", thinking: "Two cities: two calls.", signature: "c2ln" },
          { type: "text", text: "I will look up both cities." },
        ],
        tool_calls: [
          {
            id: "call_1",
            type: "function",
            function: { name: "get_weather", arguments: '{"city":"Paris"}' },
          },
          { id: "call_2", type: "function", function: { name: "get_weather", arguments: '{"city":"Rome"}' } },
        ],
      },
      { role: "tool", tool_call_id: "call_1", content: [{ type: "text", text: "18°C, sunny" }] },
      {
        role: "tool",
        tool_call_id: "call_2",
        content: [{ type: "text", id: "rome", text: '{"temperature":21,"sky":"clear"}' }],
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
                file_id: "doc:0",
                filename: "benefits.txt",
                start_index: 0,
                end_index: 5,
                cited_text: "Paris",
                document: doc,
              },
            ],
          },
        ],
      },
    ],
    tools: [
      {
        type: "function",
        function: {
          name: "get_weather",
          description: "Current weather",
          parameters: weatherSchema,
          strict: true,
        },
      },
      { type: "function", function: { name: "get_time", parameters: { type: "object", properties: {} } } },
    ],
    tool_choice: "required",
  },
  metadata: {
    model: {
      provider: "cohere",
      name: "command-a-03-2025",
      parameters: {
        temperature: 0.2,
        max_tokens: 512,
        stop: ["\n\n"],
        top_p: 0.9,
        top_k: 40,
        seed: 7,
        frequency_penalty: 0.1,
        presence_penalty: 0.2,
        thinking: { type: "enabled", token_budget: 1024 },
        safety_mode: "CONTEXTUAL",
        documents: [{ id: "doc:0", data: doc }],
        citation_options: { mode: "ACCURATE" },
        logit_bias: { "42": 1 },
      },
    },
  },
}

export const kitchenSinkRequest = {
  model: "command-a-03-2025",
  messages: [
    { role: "system", content: "You are terse." },
    { role: "system", content: "Use metric units." },
    {
      role: "user",
      content: [
        { type: "text", text: "Weather in Paris and Rome? And what is in these images?" },
        { type: "image_url", imageUrl: { url: "https://example.com/cat.png", detail: "low" } },
        { type: "image_url", imageUrl: { url: `data:image/png;base64,${PNG}` } },
      ],
    },
    {
      role: "assistant",
      toolPlan: "I will look up both cities.",
      toolCalls: [
        { id: "call_1", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } },
        { id: "call_2", type: "function", function: { name: "get_weather", arguments: '{"city":"Rome"}' } },
      ],
      content: [{ type: "thinking", thinking: "Two cities: two calls." }],
    },
    { role: "tool", toolCallId: "call_1", content: "18°C, sunny" },
    {
      role: "tool",
      toolCallId: "call_2",
      content: [{ type: "document", document: { id: "rome", data: { temperature: 21, sky: "clear" } } }],
    },
    {
      role: "assistant",
      content: "Paris 18°C, Rome 21°C.",
      citations: [
        {
          start: 0,
          end: 5,
          text: "Paris",
          sources: [{ type: "document", id: "doc:0", document: doc }],
          type: "TEXT_CONTENT",
        },
      ],
    },
  ],
  tools: [
    {
      type: "function",
      function: { name: "get_weather", description: "Current weather", parameters: weatherSchema },
    },
    { type: "function", function: { name: "get_time", parameters: { type: "object", properties: {} } } },
  ],
  toolChoice: "REQUIRED",
  strictTools: true,
  temperature: 0.2,
  maxTokens: 512,
  stopSequences: ["\n\n"],
  p: 0.9,
  k: 40,
  seed: 7,
  frequencyPenalty: 0.1,
  presencePenalty: 0.2,
  thinking: { type: "enabled", tokenBudget: 1024 },
  safetyMode: "CONTEXTUAL",
  documents: [{ id: "doc:0", data: doc }],
  citationOptions: { mode: "ACCURATE" },
} satisfies CohereChatRequest
