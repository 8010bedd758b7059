import type { GenerateContentParameters } from "@google/genai"
import { parseBlueprint } from "@pl/blueprint"
import { describe, expect, it } from "vitest"
import { protoErrors } from "../test/proto-json.js"
import { sentBody } from "../test/wire.js"
import { google, isStreamingRequest } from "./index.js"

const weather = {
  type: "object",
  properties: { city_name: { type: "string" }, unit: { type: "string", enum: ["c", "f"] } },
  required: ["city_name"],
  additionalProperties: false,
}

// Requests as a user would write them for the SDK, each in the form `toRequest` writes.
const requests: Record<string, GenerateContentParameters> = {
  "a multimodal chat with a system instruction and parameters": {
    model: "gemini-2.5-flash",
    contents: [
      {
        role: "user",
        parts: [
          { text: "What is in these?" },
          { inlineData: { mimeType: "image/png", data: "iVBORw0KGgo=" } },
          { fileData: { fileUri: "gs://bucket/report.pdf", mimeType: "application/pdf" } },
          { fileData: { fileUri: "https://x.test/photo", mimeType: "image/webp" } },
        ],
      },
      { role: "model", parts: [{ text: "A chart and a report." }] },
      { role: "user", parts: [{ text: "Summarise the report." }] },
    ],
    config: {
      systemInstruction: { parts: [{ text: "You are terse." }, { text: "Use French." }] },
      temperature: 0.3,
      topP: 0.8,
      topK: 20,
      maxOutputTokens: 512,
      stopSequences: ["\n\n"],
      seed: 3,
      presencePenalty: 0.1,
      frequencyPenalty: 0.2,
      thinkingConfig: { includeThoughts: true, thinkingBudget: 2048 },
      safetySettings: [
        { category: "HARM_CATEGORY_HATE_SPEECH" as never, threshold: "BLOCK_ONLY_HIGH" as never },
      ],
    },
  },
  "Gemini's function calls without ids, answered by name, with thought signatures": {
    model: "gemini-3-pro-preview",
    contents: [
      { role: "user", parts: [{ text: "Weather in Paris and Rome?" }] },
      {
        role: "model",
        parts: [
          { text: "Thinking about cities.", thought: true, thoughtSignature: "dGhpbms=" },
          {
            functionCall: { name: "get_weather", args: { city_name: "Paris" } },
            thoughtSignature: "Y2FsbDE=",
          },
          { functionCall: { name: "get_weather", args: { city_name: "Rome" } } },
        ],
      },
      {
        role: "user",
        parts: [
          { functionResponse: { name: "get_weather", response: { temp_c: 21 } } },
          { functionResponse: { name: "get_weather", response: { output: "rainy" } } },
        ],
      },
      { role: "model", parts: [{ text: "Paris 21°C, Rome rainy.", thoughtSignature: "dGV4dA==" }] },
    ],
    config: {
      tools: [
        {
          functionDeclarations: [
            { name: "get_weather", description: "Weather now.", parametersJsonSchema: weather },
          ],
        },
      ],
      toolConfig: { functionCallingConfig: { mode: "AUTO" as never } },
    },
  },
  "function calls with ids, a result for an unknown call, and a legacy function result": {
    model: "gemini-2.5-pro",
    contents: [
      { role: "user", parts: [{ text: "Go" }] },
      { role: "model", parts: [{ functionCall: { id: "c1", name: "lookup", args: {} } }] },
      {
        role: "user",
        parts: [
          { functionResponse: { id: "c1", name: "lookup", response: { output: "found" } } },
          { functionResponse: { id: "c9", name: "other", response: { output: "late" } } },
          { functionResponse: { name: "legacy", response: { output: "old style" } } },
        ],
      },
    ],
    config: {
      tools: [
        { functionDeclarations: [{ name: "lookup" }, { name: "other" }, { name: "legacy" }] },
        { googleSearch: {} },
        { urlContext: {} },
        { codeExecution: {} },
      ],
      toolConfig: {
        functionCallingConfig: { mode: "ANY" as never, allowedFunctionNames: ["lookup", "other"] },
      },
    },
  },
  "structured output and code execution": {
    model: "gemini-2.5-flash",
    contents: [
      { role: "user", parts: [{ text: "Compute and report." }] },
      {
        role: "model",
        parts: [
          { executableCode: { language: "PYTHON" as never, code: "print(6*7)" } },
          { codeExecutionResult: { outcome: "OUTCOME_OK" as never, output: "42\n" } },
          { inlineData: { mimeType: "image/png", data: "iVBORw0KGgo=" } },
        ],
      },
      { role: "user", parts: [{ text: "Now as JSON." }] },
    ],
    config: {
      responseMimeType: "application/json",
      responseJsonSchema: { type: "object", properties: { answer: { type: "integer" } } },
      toolConfig: { functionCallingConfig: { mode: "NONE" as never } },
    },
  },
}

describe("fromRequest", () => {
  for (const [name, request] of Object.entries(requests)) {
    it(`round-trips ${name} through toRequest unchanged`, async () => {
      const blueprint = google.fromRequest(request)
      expect(parseBlueprint(blueprint)).toEqual(blueprint)
      expect(google.toRequest(blueprint)).toEqual(request)
      expect(protoErrors("GenerateContentRequest", (await sentBody(request)).body)).toEqual([])
    })
  }

  it("reads Gemini's function turns as tool calls with generated ids and tool messages", () => {
    const blueprint = google.fromRequest(
      requests["Gemini's function calls without ids, answered by name, with thought signatures"]!,
    )
    expect(blueprint.prompt_template).toEqual({
      type: "chat",
      messages: [
        { role: "user", content: [{ type: "text", text: "Weather in Paris and Rome?" }] },
        {
          role: "assistant",
          content: [{ type: "thinking", thinking: "Thinking about cities.", signature: "dGhpbms=" }],
          tool_calls: [
            {
              id: "gemini_call_1_1",
              type: "function",
              function: { name: "get_weather", arguments: '{"city_name":"Paris"}' },
              provider_metadata: { thought_signature: "Y2FsbDE=" },
            },
            {
              id: "gemini_call_1_2",
              type: "function",
              function: { name: "get_weather", arguments: '{"city_name":"Rome"}' },
            },
          ],
        },
        { role: "tool", tool_call_id: "gemini_call_1_1", content: [{ type: "text", text: '{"temp_c":21}' }] },
        { role: "tool", tool_call_id: "gemini_call_1_2", content: [{ type: "text", text: "rainy" }] },
        {
          role: "assistant",
          content: [{ type: "text", text: "Paris 21°C, Rome rainy.", thought_signature: "dGV4dA==" }],
        },
      ],
      tools: [
        {
          type: "function",
          function: { name: "get_weather", description: "Weather now.", parameters: weather },
        },
      ],
      tool_choice: "auto",
    })
    expect(blueprint.metadata).toEqual({
      model: { provider: "google", name: "gemini-3-pro-preview", parameters: {} },
    })
  })

  it("reads portable parameters by their portable names and JSON output as a response_format", () => {
    expect(
      google.fromRequest(requests["a multimodal chat with a system instruction and parameters"]!).metadata
        ?.model?.parameters,
    ).toEqual({
      temperature: 0.3,
      top_p: 0.8,
      top_k: 20,
      max_tokens: 512,
      stop: ["\n\n"],
      seed: 3,
      presence_penalty: 0.1,
      frequency_penalty: 0.2,
      thinkingConfig: { includeThoughts: true, thinkingBudget: 2048 },
      safetySettings: [{ category: "HARM_CATEGORY_HATE_SPEECH", threshold: "BLOCK_ONLY_HIGH" }],
    })
    expect(
      google.fromRequest(requests["structured output and code execution"]!).metadata?.model?.parameters,
    ).toEqual({
      response_format: {
        type: "json_schema",
        json_schema: {
          name: "response",
          schema: { type: "object", properties: { answer: { type: "integer" } } },
        },
      },
    })
  })

  it("reads the SDK's shorthands: a string, a part list, a string system instruction", () => {
    const blueprint = google.fromRequest({
      model: "gemini-2.5-flash",
      contents: ["Hello", { inlineData: { mimeType: "audio/wav", data: "UklGRg==" } }],
      config: {
        systemInstruction: "Be kind.",
        abortSignal: new AbortController().signal,
        httpOptions: { timeout: 5 },
      },
    })
    expect(blueprint.prompt_template).toEqual({
      type: "chat",
      messages: [
        { role: "system", content: [{ type: "text", text: "Be kind." }] },
        {
          role: "user",
          content: [
            { type: "text", text: "Hello" },
            { type: "media", media: { type: "audio/wav", url: "data:audio/wav;base64,UklGRg==" } },
          ],
        },
      ],
    })
    expect(google.fromRequest({ model: "m", contents: "Hi" }).prompt_template).toEqual({
      type: "chat",
      messages: [{ role: "user", content: [{ type: "text", text: "Hi" }] }],
    })
  })

  it("reads OpenAPI-style `parameters` as JSON Schema, sent back as parametersJsonSchema", () => {
    const blueprint = google.fromRequest({
      model: "m",
      contents: "Hi",
      config: {
        tools: [
          {
            functionDeclarations: [
              {
                name: "set_light",
                parameters: {
                  type: "OBJECT" as never,
                  properties: {
                    brightness_pct: { type: "NUMBER" as never, nullable: true },
                    modes: { type: "ARRAY" as never, items: { type: "STRING" as never } },
                  },
                  required: ["brightness_pct"],
                },
              },
            ],
          },
        ],
      },
    })
    expect(google.toRequest(blueprint).config?.tools).toEqual([
      {
        functionDeclarations: [
          {
            name: "set_light",
            parametersJsonSchema: {
              type: "object",
              properties: {
                brightness_pct: { type: ["number", "null"] },
                modes: { type: "array", items: { type: "string" } },
              },
              required: ["brightness_pct"],
            },
          },
        ],
      },
    ])
  })

  it("rebuilds a request to stream with the same fields", () => {
    const request = requests["structured output and code execution"]!
    const again = google.toRequest(google.fromRequest(request), { stream: true })
    expect(again).toEqual(request)
    expect(isStreamingRequest(again)).toBe(true)
  })
})
