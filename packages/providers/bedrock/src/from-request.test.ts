import { describe, expect, it } from "vitest"
import { bytes, expectValidRequest, MODEL, PDF, PNG } from "../test/helpers.js"
import { type BedrockRequest, bedrock } from "./index.js"

/** Hand-written requests, each valid for the service model, that must survive fromRequest → toRequest. */
const REQUESTS: Record<string, BedrockRequest> = {
  "a chat with a cached system prompt and inference settings": {
    modelId: MODEL,
    system: [
      { text: "You are terse." },
      { cachePoint: { type: "default", ttl: "1h" } },
      { text: "Use metric units." },
    ],
    messages: [
      { role: "user", content: [{ text: "Hi" }] },
      { role: "assistant", content: [{ text: "Hello." }] },
      { role: "user", content: [{ text: "Weather?" }, { cachePoint: { type: "default" } }] },
    ],
    inferenceConfig: { maxTokens: 512, temperature: 0.3, topP: 0.8, stopSequences: ["\n\nHuman:"] },
  },
  "media by bytes and by S3 location": {
    modelId: MODEL,
    messages: [
      {
        role: "user",
        content: [
          { text: "Compare these." },
          { image: { format: "png", source: { bytes: bytes(PNG) } } },
          { image: { format: "jpeg", source: { s3Location: { uri: "s3://my-bucket/photos/cat.jpeg" } } } },
          { document: { format: "pdf", name: "Q3 report", source: { bytes: bytes(PDF) } } },
          {
            document: {
              format: "docx",
              name: "Notes (draft)",
              source: { s3Location: { uri: "s3://my-bucket/notes.docx" } },
            },
          },
        ],
      },
    ],
  },
  "reasoning, parallel tool calls and their results, with tools and a named choice": {
    modelId: MODEL,
    messages: [
      { role: "user", content: [{ text: "Weather in Paris and Rome?" }] },
      {
        role: "assistant",
        content: [
          {
            reasoningContent: {
              reasoningText: { text: "Two cities: two calls.", signature: "EqQBCkgIARABGAIiQ" },
            },
          },
          { reasoningContent: { redactedContent: new Uint8Array([9, 8, 7]) } },
          { text: "Checking both." },
          { toolUse: { toolUseId: "tooluse_1", name: "get_weather", input: { city: "Paris" } } },
          { toolUse: { toolUseId: "tooluse_2", name: "get_weather", input: { city: "Rome", units: ["c"] } } },
          { cachePoint: { type: "default" } },
        ],
      },
      {
        role: "user",
        content: [
          { toolResult: { toolUseId: "tooluse_1", content: [{ text: "18°C" }] } },
          { toolResult: { toolUseId: "tooluse_2", content: [{ text: "Rome is offline" }], status: "error" } },
          { cachePoint: { type: "default" } },
          { text: "Thanks. Anything else?" },
        ],
      },
    ],
    toolConfig: {
      tools: [
        {
          toolSpec: {
            name: "get_weather",
            description: "Current weather",
            inputSchema: {
              json: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
            },
            strict: true,
          },
        },
        { cachePoint: { type: "default" } },
        { toolSpec: { name: "noop", inputSchema: { json: { type: "object", properties: {} } } } },
      ],
      toolChoice: { tool: { name: "get_weather" } },
    },
  },
  "model fields, structured output and Converse options": {
    modelId: "us.amazon.nova-pro-v1:0",
    messages: [{ role: "user", content: [{ text: "Extract the person." }] }],
    toolConfig: {
      tools: [{ toolSpec: { name: "lookup", inputSchema: { json: { type: "object" } } } }],
      toolChoice: { any: {} },
    },
    additionalModelRequestFields: {
      top_k: 20,
      thinking: { type: "enabled", budget_tokens: 1024 },
      inferenceConfig: { topK: 20 },
    },
    outputConfig: {
      textFormat: {
        type: "json_schema",
        structure: {
          jsonSchema: {
            name: "person",
            description: "A person",
            schema: JSON.stringify({ type: "object", properties: { name: { type: "string" } } }),
          },
        },
      },
    },
    guardrailConfig: { guardrailIdentifier: "abc123", guardrailVersion: "DRAFT", trace: "enabled" },
    requestMetadata: { team: "search" },
    serviceTier: { type: "flex" },
  },
}

describe("fromRequest", () => {
  it.each(Object.entries(REQUESTS))("round-trips %s through toRequest unchanged", (_name, request) => {
    expectValidRequest(request)
    const warnings: unknown[] = []
    expect(bedrock.toRequest(bedrock.fromRequest(request), { onWarning: (w) => warnings.push(w) })).toEqual(
      request,
    )
    expect(warnings).toEqual([])
  })

  it("puts the system blocks first, splits a user turn into tool and user messages, and keeps cache points", () => {
    const blueprint = bedrock.fromRequest(
      REQUESTS["reasoning, parallel tool calls and their results, with tools and a named choice"]!,
    )
    expect(blueprint.prompt_template).toMatchObject({
      type: "chat",
      messages: [
        { role: "user", content: [{ type: "text", text: "Weather in Paris and Rome?" }] },
        {
          role: "assistant",
          content: [
            { type: "thinking", thinking: "Two cities: two calls.", signature: "EqQBCkgIARABGAIiQ" },
            { type: "redacted_thinking", data: "CQgH" },
            { type: "text", text: "Checking both." },
          ],
          tool_calls: [
            {
              id: "tooluse_1",
              type: "function",
              function: { name: "get_weather", arguments: '{"city":"Paris"}' },
            },
            {
              id: "tooluse_2",
              type: "function",
              function: { name: "get_weather", arguments: '{"city":"Rome","units":["c"]}' },
              cache_control: { type: "ephemeral" },
            },
          ],
        },
        { role: "tool", tool_call_id: "tooluse_1", content: [{ type: "text", text: "18°C" }] },
        {
          role: "tool",
          tool_call_id: "tooluse_2",
          content: [{ type: "text", text: "Rome is offline" }],
          is_error: true,
          cache_control: { type: "ephemeral" },
        },
        { role: "user", content: [{ type: "text", text: "Thanks. Anything else?" }] },
      ],
      tool_choice: { type: "function", function: { name: "get_weather" } },
    })
    expect(blueprint.prompt_template.type === "chat" && blueprint.prompt_template.tools?.[0]).toMatchObject({
      cache_control: { type: "ephemeral" },
    })
  })

  it("gives media as data URLs, base64 with a mime type, or S3 URIs", () => {
    const blueprint = bedrock.fromRequest(REQUESTS["media by bytes and by S3 location"]!)
    const [message] = blueprint.prompt_template.type === "chat" ? blueprint.prompt_template.messages : []
    expect(message?.content).toEqual([
      { type: "text", text: "Compare these." },
      { type: "image_url", image_url: { url: `data:image/png;base64,${PNG}` } },
      { type: "image_url", image_url: { url: "s3://my-bucket/photos/cat.jpeg" } },
      { type: "media", media: { title: "Q3 report", type: "application/pdf", url: PDF } },
      {
        type: "media",
        media: {
          title: "Notes (draft)",
          type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          url: "s3://my-bucket/notes.docx",
        },
      },
    ])
  })

  it("names the model and reads parameters under their portable names, model fields flat", () => {
    const blueprint = bedrock.fromRequest(REQUESTS["model fields, structured output and Converse options"]!)
    expect(blueprint.metadata?.model).toEqual({
      provider: "amazon.bedrock",
      name: "us.amazon.nova-pro-v1:0",
      parameters: {
        top_k: 20,
        thinking: { type: "enabled", budget_tokens: 1024 },
        additionalModelRequestFields: { inferenceConfig: { topK: 20 } },
        response_format: {
          type: "json_schema",
          json_schema: {
            name: "person",
            description: "A person",
            schema: { type: "object", properties: { name: { type: "string" } } },
          },
        },
        guardrailConfig: { guardrailIdentifier: "abc123", guardrailVersion: "DRAFT", trace: "enabled" },
        requestMetadata: { team: "search" },
        serviceTier: { type: "flex" },
      },
    })
    expect(
      bedrock.fromRequest(REQUESTS["a chat with a cached system prompt and inference settings"]!).metadata
        ?.model?.parameters,
    ).toEqual({
      max_tokens: 512,
      temperature: 0.3,
      top_p: 0.8,
      stop: ["\n\nHuman:"],
    })
  })

  it("reads JSON tool results as JSON text, and leaves out what has no blueprint form (and its cache point)", () => {
    const blueprint = bedrock.fromRequest({
      modelId: MODEL,
      messages: [
        {
          role: "user",
          content: [
            { toolResult: { toolUseId: "t", content: [{ json: { temperature: 18 } }] } },
            { text: "Summarise:" },
            { document: { name: "memo", source: { text: "Hello" } } },
            { audio: { format: "mp3", source: { s3Location: { uri: "s3://my-bucket/a.mp3" } } } },
            { cachePoint: { type: "default" } },
          ],
        },
      ],
    })
    expect(blueprint.prompt_template.type === "chat" && blueprint.prompt_template.messages).toEqual([
      { role: "tool", tool_call_id: "t", content: [{ type: "text", text: '{"temperature":18}' }] },
      { role: "user", content: [{ type: "text", text: "Summarise:" }] },
    ])
  })
})
