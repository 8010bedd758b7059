import {
  type ChatTemplate,
  type ConversionWarning,
  convertBlueprint,
  isStreamingRequest,
  type PromptBlueprint,
  UnsupportedFeatureError,
} from "@pl/blueprint"
import { describe, expect, it } from "vitest"
import { kitchenSink, kitchenSinkRequest, PNG } from "../test/kitchen-sink.js"
import { sdkRequestErrors } from "../test/sdk-schema.js"
import { toRequest as convert } from "./to-request.js"

/** `toRequest`, checking every request it returns against the SDK's own (strict) request schema. */
const toRequest: typeof convert = (blueprint, options) => {
  const request = convert(blueprint, options)
  expect(sdkRequestErrors(request)).toEqual([])
  return request
}

const chat = (messages: ChatTemplate["messages"], extra: Record<string, unknown> = {}): PromptBlueprint => ({
  prompt_template: { type: "chat", messages, input_variables: [], ...extra },
  metadata: { model: { provider: "cohere", name: "command-a-03-2025" } },
})

const user = (text: string) => ({ role: "user" as const, content: [{ type: "text" as const, text }] })

describe("toRequest", () => {
  it("translates messages, tools, tool choice, documents, citations, thinking and parameters", () => {
    const { request, warnings } = convertBlueprint({ toRequest }, kitchenSink)
    expect(request).toEqual(kitchenSinkRequest)
    expect(warnings.map((w) => [w.feature, w.path])).toEqual([
      ["parameters.logit_bias", "metadata.model.parameters.logit_bias"],
      ["thinking.signature", "prompt_template.messages[3].content[0]"],
    ])
  })

  it("marks a streaming request and takes the model and parameters from the options", () => {
    const request = toRequest(chat([user("Hi")]), {
      model: "command-r7b-12-2024",
      parameters: { maxOutputTokens: 64, stop_sequences: "END" },
      stream: true,
    })
    expect(isStreamingRequest(request)).toBe(true)
    expect(isStreamingRequest(toRequest(chat([user("Hi")])))).toBe(false)
    expect(request).toEqual({
      model: "command-r7b-12-2024",
      messages: [{ role: "user", content: "Hi" }],
      maxTokens: 64,
      stopSequences: ["END"],
    })
    // The mark is not a field: the SDK never sees it.
    expect(JSON.parse(JSON.stringify(request))).toEqual(request)
  })

  it("throws UnsupportedFeatureError naming the model when there is none", () => {
    const blueprintWithoutModel: PromptBlueprint = { prompt_template: chat([user("Hi")]).prompt_template }
    expect(() => toRequest(blueprintWithoutModel)).toThrow(
      expect.objectContaining({ name: "UnsupportedFeatureError", feature: "model" }),
    )
  })

  it("sends a completion template as one user message", () => {
    const request = toRequest({
      prompt_template: {
        type: "completion",
        content: [{ type: "text", text: "Once upon a time" }],
        input_variables: [],
        template_format: "f-string",
      },
      metadata: { model: { provider: "openai", name: "command-a-03-2025" } },
    })
    expect(request.messages).toEqual([{ role: "user", content: "Once upon a time" }])
  })

  it("asks for JSON valid against the blueprint's schema, with thinking off", () => {
    const schema = { type: "object", properties: { name: { type: "string" } }, required: ["name"] }
    const request = toRequest(chat([user("Give me a name as JSON")]), {
      parameters: {
        response_format: { type: "json_schema", json_schema: { name: "person", schema, strict: true } },
        thinking: { type: "disabled" },
      },
    })
    expect(request).toMatchObject({
      responseFormat: { type: "json_object", jsonSchema: schema },
      thinking: { type: "disabled" },
    })
  })

  it("sends only the named tool, with REQUIRED, for a named tool choice", () => {
    const tools = ["a", "b"].map((name) => ({
      type: "function" as const,
      function: { name, parameters: {} },
    }))
    const request = toRequest(
      chat([user("Hi")], { tools, tool_choice: { type: "function", function: { name: "b" } } }),
    )
    expect(request.tools).toEqual([{ type: "function", function: { name: "b", parameters: {} } }])
    expect(request.toolChoice).toBe("REQUIRED")
  })

  it("leaves auto to Cohere's default and maps none to NONE", () => {
    const tools = [{ type: "function" as const, function: { name: "a" } }]
    expect(toRequest(chat([user("Hi")], { tools, tool_choice: "auto" }))).not.toHaveProperty("toolChoice")
    expect(toRequest(chat([user("Hi")], { tools, tool_choice: "none" })).toolChoice).toBe("NONE")
    expect(toRequest(chat([user("Hi")], { tools })).tools).toEqual([
      { type: "function", function: { name: "a", parameters: { type: "object", properties: {} } } },
    ])
  })

  it("throws when a named tool choice names no tool", () => {
    const tools = [{ type: "function" as const, function: { name: "a" } }]
    expect(() =>
      toRequest(chat([user("Hi")], { tools, tool_choice: { type: "function", function: { name: "z" } } })),
    ).toThrow(UnsupportedFeatureError)
  })

  it("drops a tool choice without tools, and built-in tools, with warnings", () => {
    const { request, warnings } = convertBlueprint(
      { toRequest },
      chat([user("Hi")], { tools: [{ type: "web_search" }], tool_choice: "required" }),
    )
    expect(request).not.toHaveProperty("tools")
    expect(request).not.toHaveProperty("toolChoice")
    expect(warnings.map((w) => w.feature)).toEqual(["tools.web_search", "tool_choice"])
  })

  it("reads the legacy functions and function_call as tools and a tool choice", () => {
    const request = toRequest(
      chat([user("Hi")], {
        functions: [{ name: "lookup", parameters: { type: "object" } }],
        function_call: "none",
      }),
    )
    expect(request.tools).toEqual([
      { type: "function", function: { name: "lookup", parameters: { type: "object" } } },
    ])
    expect(request.toolChoice).toBe("NONE")
  })

  it.each([
    ["placeholder", "", { role: "placeholder", name: "history" }],
    [
      "content.media_variable",
      ".content[0]",
      { role: "user", content: [{ type: "media_variable", name: "pics" }] },
    ],
    ["function_message", "", { role: "function", name: "lookup", content: [{ type: "text", text: "{}" }] }],
    [
      "function_call",
      ".function_call",
      { role: "assistant", content: [], function_call: { name: "lookup", arguments: "{}" } },
    ],
    [
      "content.media",
      ".content[0]",
      { role: "user", content: [{ type: "media", media: { type: "application/pdf", url: "JVBERi0xLjQK" } }] },
    ],
  ])("throws UnsupportedFeatureError for %s", (feature, at, message) => {
    expect(() => toRequest(chat([message as never]))).toThrow(
      expect.objectContaining({
        name: "UnsupportedFeatureError",
        feature,
        path: `prompt_template.messages[0]${at}`,
      }),
    )
  })

  it("throws for a tool variable that was not rendered", () => {
    expect(() =>
      toRequest(chat([user("Hi")], { tools: [{ type: "tool_variable", name: "tools" }] })),
    ).toThrow(expect.objectContaining({ feature: "tools.tool_variable", path: "prompt_template.tools[0]" }))
  })

  it("drops what Cohere cannot hold with a warning naming the part", () => {
    const warnings: ConversionWarning[] = []
    const request = toRequest(
      chat([
        {
          role: "user",
          name: "ada",
          content: [
            { type: "text", text: "Hi", thought_signature: "c2ln" },
            { type: "thinking", thinking: "hmm" },
            { type: "future_part", payload: 1 },
          ],
        },
        {
          role: "assistant",
          content: [
            { type: "redacted_thinking", data: "b3BhcXVl" },
            { type: "output_media", url: `data:image/png;base64,${PNG}`, mime_type: "image/png" },
            {
              type: "text",
              text: "See the page.",
              annotations: [
                { type: "url_citation", url: "https://example.com", start_index: 0, end_index: 3 },
              ],
            },
          ],
        },
        {
          role: "tool",
          tool_call_id: "x",
          content: [{ type: "image_url", image_url: { url: "https://x.test/a.png" } }],
        },
        { role: "system", content: [{ type: "image_url", image_url: { url: "https://x.test/a.png" } }] },
      ]),
      { onWarning: (w) => warnings.push(w) },
    )
    expect(request.messages).toEqual([
      { role: "user", content: "Hi" },
      { role: "assistant", content: "See the page." },
      { role: "tool", toolCallId: "x", content: [] },
      { role: "system", content: [] },
    ])
    expect(warnings.map((w) => `${w.feature} @ ${w.path}`)).toEqual([
      "message.name @ prompt_template.messages[0].name",
      "thought_signature @ prompt_template.messages[0].content[0]",
      "content.thinking @ prompt_template.messages[0].content[1]",
      "content.future_part @ prompt_template.messages[0].content[2]",
      "content.redacted_thinking @ prompt_template.messages[1].content[0]",
      "content.output_media @ prompt_template.messages[1].content[1]",
      "annotations.url_citation @ prompt_template.messages[1].content[2].annotations[0]",
      "content.image_url @ prompt_template.messages[2].content[0]",
      "content.image_url @ prompt_template.messages[3].content[0]",
    ])
    expect(warnings.every((w) => w.provider === "cohere")).toBe(true)
  })

  it("joins the text of a tool-calling turn into one tool plan, shifting its citations", () => {
    const cite = (start: number) => ({
      type: "file_citation" as const,
      file_id: "t1",
      start_index: start,
      end_index: start + 4,
      cited_text: "rain",
      tool_output: { forecast: "rain" },
    })
    const request = toRequest(
      chat([
        {
          role: "assistant",
          content: [
            { type: "text", text: "First, " },
            { type: "text", text: "rain is likely.", annotations: [cite(0)] },
          ],
          tool_calls: [{ id: "c", type: "function", function: { name: "f", arguments: "{}" } }],
        },
      ]),
    )
    expect(request.messages[0]).toEqual({
      role: "assistant",
      toolPlan: "First, rain is likely.",
      toolCalls: [{ id: "c", type: "function", function: { name: "f", arguments: "{}" } }],
      citations: [
        {
          start: 7,
          end: 11,
          text: "rain",
          sources: [{ type: "tool", id: "t1", toolOutput: { forecast: "rain" } }],
          type: "PLAN",
        },
      ],
    })
  })

  it("groups annotations of one span into one citation and writes content_index only when needed", () => {
    const source = (id: string, start: number) => ({
      type: "file_citation" as const,
      file_id: id,
      start_index: start,
      end_index: start + 1,
      cited_text: "x",
    })
    const request = toRequest(
      chat([
        {
          role: "assistant",
          content: [
            { type: "text", text: "x one", annotations: [source("a", 0), source("b", 0)] },
            { type: "text", text: "x two", annotations: [source("c", 0)] },
          ],
        },
      ]),
    )
    const message = request.messages[0] as { citations: unknown[] }
    expect(message.citations).toEqual([
      {
        start: 0,
        end: 1,
        text: "x",
        sources: [
          { type: "document", id: "a" },
          { type: "document", id: "b" },
        ],
        type: "TEXT_CONTENT",
        contentIndex: 0,
      },
      { start: 0, end: 1, text: "x", sources: [{ type: "document", id: "c" }], type: "TEXT_CONTENT" },
    ])
  })
})
