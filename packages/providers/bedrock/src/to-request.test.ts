import { type PromptBlueprint, UnsupportedFeatureError } from "@pl/blueprint"
import { describe, expect, it } from "vitest"
import { bytes, chat, convert, MODEL, PDF, PNG } from "../test/helpers.js"
import { bedrock, isStreamingRequest } from "./index.js"

const user = (text: string) => ({ role: "user" as const, content: [{ type: "text" as const, text }] })
const tools = [
  {
    type: "function" as const,
    function: {
      name: "get_weather",
      description: "Weather for a city",
      parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
      strict: true,
    },
  },
]

function unsupported(blueprint: PromptBlueprint): UnsupportedFeatureError {
  try {
    bedrock.toRequest(blueprint)
  } catch (error) {
    if (error instanceof UnsupportedFeatureError) return error
    throw error
  }
  throw new Error("toRequest did not throw")
}

describe("toRequest: messages", () => {
  it("moves system and developer messages into the top-level system blocks, text only", () => {
    const { request, warnings } = convert(
      chat([
        { role: "system", content: [{ type: "text", text: "Be brief." }] },
        user("Hi"),
        {
          role: "developer",
          content: [
            { type: "text", text: "Answer in French." },
            { type: "text", text: "" },
            { type: "image_url", image_url: { url: `data:image/png;base64,${PNG}` } },
          ],
        },
      ]),
    )
    expect(request.system).toEqual([{ text: "Be brief." }, { text: "Answer in French." }])
    expect(request.messages).toEqual([{ role: "user", content: [{ text: "Hi" }] }])
    expect(warnings.map((w) => [w.feature, w.path])).toEqual([
      ["content.text", "prompt_template.messages[2].content[1]"],
      ["content.image_url", "prompt_template.messages[2].content[2]"],
    ])
  })

  it("sends a completion template as one user message", () => {
    const { request } = convert({
      prompt_template: {
        type: "completion",
        content: [{ type: "text", text: "Once upon a time" }],
        input_variables: [],
      },
      metadata: { model: { provider: "amazon.bedrock", name: MODEL } },
    })
    expect(request.messages).toEqual([{ role: "user", content: [{ text: "Once upon a time" }] }])
  })

  it("merges consecutive turns of one role, so parallel tool results share one user turn", () => {
    const { request } = convert(
      chat(
        [
          user("Weather in Paris and Rome?"),
          {
            role: "assistant",
            content: [{ type: "text", text: "Checking." }],
            tool_calls: [
              {
                id: "call_1",
                type: "function",
                function: { name: "get_weather", arguments: '{"city":"Paris"}' },
              },
              {
                id: "call_2",
                type: "function",
                function: { name: "get_weather", arguments: '{"city":"Rome"}' },
              },
            ],
          },
          { role: "tool", tool_call_id: "call_1", content: [{ type: "text", text: "18°C" }] },
          { role: "tool", tool_call_id: "call_2", content: [{ type: "text", text: "24°C" }] },
          user("And tomorrow?"),
        ],
        { tools },
      ),
    )
    expect(request.messages).toEqual([
      { role: "user", content: [{ text: "Weather in Paris and Rome?" }] },
      {
        role: "assistant",
        content: [
          { text: "Checking." },
          { toolUse: { toolUseId: "call_1", name: "get_weather", input: { city: "Paris" } } },
          { toolUse: { toolUseId: "call_2", name: "get_weather", input: { city: "Rome" } } },
        ],
      },
      {
        role: "user",
        content: [
          { toolResult: { toolUseId: "call_1", content: [{ text: "18°C" }] } },
          { toolResult: { toolUseId: "call_2", content: [{ text: "24°C" }] } },
          { text: "And tomorrow?" },
        ],
      },
    ])
  })

  it("sends a call without arguments with an empty input object", () => {
    const { request } = convert(
      chat(
        [
          user("Go"),
          {
            role: "assistant",
            tool_calls: [{ id: "c", type: "function", function: { name: "go", arguments: "" } }],
          },
        ],
        { tools: [{ type: "function", function: { name: "go" } }] },
      ),
    )
    expect(request.messages?.[1]?.content).toEqual([{ toolUse: { toolUseId: "c", name: "go", input: {} } }])
  })

  it("keeps thinking with its signature and redacted thinking as bytes", () => {
    const { request } = convert(
      chat([
        user("Count the r's"),
        {
          role: "assistant",
          content: [
            { type: "thinking", thinking: "s-t-r-a-w", signature: "EqQBCkgIARABGAIiQ" },
            { type: "thinking", thinking: "no signature" },
            { type: "redacted_thinking", data: "AQIDBA==" },
            { type: "text", text: "Three." },
          ],
        },
      ]),
    )
    expect(request.messages?.[1]?.content).toEqual([
      { reasoningContent: { reasoningText: { text: "s-t-r-a-w", signature: "EqQBCkgIARABGAIiQ" } } },
      { reasoningContent: { reasoningText: { text: "no signature" } } },
      { reasoningContent: { redactedContent: new Uint8Array([1, 2, 3, 4]) } },
      { text: "Three." },
    ])
  })

  it("drops a message left with no content, and parts Bedrock cannot express, with warnings", () => {
    const { request, warnings } = convert(
      chat([
        user("Hi"),
        {
          role: "user",
          content: [{ type: "output_media", url: `data:image/png;base64,${PNG}`, mime_type: "image/png" }],
        },
        { role: "user", content: [{ type: "hologram", shape: "cube" }] },
        {
          role: "assistant",
          content: [
            {
              type: "text",
              text: "See the docs.",
              annotations: [{ type: "url_citation", url: "https://example.com" }],
              thought_signature: "c2ln",
            },
          ],
        },
      ]),
    )
    expect(request.messages).toEqual([
      { role: "user", content: [{ text: "Hi" }] },
      { role: "assistant", content: [{ text: "See the docs." }] },
    ])
    expect(warnings.map((w) => `${w.feature} ${w.path}`)).toEqual([
      "content.output_media prompt_template.messages[1].content[0]",
      "content.hologram prompt_template.messages[2].content[0]",
      "content.text.annotations prompt_template.messages[3].content[0]",
      "content.text.thought_signature prompt_template.messages[3].content[0]",
    ])
    expect(warnings.every((w) => w.provider === "amazon.bedrock")).toBe(true)
  })

  it("refuses placeholders, media variables, tool variables and legacy function results, naming them", () => {
    expect(unsupported(chat([user("a"), { role: "placeholder", name: "history" }]))).toMatchObject({
      feature: "messages.placeholder",
      path: "prompt_template.messages[1]",
    })
    expect(
      unsupported(chat([{ role: "user", content: [{ type: "media_variable", name: "photos" }] }])),
    ).toMatchObject({
      feature: "content.media_variable",
      path: "prompt_template.messages[0].content[0]",
    })
    expect(
      unsupported(chat([user("a")], { tools: [{ type: "tool_variable", name: "extra" }] })),
    ).toMatchObject({
      feature: "tools.tool_variable",
      path: "prompt_template.tools[0]",
    })
    expect(
      unsupported(chat([user("a"), { role: "function", name: "f", content: [{ type: "text", text: "1" }] }])),
    ).toMatchObject({ feature: "function_call", path: "prompt_template.messages[1]" })
    expect(
      unsupported(
        chat([user("a"), { role: "assistant", content: [], function_call: { name: "f", arguments: "{}" } }]),
      ),
    ).toMatchObject({ feature: "function_call", path: "prompt_template.messages[1]" })
  })
})

describe("toRequest: media", () => {
  it("sends images as bytes with their format, and s3:// images by location", () => {
    const { request } = convert(
      chat([
        {
          role: "user",
          content: [
            { type: "image_url", image_url: { url: `data:image/png;base64,${PNG}`, detail: "high" } },
            { type: "image_url", image_url: { url: "s3://my-bucket/photos/cat.jpeg" } },
            { type: "media", media: { type: "image/webp", url: "s3://my-bucket/photos/cat" } },
          ],
        },
      ]),
    )
    expect(request.messages?.[0]?.content).toEqual([
      { image: { format: "png", source: { bytes: bytes(PNG) } } },
      { image: { format: "jpeg", source: { s3Location: { uri: "s3://my-bucket/photos/cat.jpeg" } } } },
      { image: { format: "webp", source: { s3Location: { uri: "s3://my-bucket/photos/cat" } } } },
    ])
  })

  it("sends documents with a name Bedrock accepts and their format", () => {
    const { request } = convert(
      chat([
        {
          role: "user",
          content: [
            { type: "media", media: { title: "Q3 report (final).pdf", type: "application/pdf", url: PDF } },
            { type: "media", media: { type: "text/csv", url: `data:text/csv;base64,${btoa("a,b\n1,2")}` } },
            { type: "media", media: { title: "***", type: "text/markdown", url: btoa("# Title") } },
            {
              type: "media",
              media: { title: "notes", type: "application/msword", url: "s3://my-bucket/n.doc" },
            },
          ],
        },
      ]),
    )
    expect(request.messages?.[0]?.content).toEqual([
      { document: { format: "pdf", name: "Q3 report (final) pdf", source: { bytes: bytes(PDF) } } },
      {
        document: {
          format: "csv",
          name: "document-1",
          source: { bytes: new TextEncoder().encode("a,b\n1,2") },
        },
      },
      {
        document: {
          format: "md",
          name: "document-2",
          source: { bytes: new TextEncoder().encode("# Title") },
        },
      },
      { document: { format: "doc", name: "notes", source: { s3Location: { uri: "s3://my-bucket/n.doc" } } } },
    ])
  })

  it("refuses audio and video, which this adapter does not send yet", () => {
    const media = (type: string) =>
      chat([{ role: "user", content: [{ type: "media", media: { type, url: "AAAA" } }] }])
    expect(unsupported(media("audio/wav"))).toMatchObject({
      feature: "content.audio",
      path: "prompt_template.messages[0].content[0].media.url",
    })
    expect(unsupported(media("video/mp4"))).toMatchObject({ feature: "content.video" })
  })

  it("refuses media by http URL, naming the path, since Bedrock cannot fetch it", () => {
    const error = unsupported(
      chat([
        user("Look"),
        {
          role: "user",
          content: [
            { type: "text", text: "x" },
            { type: "image_url", image_url: { url: "https://x.test/cat.png" } },
          ],
        },
      ]),
    )
    expect(error).toMatchObject({
      feature: "content.media_url",
      path: "prompt_template.messages[1].content[1].image_url.url",
    })
    expect(error.message).toContain("s3://")
    expect(
      unsupported(
        chat([
          {
            role: "user",
            content: [{ type: "media", media: { type: "application/pdf", url: "https://x.test/a.pdf" } }],
          },
        ]),
      ),
    ).toMatchObject({
      feature: "content.media_url",
      path: "prompt_template.messages[0].content[0].media.url",
    })
  })

  it("refuses media in a format Bedrock does not take", () => {
    expect(
      unsupported(
        chat([
          {
            role: "user",
            content: [{ type: "image_url", image_url: { url: "data:image/bmp;base64,Qk0=" } }],
          },
        ]),
      ),
    ).toMatchObject({
      feature: "content.image",
      path: "prompt_template.messages[0].content[0].image_url.url",
    })
    expect(
      unsupported(
        chat([
          { role: "user", content: [{ type: "media", media: { type: "application/zip", url: "UEsDBA==" } }] },
        ]),
      ),
    ).toMatchObject({ feature: "content.document", path: "prompt_template.messages[0].content[0].media.url" })
  })

  it("puts images and documents in tool results and drops what a tool result cannot hold", () => {
    const { request, warnings } = convert(
      chat(
        [
          user("Screenshot?"),
          {
            role: "assistant",
            tool_calls: [{ id: "c1", type: "function", function: { name: "shot", arguments: "{}" } }],
          },
          {
            role: "tool",
            tool_call_id: "c1",
            content: [
              { type: "text", text: "Here:" },
              { type: "image_url", image_url: { url: `data:image/png;base64,${PNG}` } },
              { type: "media", media: { title: "log", type: "text/plain", url: btoa("ok") } },
              { type: "thinking", thinking: "hmm" },
              { type: "output_media", url: `data:image/png;base64,${PNG}`, mime_type: "image/png" },
            ],
          },
        ],
        { tools: [{ type: "function", function: { name: "shot" } }] },
      ),
    )
    expect(request.messages?.[2]?.content).toEqual([
      {
        toolResult: {
          toolUseId: "c1",
          content: [
            { text: "Here:" },
            { image: { format: "png", source: { bytes: bytes(PNG) } } },
            { document: { format: "txt", name: "log", source: { bytes: new TextEncoder().encode("ok") } } },
          ],
        },
      },
    ])
    expect(warnings.map((w) => w.path)).toEqual([
      "prompt_template.messages[2].content[3]",
      "prompt_template.messages[2].content[4]",
    ])
  })
})

describe("toRequest: prompt caching", () => {
  it("puts a cachePoint after each part, message and tool marked with cache_control", () => {
    const { request } = convert(
      chat(
        [
          {
            role: "system",
            content: [{ type: "text", text: "Long rules", cache_control: { type: "ephemeral", ttl: "1h" } }],
          },
          {
            role: "user",
            content: [
              { type: "text", text: "Doc" },
              { type: "text", text: "Q" },
            ],
            cache_control: { type: "ephemeral" },
          },
          {
            role: "assistant",
            content: [{ type: "text", text: "A", cache_control: { type: "ephemeral" } }],
          },
        ],
        { tools: [{ ...tools[0]!, cache_control: { type: "ephemeral", ttl: "5m" } }] },
      ),
    )
    expect(request.system).toEqual([{ text: "Long rules" }, { cachePoint: { type: "default", ttl: "1h" } }])
    expect(request.messages).toEqual([
      { role: "user", content: [{ text: "Doc" }, { text: "Q" }, { cachePoint: { type: "default" } }] },
      { role: "assistant", content: [{ text: "A" }, { cachePoint: { type: "default" } }] },
    ])
    expect(request.toolConfig?.tools?.[1]).toEqual({ cachePoint: { type: "default", ttl: "5m" } })
  })
})

describe("toRequest: tools", () => {
  it("sends function tools as toolSpec with the JSON schema as written", () => {
    const { request } = convert(
      chat([user("Weather?")], {
        tools: [...tools, { type: "function", function: { name: "now", description: "" } }],
        tool_choice: "auto",
      }),
    )
    expect(request.toolConfig).toEqual({
      tools: [
        {
          toolSpec: {
            name: "get_weather",
            description: "Weather for a city",
            inputSchema: { json: tools[0]!.function.parameters },
            strict: true,
          },
        },
        { toolSpec: { name: "now", inputSchema: { json: { type: "object", properties: {} } } } },
      ],
      toolChoice: { auto: {} },
    })
  })

  it("maps required to any and a named function to tool", () => {
    expect(
      convert(chat([user("x")], { tools, tool_choice: "required" })).request.toolConfig?.toolChoice,
    ).toEqual({ any: {} })
    expect(
      convert(
        chat([user("x")], { tools, tool_choice: { type: "function", function: { name: "get_weather" } } }),
      ).request.toolConfig?.toolChoice,
    ).toEqual({ tool: { name: "get_weather" } })
    expect(
      convert(chat([user("x")], { tools }, { tool_choice: "required" })).request.toolConfig?.toolChoice,
    ).toEqual({
      any: {},
    })
  })

  it("leaves the tools out for tool_choice none, unless the conversation already uses tools", () => {
    const plain = convert(chat([user("x")], { tools, tool_choice: "none" }))
    expect(plain.request.toolConfig).toBeUndefined()
    expect(plain.warnings).toEqual([])
    const withHistory = convert(
      chat(
        [
          user("x"),
          {
            role: "assistant",
            tool_calls: [{ id: "c", type: "function", function: { name: "get_weather", arguments: "{}" } }],
          },
          { role: "tool", tool_call_id: "c", content: [{ type: "text", text: "sunny" }] },
        ],
        { tools, tool_choice: "none" },
      ),
    )
    expect(withHistory.request.toolConfig).toEqual({
      tools: [expect.objectContaining({ toolSpec: expect.anything() })],
    })
    expect(withHistory.warnings.map((w) => w.feature)).toEqual(["tool_choice"])
  })

  it("drops legacy functions with a warning (their calls have no ids either)", () => {
    const { request, warnings } = convert(
      chat([user("x")], {
        functions: [{ name: "f", parameters: { type: "object" } }],
        function_call: "auto",
      }),
    )
    expect(request.toolConfig).toBeUndefined()
    expect(warnings.map((w) => `${w.feature} ${w.path}`)).toEqual(["functions prompt_template.functions"])
  })

  it("drops built-in and unknown tools with a warning, and sends no toolConfig when none is left", () => {
    const { request, warnings } = convert(
      chat([user("x")], { tools: [{ type: "web_search" }, { type: "teleport" }], tool_choice: "required" }),
    )
    expect(request.toolConfig).toBeUndefined()
    expect(warnings.map((w) => `${w.feature} ${w.path}`)).toEqual([
      "tools.web_search prompt_template.tools[0]",
      "tools.teleport prompt_template.tools[1]",
    ])
  })
})

describe("toRequest: model and parameters", () => {
  it("takes the model from the options or the metadata, and refuses none", () => {
    expect(convert(chat([user("x")]), { model: "amazon.nova-pro-v1:0" }).request.modelId).toBe(
      "amazon.nova-pro-v1:0",
    )
    expect(convert(chat([user("x")])).request.modelId).toBe(MODEL)
    expect(unsupported({ prompt_template: { type: "chat", messages: [user("x")] } })).toMatchObject({
      feature: "model",
    })
  })

  it("writes portable parameters in Converse's inferenceConfig, whatever provider named them", () => {
    const { request } = convert(
      chat([user("x")], {}, { maxOutputTokens: 500, temperature: 0.2, topP: 0.9, stop: "END" }),
    )
    expect(request.inferenceConfig).toEqual({
      maxTokens: 500,
      temperature: 0.2,
      topP: 0.9,
      stopSequences: ["END"],
    })
  })

  it("lets options.parameters override the blueprint's", () => {
    const { request } = convert(chat([user("x")], {}, { temperature: 0.2, max_tokens: 10 }), {
      parameters: { temperature: 0.7 },
    })
    expect(request.inferenceConfig).toEqual({ maxTokens: 10, temperature: 0.7 })
  })

  it("drops values out of Bedrock's range and what Converse cannot take, with warnings", () => {
    const { request, warnings } = convert(
      chat(
        [user("x")],
        {},
        {
          temperature: 1.5,
          top_p: 0.5,
          max_tokens: 0.5,
          stop: ["", "END"],
          seed: 7,
          presence_penalty: 0.1,
          logit_bias: { 1: 2 },
          promptVariables: { name: { text: "x" } },
        },
      ),
    )
    expect(request.inferenceConfig).toEqual({ topP: 0.5, stopSequences: ["END"] })
    expect(warnings.map((w) => w.feature).sort()).toEqual([
      "parameters.logit_bias",
      "parameters.max_tokens",
      "parameters.presence_penalty",
      "parameters.promptVariables",
      "parameters.seed",
      "parameters.temperature",
    ])
  })

  it("lets options.parameters win over the blueprint's whatever name either uses", () => {
    const { request } = convert(chat([user("x")], {}, { maxTokens: 100 }), { parameters: { max_tokens: 5 } })
    expect(request.inferenceConfig).toEqual({ maxTokens: 5 })
  })

  it("sends top_k and model fields in additionalModelRequestFields and Converse fields at the top", () => {
    const { request } = convert(
      chat(
        [user("x")],
        {},
        {
          top_k: 40,
          thinking: { type: "enabled", budget_tokens: 2048 },
          additionalModelRequestFields: { anthropic_beta: ["interleaved-thinking-2025-05-14"], custom: 1 },
          guardrailConfig: { guardrailIdentifier: "abc123", guardrailVersion: "1" },
          requestMetadata: { team: "search" },
          performanceConfig: { latency: "optimized" },
        },
      ),
    )
    expect(request.additionalModelRequestFields).toEqual({
      anthropic_beta: ["interleaved-thinking-2025-05-14"],
      custom: 1,
      top_k: 40,
      thinking: { type: "enabled", budget_tokens: 2048 },
    })
    expect(request.guardrailConfig).toEqual({ guardrailIdentifier: "abc123", guardrailVersion: "1" })
    expect(request.requestMetadata).toEqual({ team: "search" })
    expect(request.performanceConfig).toEqual({ latency: "optimized" })
  })

  it("sends a JSON-schema response format as outputConfig.textFormat with the schema as JSON text", () => {
    const schema = { type: "object", properties: { answer: { type: "string" } }, required: ["answer"] }
    const { request } = convert(
      chat(
        [user("x")],
        {},
        {
          response_format: {
            type: "json_schema",
            json_schema: { name: "answer", description: "The answer", schema, strict: true },
          },
        },
      ),
    )
    expect(request.outputConfig).toEqual({
      textFormat: {
        type: "json_schema",
        structure: {
          jsonSchema: { schema: JSON.stringify(schema), name: "answer", description: "The answer" },
        },
      },
    })
  })

  it("drops a JSON-object response format, which Bedrock has no mode for, with a warning", () => {
    const { request, warnings } = convert(chat([user("x")], {}, { response_format: { type: "json_object" } }))
    expect(request.outputConfig).toBeUndefined()
    expect(warnings.map((w) => w.feature)).toEqual(["parameters.response_format"])
  })
})

describe("toRequest: streaming", () => {
  it("marks a streaming request for send, invisibly to the SDK and to JSON", () => {
    const streaming = convert(chat([user("x")]), { stream: true }).request
    const plain = convert(chat([user("x")])).request
    expect(isStreamingRequest(streaming)).toBe(true)
    expect(isStreamingRequest(plain)).toBe(false)
    expect(JSON.stringify(streaming)).toBe(JSON.stringify(plain))
    expect(Object.keys(streaming)).toEqual(Object.keys(plain))
  })
})
