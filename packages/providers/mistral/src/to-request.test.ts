import {
  type ConversionWarning,
  convertBlueprint,
  type Message,
  type PromptBlueprint,
  UnsupportedFeatureError,
} from "@pl/blueprint"
import { describe, expect, it } from "vitest"
import { toRequest } from "./to-request.js"

const MODEL = { provider: "mistral", name: "mistral-small-latest" }

function chat(
  messages: Message[],
  extra: Record<string, unknown> = {},
  parameters?: Record<string, unknown>,
) {
  return {
    prompt_template: { type: "chat", messages, ...extra },
    metadata: { model: { ...MODEL, ...(parameters ? { parameters } : {}) } },
  } as PromptBlueprint
}
const user = (text: string): Message => ({ role: "user", content: [{ type: "text", text }] })
const adapter = { toRequest }

describe("toRequest: model and options", () => {
  it("takes the model from options over metadata", () => {
    expect(toRequest(chat([user("Hi")])).model).toBe("mistral-small-latest")
    expect(toRequest(chat([user("Hi")]), { model: "mistral-large-latest" }).model).toBe(
      "mistral-large-latest",
    )
  })

  it("throws UnsupportedFeatureError naming `model` when there is no model", () => {
    const blueprint = { prompt_template: { type: "chat", messages: [user("Hi")] } } as PromptBlueprint
    expect(() => toRequest(blueprint)).toThrow(UnsupportedFeatureError)
    expect(() => toRequest(blueprint)).toThrow(
      expect.objectContaining({ feature: "model", provider: "mistral" }),
    )
  })

  it("sets stream only for a streaming request", () => {
    expect(toRequest(chat([user("Hi")]))).not.toHaveProperty("stream")
    expect(toRequest(chat([user("Hi")]), { stream: true }).stream).toBe(true)
  })

  it("sends a completion template as one user message", () => {
    const blueprint = {
      prompt_template: {
        type: "completion",
        content: [{ type: "text", text: "Once" }],
        template_format: "jinja2",
      },
      metadata: { model: MODEL },
    } as PromptBlueprint
    expect(toRequest(blueprint).messages).toEqual([{ role: "user", content: "Once" }])
  })
})

describe("toRequest: messages", () => {
  it("sends one text part as a string and several parts as chunks", () => {
    const request = toRequest(
      chat([
        user("Hi"),
        {
          role: "user",
          content: [
            { type: "text", text: "a" },
            { type: "text", text: "b" },
          ],
        },
      ]),
    )
    expect(request.messages.map((m) => m.content)).toEqual([
      "Hi",
      [
        { type: "text", text: "a" },
        { type: "text", text: "b" },
      ],
    ])
  })

  it("sends system and developer messages as system", () => {
    const request = toRequest(
      chat([
        { role: "system", content: [{ type: "text", text: "s" }] },
        { role: "developer", content: [{ type: "text", text: "d" }] },
      ]),
    )
    expect(request.messages).toEqual([
      { role: "system", content: "s" },
      { role: "system", content: "d" },
    ])
  })

  it("keeps thinking with its signature, in system messages too", () => {
    const thinking = { type: "thinking" as const, thinking: "plan", signature: "sig==" }
    const request = toRequest(
      chat([
        { role: "system", content: [thinking] },
        { role: "assistant", content: [thinking, { type: "text", text: "answer" }] },
        user("next"),
      ]),
    )
    const chunk = { type: "thinking", thinking: [{ type: "text", text: "plan" }], signature: "sig==" }
    expect(request.messages[0]?.content).toEqual([chunk])
    expect(request.messages[1]?.content).toEqual([chunk, { type: "text", text: "answer" }])
  })

  it("sends assistant tool calls with their JSON arguments and names tool results after the call", () => {
    const request = toRequest(
      chat([
        user("Weather?"),
        {
          role: "assistant",
          content: [],
          tool_calls: [
            { id: "abcdefghi", type: "function", function: { name: "weather", arguments: '{"c":1}' } },
          ],
        },
        { role: "tool", tool_call_id: "abcdefghi", content: [{ type: "text", text: "sunny" }] },
        { role: "tool", tool_call_id: "other0000", name: "given", content: [{ type: "text", text: "x" }] },
      ]),
    )
    expect(request.messages.slice(1)).toEqual([
      {
        role: "assistant",
        toolCalls: [
          { id: "abcdefghi", type: "function", function: { name: "weather", arguments: '{"c":1}' } },
        ],
      },
      { role: "tool", toolCallId: "abcdefghi", name: "weather", content: "sunny" },
      { role: "tool", toolCallId: "other0000", name: "given", content: "x" },
    ])
  })

  it("sends a legacy function result as a tool message with the function's name", () => {
    const request = toRequest(
      chat([user("t"), { role: "function", name: "clock", content: [{ type: "text", text: "9" }] }]),
    )
    expect(request.messages[1]).toEqual({ role: "tool", name: "clock", content: "9" })
  })

  it("marks a last assistant message as prefix, and honours an explicit prefix flag", () => {
    const prefill: Message = { role: "assistant", content: [{ type: "text", text: "Once" }] }
    expect(toRequest(chat([user("Story"), prefill])).messages[1]).toEqual({
      role: "assistant",
      content: "Once",
      prefix: true,
    })
    expect(toRequest(chat([user("Story"), { ...prefill, prefix: false }])).messages[1]).not.toHaveProperty(
      "prefix",
    )
    expect(toRequest(chat([{ ...prefill, prefix: true }, user("go")])).messages[0]).toHaveProperty(
      "prefix",
      true,
    )
    expect(toRequest(chat([prefill, user("go")])).messages[0]).not.toHaveProperty("prefix")
  })

  it("throws for placeholder messages and legacy function calls, naming them", () => {
    expect(() => toRequest(chat([{ role: "placeholder", name: "history" }]))).toThrow(
      expect.objectContaining({ feature: "message.placeholder", path: "prompt_template.messages[0]" }),
    )
    const call: Message = { role: "assistant", content: [], function_call: { name: "f", arguments: "{}" } }
    expect(() => toRequest(chat([user("x"), call]))).toThrow(
      expect.objectContaining({ feature: "message.function_call" }),
    )
  })

  it("warns that user names and Gemini signatures are not sent", () => {
    const { request, warnings } = convertBlueprint(
      adapter,
      chat([
        { role: "user", name: "ada", content: [{ type: "text", text: "x", thought_signature: "sig" }] },
        {
          role: "assistant",
          content: [],
          tool_calls: [
            {
              id: "abcdefghi",
              type: "function",
              function: { name: "f", arguments: "{}" },
              provider_metadata: { thought_signature: "gem" },
            },
          ],
        },
      ]),
    )
    expect(request.messages[0]).toEqual({ role: "user", content: "x" })
    expect(warnings.map((w: ConversionWarning) => [w.feature, w.path])).toEqual([
      ["message.name", "prompt_template.messages[0].name"],
      ["content.text.thought_signature", "prompt_template.messages[0].content[0]"],
      ["tool_calls.thought_signature", "prompt_template.messages[1].tool_calls[0]"],
    ])
  })
})

describe("toRequest: tools and tool choice", () => {
  const weather = {
    type: "function",
    function: {
      name: "weather",
      description: "d",
      parameters: { type: "object", properties: {} },
      strict: true,
    },
  }

  it("sends function tools with their schema untouched and strict", () => {
    const schema = {
      type: "object",
      properties: { snake_case: { type: "string" } },
      additionalProperties: false,
    }
    const request = toRequest(
      chat([user("x")], {
        tools: [{ type: "function", function: { name: "f", parameters: schema, strict: false } }],
      }),
    )
    expect(request.tools).toEqual([
      { type: "function", function: { name: "f", parameters: schema, strict: false } },
    ])
  })

  it("gives a tool without parameters an empty object schema", () => {
    const request = toRequest(chat([user("x")], { tools: [{ type: "function", function: { name: "now" } }] }))
    expect(request.tools).toEqual([
      { type: "function", function: { name: "now", parameters: { type: "object", properties: {} } } },
    ])
  })

  it.each([
    ["auto", "auto"],
    ["none", "none"],
    ["required", "required"],
    [
      { type: "function", function: { name: "weather" } },
      { type: "function", function: { name: "weather" } },
    ],
  ])("translates the template tool_choice %j", (choice, expected) => {
    expect(toRequest(chat([user("x")], { tools: [weather], tool_choice: choice })).toolChoice).toEqual(
      expected,
    )
  })

  it.each([
    ["any", "any"],
    [{ type: "any" }, "any"],
    [{ type: "auto" }, "auto"],
    [
      { type: "tool", name: "weather" },
      { type: "function", function: { name: "weather" } },
    ],
  ])("takes the portable tool_choice parameter %j over the template's", (choice, expected) => {
    const blueprint = chat([user("x")], { tools: [weather], tool_choice: "none" }, { tool_choice: choice })
    expect(toRequest(blueprint).toolChoice).toEqual(expected)
  })

  it("converts legacy functions and function_call", () => {
    const request = toRequest(
      chat([user("x")], {
        functions: [{ name: "f", parameters: { type: "object" } }],
        function_call: { name: "f" },
      }),
    )
    expect(request.tools).toEqual([
      { type: "function", function: { name: "f", parameters: { type: "object" } } },
    ])
    expect(request.toolChoice).toEqual({ type: "function", function: { name: "f" } })
  })

  it("sends the built-in tools Mistral runs and drops the others with a warning", () => {
    const { request, warnings } = convertBlueprint(
      adapter,
      chat([user("x")], {
        tools: [
          { type: "web_search" },
          { type: "image_generation" },
          { type: "file_search", config: { vector_store_ids: ["vs"] } },
          { type: "web_search_premium" },
          { type: "document_library", library_ids: ["lib-1"] },
          { type: "brand_new_tool" },
        ],
        tool_choice: { type: "web_search" },
      }),
    )
    expect(request.tools).toEqual([{ type: "web_search" }, { type: "image_generation" }])
    expect(request).not.toHaveProperty("toolChoice")
    expect(warnings.map((w) => w.feature)).toEqual([
      "tools.file_search",
      "tools.web_search_premium",
      "tools.document_library",
      "tools.brand_new_tool",
      "tool_choice",
    ])
  })

  it("throws for a tool variable, which must be rendered first", () => {
    expect(() => toRequest(chat([user("x")], { tools: [{ type: "tool_variable", name: "tools" }] }))).toThrow(
      expect.objectContaining({ feature: "tools.tool_variable", path: "prompt_template.tools[0]" }),
    )
  })
})

describe("toRequest: parameters", () => {
  it("writes portable parameters in Mistral's form, whichever provider named them", () => {
    const request = toRequest(
      chat(
        [user("x")],
        {},
        {
          temperature: 0.2,
          topP: 0.5,
          max_completion_tokens: 99,
          stop: "END",
          random_seed: 4,
          frequencyPenalty: 0.1,
          presence_penalty: 0.3,
          parallel_tool_calls: false,
        },
      ),
    )
    expect(request).toMatchObject({
      temperature: 0.2,
      topP: 0.5,
      maxTokens: 99,
      stop: ["END"],
      randomSeed: 4,
      frequencyPenalty: 0.1,
      presencePenalty: 0.3,
      parallelToolCalls: false,
    })
  })

  it("merges options.parameters over the blueprint's, whatever name either uses", () => {
    const request = toRequest(
      chat([user("x")], {}, { temperature: 0.2, max_tokens: 5, maxOutputTokens: 6 }),
      {
        parameters: { temperature: 0.9, max_completion_tokens: 7 },
      },
    )
    expect(request).toMatchObject({ temperature: 0.9, maxTokens: 7 })
  })

  it("translates response_format json_schema, json_object and text", () => {
    const schema = { type: "object", properties: { a: { type: "string" } } }
    const jsonSchema = { type: "json_schema", json_schema: { name: "a", schema, strict: true } }
    expect(toRequest(chat([user("x")], {}, { response_format: jsonSchema })).responseFormat).toEqual({
      type: "json_schema",
      jsonSchema: { name: "a", schemaDefinition: schema, strict: true },
    })
    expect(
      toRequest(chat([user("x")], {}, { response_format: { type: "json_object" } })).responseFormat,
    ).toEqual({
      type: "json_object",
    })
    expect(toRequest(chat([user("x")], {}, { response_format: { type: "text" } })).responseFormat).toEqual({
      type: "text",
    })
  })

  it("passes native parameters by wire or SDK name and drops unknown ones with a warning", () => {
    const { request, warnings } = convertBlueprint(
      adapter,
      chat([user("x")], {}, { safe_prompt: true, promptCacheKey: "k", top_k: 5, logit_bias: { 1: 2 } }),
    )
    expect(request).toMatchObject({ safePrompt: true, promptCacheKey: "k" })
    expect(request).not.toHaveProperty("top_k")
    expect(request).not.toHaveProperty("logit_bias")
    expect(warnings.map((w) => w.feature).sort()).toEqual(["parameters.logit_bias", "parameters.top_k"])
  })

  it("does not send guardrails, whose nested fields the SDK would drop unless renamed", () => {
    const { request, warnings } = convertBlueprint(
      adapter,
      chat([user("x")], {}, { guardrails: [{ block_on_error: true }] }),
    )
    expect(request).not.toHaveProperty("guardrails")
    expect(warnings.map((w) => w.feature)).toEqual(["parameters.guardrails"])
  })
})
