import type { GenerateContentParameters } from "@google/genai"
import {
  type ChatTemplate,
  convertBlueprint,
  isStreamingRequest,
  type Message,
  type PromptBlueprint,
  UnsupportedFeatureError,
} from "@pl/blueprint"
import { describe, expect, it } from "vitest"
import { protoErrors } from "../test/proto-json.js"
import { sentBody } from "../test/wire.js"
import { google } from "./index.js"

const model = { provider: "google", name: "gemini-2.5-flash" }

function chat(
  messages: Message[],
  template: Partial<ChatTemplate> = {},
  parameters: Record<string, unknown> = {},
): PromptBlueprint {
  return {
    prompt_template: { type: "chat", messages, ...template },
    metadata: { model: { ...model, parameters } },
  }
}

const user = (text: string): Message => ({ role: "user", content: [{ type: "text", text }] })

/** The request, the warnings, and the body the real SDK sends for it, checked against the v1beta protos. */
async function convert(blueprint: PromptBlueprint, options: { stream?: boolean; model?: string } = {}) {
  const { request, warnings } = convertBlueprint(google, blueprint, options)
  const { body, url } = await sentBody(request, options.stream ? { stream: true } : {})
  expect(protoErrors("GenerateContentRequest", body)).toEqual([])
  return { request, warnings, body, url }
}

const unsupportedFeature = (run: () => unknown) => {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(UnsupportedFeatureError)
    const { feature, path } = error as UnsupportedFeatureError
    return { feature, path }
  }
  throw new Error("expected an UnsupportedFeatureError")
}

describe("toRequest", () => {
  it("takes the model from options, else from metadata, and throws without one", async () => {
    expect(google.toRequest(chat([user("hi")])).model).toBe("gemini-2.5-flash")
    const { url } = await convert(chat([user("hi")]), { model: "gemini-3-pro-preview" })
    expect(url).toMatch(/\/models\/gemini-3-pro-preview:generateContent$/)
    expect(
      unsupportedFeature(() =>
        google.toRequest({ prompt_template: { type: "chat", messages: [user("hi")] } }),
      ),
    ).toEqual({ feature: "model", path: "metadata.model.name" })
  })

  it("sends system and developer messages as the system instruction and drops their non-text parts", async () => {
    const { body, warnings } = await convert(
      chat([
        { role: "system", content: [{ type: "text", text: "Be brief." }] },
        user("hi"),
        {
          role: "developer",
          content: [
            { type: "text", text: "Answer in French." },
            { type: "image_url", image_url: { url: "https://x.test/a.png" } },
          ],
        },
      ]),
    )
    expect(body.systemInstruction).toEqual({ parts: [{ text: "Be brief." }, { text: "Answer in French." }] })
    expect(body.contents).toEqual([{ role: "user", parts: [{ text: "hi" }] }])
    expect(warnings.map((w) => [w.feature, w.path])).toEqual([
      ["content.image_url", "prompt_template.messages[2].content[1]"],
    ])
  })

  it("sends media as inlineData (data URLs, base64) or fileData (URLs, gs:// URIs) with their mime types", async () => {
    const { body } = await convert(
      chat([
        {
          role: "user",
          content: [
            { type: "image_url", image_url: { url: "data:image/png;base64,iVBORw0KGgo=" } },
            { type: "image_url", image_url: { url: "https://x.test/cat.jpg" } },
            { type: "media", media: { type: "application/pdf", url: "JVBERi0xLjQK", title: "spec.pdf" } },
            { type: "media", media: { type: "video/mp4", url: "gs://bucket/clip.mp4" } },
          ],
        },
        {
          role: "assistant",
          content: [
            { type: "output_media", url: "data:image/png;base64,iVBORw0KGgo=", mime_type: "image/png" },
          ],
        },
        user("Describe them."),
      ]),
    )
    expect(body.contents).toEqual([
      {
        role: "user",
        parts: [
          { inlineData: { mimeType: "image/png", data: "iVBORw0KGgo=" } },
          { fileData: { fileUri: "https://x.test/cat.jpg", mimeType: "image/jpeg" } },
          { inlineData: { mimeType: "application/pdf", data: "JVBERi0xLjQK" } },
          { fileData: { fileUri: "gs://bucket/clip.mp4", mimeType: "video/mp4" } },
        ],
      },
      { role: "model", parts: [{ inlineData: { mimeType: "image/png", data: "iVBORw0KGgo=" } }] },
      { role: "user", parts: [{ text: "Describe them." }] },
    ])
  })

  it("replays thinking as thought parts and every thought signature where it was", async () => {
    const { body } = await convert(
      chat([
        user("Weather in Paris?"),
        {
          role: "assistant",
          content: [
            { type: "thinking", thinking: "The user wants weather.", signature: "c2lnLXRoaW5r" },
            { type: "text", text: "Let me check.", thought_signature: "c2lnLXRleHQ=" },
          ],
          tool_calls: [
            {
              id: "call_1",
              type: "function",
              function: { name: "get_weather", arguments: '{"city":"Paris"}' },
              provider_metadata: { thought_signature: "c2lnLWNhbGw=" },
            },
          ],
        },
        { role: "tool", tool_call_id: "call_1", content: [{ type: "text", text: '{"temp_c":21}' }] },
      ]),
    )
    expect(body.contents).toEqual([
      { role: "user", parts: [{ text: "Weather in Paris?" }] },
      {
        role: "model",
        parts: [
          { text: "The user wants weather.", thought: true, thoughtSignature: "c2lnLXRoaW5r" },
          { text: "Let me check.", thoughtSignature: "c2lnLXRleHQ=" },
          {
            functionCall: { id: "call_1", name: "get_weather", args: { city: "Paris" } },
            thoughtSignature: "c2lnLWNhbGw=",
          },
        ],
      },
      {
        role: "user",
        parts: [{ functionResponse: { id: "call_1", name: "get_weather", response: { temp_c: 21 } } }],
      },
    ])
  })

  it("names each function response after its call, joins parallel results and leaves generated ids out", async () => {
    const { body } = await convert(
      chat([
        user("Weather in Paris and Rome?"),
        {
          role: "assistant",
          tool_calls: [
            {
              id: "gemini_call_r1_0",
              type: "function",
              function: { name: "get_weather", arguments: '{"city":"Paris"}' },
            },
            { id: "gemini_call_r1_1", type: "function", function: { name: "get_time", arguments: "" } },
          ],
        },
        { role: "tool", tool_call_id: "gemini_call_r1_1", content: [{ type: "text", text: "12:00" }] },
        { role: "tool", tool_call_id: "gemini_call_r1_0", content: [{ type: "text", text: "sunny" }] },
        { role: "function", name: "get_weather", content: [{ type: "text", text: "[1,2]" }] },
      ]),
    )
    expect(body.contents).toEqual([
      { role: "user", parts: [{ text: "Weather in Paris and Rome?" }] },
      {
        role: "model",
        parts: [
          { functionCall: { name: "get_weather", args: { city: "Paris" } } },
          { functionCall: { name: "get_time", args: {} } },
        ],
      },
      {
        role: "user",
        parts: [
          { functionResponse: { name: "get_time", response: { output: "12:00" } } },
          { functionResponse: { name: "get_weather", response: { output: "sunny" } } },
          { functionResponse: { name: "get_weather", response: { output: "[1,2]" } } },
        ],
      },
    ])
  })

  it("sends images in a tool result as functionResponse parts", async () => {
    const { body } = await convert(
      chat([
        user("Take a screenshot."),
        {
          role: "assistant",
          tool_calls: [{ id: "s1", type: "function", function: { name: "screenshot", arguments: "{}" } }],
        },
        {
          role: "tool",
          tool_call_id: "s1",
          content: [
            { type: "text", text: "done" },
            { type: "image_url", image_url: { url: "data:image/png;base64,iVBORw0KGgo=" } },
          ],
        },
      ]),
    )
    expect((body.contents as unknown[])[2]).toEqual({
      role: "user",
      parts: [
        {
          functionResponse: {
            id: "s1",
            name: "screenshot",
            response: { output: "done" },
            parts: [{ inlineData: { mimeType: "image/png", data: "iVBORw0KGgo=" } }],
          },
        },
      ],
    })
  })

  it("throws for a tool result no call answers, arguments that are not a JSON object, and unrendered slots", () => {
    expect(
      unsupportedFeature(() =>
        google.toRequest(
          chat([user("hi"), { role: "tool", tool_call_id: "nope", content: [{ type: "text", text: "x" }] }]),
        ),
      ),
    ).toEqual({ feature: "tool_result_without_call", path: "prompt_template.messages[1]" })
    expect(
      unsupportedFeature(() =>
        google.toRequest(
          chat([
            {
              role: "assistant",
              tool_calls: [{ id: "a", type: "function", function: { name: "f", arguments: "[1]" } }],
            },
          ]),
        ),
      ),
    ).toEqual({
      feature: "tool_call.arguments",
      path: "prompt_template.messages[0].tool_calls[0].function.arguments",
    })
    expect(
      unsupportedFeature(() =>
        google.toRequest(chat([{ role: "placeholder", name: "history" }, user("hi")])),
      ),
    ).toEqual({
      feature: "placeholder",
      path: "prompt_template.messages[0]",
    })
    expect(
      unsupportedFeature(() =>
        google.toRequest(chat([{ role: "user", content: [{ type: "media_variable", name: "docs" }] }])),
      ),
    ).toEqual({ feature: "media_variable", path: "prompt_template.messages[0].content[0]" })
    expect(
      unsupportedFeature(() =>
        google.toRequest(chat([user("hi")], { tools: [{ type: "tool_variable", name: "tools" }] })),
      ),
    ).toEqual({ feature: "tool_variable", path: "prompt_template.tools[0]" })
    expect(
      unsupportedFeature(() =>
        google.toRequest(chat([{ role: "system", content: [{ type: "text", text: "x" }] }])),
      ),
    ).toEqual({
      feature: "messages",
      path: "prompt_template",
    })
  })

  it("drops what Gemini cannot express with a warning naming it, and empty text silently", () => {
    const { request, warnings } = convertBlueprint(
      google,
      chat([
        {
          role: "user",
          name: "ada",
          content: [
            { type: "text", text: "" },
            { type: "text", text: "hi", annotations: [{ type: "url_citation", url: "https://x.test" }] },
            { type: "image_url", image_url: { url: "https://x.test/a.png", detail: "low" } },
            { type: "hologram", frames: 3 },
          ],
        },
        {
          role: "assistant",
          content: [
            { type: "redacted_thinking", data: "opaque" },
            { type: "code", code: "console.log(1)", language: "javascript" },
            { type: "server_tool_use", id: "s", name: "web_search", input: {} },
          ],
        },
      ]),
    )
    expect(request.contents).toEqual([
      {
        role: "user",
        parts: [{ text: "hi" }, { fileData: { fileUri: "https://x.test/a.png", mimeType: "image/png" } }],
      },
    ])
    expect(warnings.map((w) => [w.feature, w.path])).toEqual([
      ["message.name", "prompt_template.messages[0].name"],
      ["content.image_url.detail", "prompt_template.messages[0].content[2].image_url.detail"],
      ["content.hologram", "prompt_template.messages[0].content[3]"],
      ["content.redacted_thinking", "prompt_template.messages[1].content[0]"],
      ["content.code", "prompt_template.messages[1].content[1]"],
      ["content.server_tool_use", "prompt_template.messages[1].content[2]"],
    ])
    expect(warnings.every((w) => w.provider === "google" && w.message.length > 0)).toBe(true)
  })

  it("sends Python code and its result as executableCode and codeExecutionResult", async () => {
    const { body } = await convert(
      chat([
        user("Sum 1..10"),
        {
          role: "assistant",
          content: [
            { type: "code", code: "print(sum(range(11)))", language: "python" },
            { type: "code_execution_result", outcome: "OUTCOME_OK", output: "55\n" },
            { type: "text", text: "55" },
          ],
        },
      ]),
    )
    expect((body.contents as unknown[])[1]).toEqual({
      role: "model",
      parts: [
        { executableCode: { language: "PYTHON", code: "print(sum(range(11)))" } },
        { codeExecutionResult: { outcome: "OUTCOME_OK", output: "55\n" } },
        { text: "55" },
      ],
    })
  })

  it("passes a tool's JSON Schema as parametersJsonSchema without renaming a key", async () => {
    const schema = {
      type: "object",
      properties: {
        user_id: { type: "string", description: "snake_case stays" },
        max_results: { type: "integer", minimum: 1 },
        filters: {
          type: "object",
          properties: { created_after: { type: "string", format: "date" } },
          additionalProperties: false,
        },
      },
      required: ["user_id"],
      additionalProperties: false,
    }
    const original = structuredClone(schema)
    const { request, body } = await convert(
      chat([user("find")], {
        tools: [
          {
            type: "function",
            function: { name: "search_users", description: "Search.", parameters: schema },
          },
          { type: "function", function: { name: "ping" } },
        ],
      }),
    )
    expect(request.config?.tools).toEqual([
      {
        functionDeclarations: [
          { name: "search_users", description: "Search.", parametersJsonSchema: original },
          { name: "ping" },
        ],
      },
    ])
    expect(
      (body.tools as { functionDeclarations: { parametersJsonSchema?: unknown }[] }[])[0]!
        .functionDeclarations[0]!.parametersJsonSchema,
    ).toEqual(original)
    expect(schema).toEqual(original)
  })

  it("sends built-in tools as Gemini's own, after the function declarations", async () => {
    const { body, warnings } = await convert(
      chat([user("look it up")], {
        tools: [
          { type: "google_search" },
          { type: "url_context" },
          { type: "function", function: { name: "f", parameters: { type: "object", properties: {} } } },
          { type: "code_interpreter" },
          { type: "web_search", config: { search_context_size: "high" } },
          { type: "mcp", config: { server_url: "https://mcp.test" } },
        ],
      }),
    )
    expect(body.tools).toEqual([
      { functionDeclarations: [{ name: "f", parametersJsonSchema: { type: "object", properties: {} } }] },
      { googleSearch: {} },
      { urlContext: {} },
      { codeExecution: {} },
      { googleSearch: {} },
    ])
    expect(warnings.map((w) => w.feature)).toEqual(["tools.web_search.config", "tools.mcp"])
  })

  it("maps the tool choice to functionCallingConfig", async () => {
    const tools: ChatTemplate["tools"] = [{ type: "function", function: { name: "get_weather" } }]
    const configOf = async (template: Partial<ChatTemplate>, parameters = {}) =>
      (await convert(chat([user("hi")], { tools, ...template }, parameters))).body.toolConfig
    expect(await configOf({ tool_choice: "auto" })).toEqual({ functionCallingConfig: { mode: "AUTO" } })
    expect(await configOf({ tool_choice: "none" })).toEqual({ functionCallingConfig: { mode: "NONE" } })
    expect(await configOf({ tool_choice: "required" })).toEqual({ functionCallingConfig: { mode: "ANY" } })
    expect(await configOf({ tool_choice: { type: "function", function: { name: "get_weather" } } })).toEqual({
      functionCallingConfig: { mode: "ANY", allowedFunctionNames: ["get_weather"] },
    })
    expect(await configOf({}, { tool_choice: "required" })).toEqual({
      functionCallingConfig: { mode: "ANY" },
    })
    expect(await configOf({ function_call: { name: "get_weather" } })).toEqual({
      functionCallingConfig: { mode: "ANY", allowedFunctionNames: ["get_weather"] },
    })
    const { warnings, request } = convertBlueprint(
      google,
      chat([user("hi")], { tools, tool_choice: { type: "web_search" } }),
    )
    expect(request.config?.toolConfig).toBeUndefined()
    expect(warnings.map((w) => w.feature)).toEqual(["tool_choice"])
  })

  it("writes portable parameters in Gemini's names and drops the others with a warning", async () => {
    const { body, warnings } = await convert(
      chat(
        [user("hi")],
        {},
        {
          temperature: 0.2,
          top_p: 0.9,
          top_k: 40,
          max_tokens: 256,
          stop: "END",
          seed: 7,
          frequency_penalty: 0.5,
          presence_penalty: 0.25,
          logit_bias: { 42: 1 },
          parallel_tool_calls: false,
          thinkingConfig: { includeThoughts: true, thinkingBudget: 1024 },
          candidateCount: 1,
        },
      ),
    )
    expect(body.generationConfig).toEqual({
      temperature: 0.2,
      topP: 0.9,
      topK: 40,
      maxOutputTokens: 256,
      stopSequences: ["END"],
      seed: 7,
      frequencyPenalty: 0.5,
      presencePenalty: 0.25,
      thinkingConfig: { includeThoughts: true, thinkingBudget: 1024 },
      candidateCount: 1,
    })
    expect(warnings.map((w) => [w.feature, w.path])).toEqual([
      ["parameters.logit_bias", "metadata.model.parameters.logit_bias"],
      ["parameters.parallel_tool_calls", "metadata.model.parameters.parallel_tool_calls"],
    ])
  })

  it("lets options.parameters override the blueprint's and reads other providers' names", () => {
    const request = google.toRequest(
      chat([user("hi")], {}, { max_completion_tokens: 100, stop_sequences: ["x"] }),
      {
        parameters: { max_tokens: 50 },
      },
    )
    expect(request.config).toEqual({ maxOutputTokens: 50, stopSequences: ["x"] })
  })

  it("asks for JSON with responseMimeType and passes the response schema as written", async () => {
    const schema = {
      type: "object",
      properties: { first_name: { type: "string" }, tags: { type: "array", items: { type: "string" } } },
      required: ["first_name"],
      additionalProperties: false,
    }
    const format = { type: "json_schema", json_schema: { name: "person", schema, strict: true } }
    const { body } = await convert(chat([user("Ada?")], {}, { response_format: format }))
    expect(body.generationConfig).toEqual({
      responseMimeType: "application/json",
      responseJsonSchema: schema,
    })
    const json = await convert(chat([user("Ada?")], {}, { response_format: { type: "json_object" } }))
    expect(json.body.generationConfig).toEqual({ responseMimeType: "application/json" })
  })

  it("sends a completion template as one user message", async () => {
    const { body } = await convert({
      prompt_template: {
        type: "completion",
        content: [{ type: "text", text: "Once upon a time" }],
        template_format: "f-string",
      },
      metadata: { model },
    })
    expect(body.contents).toEqual([{ role: "user", parts: [{ text: "Once upon a time" }] }])
  })

  it("marks a streaming request, which send streams", async () => {
    const blueprint = chat([user("hi")])
    const request: GenerateContentParameters = google.toRequest(blueprint, { stream: true })
    expect(isStreamingRequest(request)).toBe(true)
    expect(isStreamingRequest(google.toRequest(blueprint))).toBe(false)
    expect(Object.keys(request)).toEqual(["model", "contents"])
    const { url } = await convert(blueprint, { stream: true })
    expect(url).toMatch(/:streamGenerateContent\?alt=sse$/)
  })
})
