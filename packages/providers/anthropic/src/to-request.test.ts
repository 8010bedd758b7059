import type { MessageCreateParams } from "@anthropic-ai/sdk/resources/messages"
import { convertBlueprint, type PromptBlueprint, UnsupportedFeatureError } from "@pl/blueprint"
import { describe, expect, it } from "vitest"
import { assistant, call, chat, MODEL, PDF, PNG, system, text, tool, user } from "../test/blueprints.js"
import { anthropic } from "./index.js"

function convert(blueprint: PromptBlueprint, options: Parameters<typeof anthropic.toRequest>[1] = {}) {
  const { request, warnings } = convertBlueprint(anthropic, blueprint, options)
  return { request: request satisfies MessageCreateParams, warnings }
}

const features = (warnings: { feature: string }[]) => warnings.map((w) => w.feature)

describe("toRequest", () => {
  it("takes the model from options over metadata, and needs one", () => {
    expect(anthropic.toRequest(chat([user(text("Hi"))]), { model: "claude-haiku-4-5" }).model).toBe(
      "claude-haiku-4-5",
    )
    expect(anthropic.toRequest(chat([user(text("Hi"))])).model).toBe(MODEL)
    const noModel: PromptBlueprint = { prompt_template: { type: "chat", messages: [user(text("Hi"))] } }
    expect(() => anthropic.toRequest(noModel)).toThrow(UnsupportedFeatureError)
  })

  it("sends max_tokens 4096 when the blueprint sets none, and the blueprint's under any provider's name", () => {
    expect(anthropic.toRequest(chat([user(text("Hi"))])).max_tokens).toBe(4096)
    const gemini = chat([user(text("Hi"))], { parameters: { maxOutputTokens: 300 } })
    expect(anthropic.toRequest(gemini).max_tokens).toBe(300)
    expect(anthropic.toRequest(gemini, { parameters: { max_completion_tokens: 50 } }).max_tokens).toBe(50)
  })

  it("lifts leading system and developer messages into system, keeping cache_control", () => {
    const { request } = convert(
      chat([
        system(text("Be terse.", { cache_control: { type: "ephemeral", ttl: "1h" } })),
        { role: "developer", content: [text("Use metric units.")] },
        user(text("Hi")),
      ]),
    )
    expect(request.system).toEqual([
      { type: "text", text: "Be terse.", cache_control: { type: "ephemeral", ttl: "1h" } },
      { type: "text", text: "Use metric units." },
    ])
    expect(request.messages).toEqual([{ role: "user", content: [{ type: "text", text: "Hi" }] }])
  })

  it("keeps a system message after the conversation started in place, as a system turn", () => {
    const { request } = convert(
      chat([user(text("Hi")), assistant([text("Hello")]), system(text("Now be brief."))]),
    )
    expect(request.system).toBeUndefined()
    expect(request.messages.at(-1)).toEqual({
      role: "system",
      content: [{ type: "text", text: "Now be brief." }],
    })
  })

  it("sends images by URL and base64, from image_url and media parts", () => {
    const { request } = convert(
      chat([
        user(
          { type: "image_url", image_url: { url: "https://example.com/a.png", detail: "high" } },
          { type: "image_url", image_url: { url: `data:image/png;base64,${PNG}` } },
          { type: "media", media: { type: "image/jpeg", url: "https://example.com/photo" } },
          { type: "media", media: { type: "image/webp", url: PNG } },
        ),
      ]),
    )
    expect(request.messages[0]?.content).toEqual([
      { type: "image", source: { type: "url", url: "https://example.com/a.png" } },
      { type: "image", source: { type: "base64", media_type: "image/png", data: PNG } },
      { type: "image", source: { type: "url", url: "https://example.com/photo" } },
      { type: "image", source: { type: "base64", media_type: "image/webp", data: PNG } },
    ])
  })

  it("warns that image detail is not sent", () => {
    const { warnings } = convert(
      chat([user({ type: "image_url", image_url: { url: "https://x.test/a.png", detail: "low" } })]),
    )
    expect(features(warnings)).toEqual(["content.image_url.detail"])
  })

  it("refuses an image type Anthropic cannot read", () => {
    const bmp = chat([user({ type: "image_url", image_url: { url: "data:image/bmp;base64,Qk0=" } })])
    expect(() => anthropic.toRequest(bmp)).toThrow(/images must be JPEG, PNG, GIF or WebP, not image\/bmp/)
  })

  it("sends PDFs by base64 and URL, and plain text as a text document", () => {
    const { request } = convert(
      chat([
        user(
          {
            type: "media",
            media: { type: "application/pdf", url: PDF, title: "spec.pdf" },
            citations: { enabled: true },
            context: "v2",
          },
          { type: "media", media: { type: "application/pdf", url: "https://example.com/spec.pdf" } },
          { type: "media", media: { type: "text/plain", url: `data:text/plain;base64,${btoa("hello")}` } },
        ),
      ]),
    )
    expect(request.messages[0]?.content).toEqual([
      {
        type: "document",
        source: { type: "base64", media_type: "application/pdf", data: PDF },
        title: "spec.pdf",
        citations: { enabled: true },
        context: "v2",
      },
      { type: "document", source: { type: "url", url: "https://example.com/spec.pdf" } },
      { type: "document", source: { type: "text", media_type: "text/plain", data: "hello" } },
    ])
  })

  it("decodes plain-text documents as UTF-8", () => {
    const utf8 = btoa(String.fromCharCode(...new TextEncoder().encode("héllo")))
    const { request } = convert(chat([user({ type: "media", media: { type: "text/plain", url: utf8 } })]))
    expect(request.messages[0]?.content).toEqual([
      { type: "document", source: { type: "text", media_type: "text/plain", data: "héllo" } },
    ])
  })

  it("refuses audio, which dropping would change the prompt's meaning", () => {
    const audio = chat([user({ type: "media", media: { type: "audio/wav", url: "UklGRg==" } })])
    expect(() => anthropic.toRequest(audio)).toThrow(UnsupportedFeatureError)
  })

  it("drops documents from assistant turns with a warning (API version 2026-10-21 rejects them)", () => {
    const { request, warnings } = convert(
      chat([
        user(text("Hi")),
        assistant([text("Here."), { type: "media", media: { type: "application/pdf", url: PDF } }]),
      ]),
    )
    expect(request.messages[1]).toEqual({ role: "assistant", content: [{ type: "text", text: "Here." }] })
    expect(warnings).toEqual([
      expect.objectContaining({ feature: "content.media", path: "prompt_template.messages[1].content[1]" }),
    ])
  })

  it("defines tools with input_schema, strict and cache_control, and web_search as Anthropic's web search", () => {
    const parameters = { type: "object", properties: { city: { type: "string" } }, required: ["city"] }
    const { request, warnings } = convert(
      chat([user(text("Hi"))], {
        tools: [
          {
            type: "function",
            function: { name: "get_weather", description: "Weather", parameters, strict: true },
            cache_control: { type: "ephemeral" },
          },
          { type: "function", function: { name: "ping" } },
          { type: "web_search", config: { max_uses: 2, allowed_domains: ["example.com"] } },
          { type: "file_search" },
        ],
      }),
    )
    expect(request.tools).toEqual([
      {
        name: "get_weather",
        description: "Weather",
        input_schema: parameters,
        strict: true,
        cache_control: { type: "ephemeral" },
      },
      { name: "ping", input_schema: { type: "object", properties: {} } },
      { type: "web_search_20250305", name: "web_search", max_uses: 2, allowed_domains: ["example.com"] },
    ])
    expect(features(warnings)).toEqual(["tools.file_search"])
  })

  it("maps tool_choice auto, none, required and a named function", () => {
    const choice = (tool_choice: unknown, parameters?: Record<string, unknown>) =>
      anthropic.toRequest(chat([user(text("Hi"))], { tool_choice, ...(parameters && { parameters }) }))
        .tool_choice
    expect(choice("auto")).toEqual({ type: "auto" })
    expect(choice("none")).toEqual({ type: "none" })
    expect(choice("required")).toEqual({ type: "any" })
    expect(choice({ type: "function", function: { name: "get_weather" } })).toEqual({
      type: "tool",
      name: "get_weather",
    })
    expect(choice(undefined)).toBeUndefined()
  })

  it("turns parallel_tool_calls: false into disable_parallel_tool_use", () => {
    const choice = (tool_choice: unknown) =>
      anthropic.toRequest(
        chat([user(text("Hi"))], { tool_choice, parameters: { parallel_tool_calls: false } }),
      ).tool_choice
    expect(choice("required")).toEqual({ type: "any", disable_parallel_tool_use: true })
    expect(choice(undefined)).toEqual({ type: "auto", disable_parallel_tool_use: true })
    expect(choice("none")).toEqual({ type: "none" })
  })

  it("puts consecutive tool results in one user turn, and a later one in its own", () => {
    const { request } = convert(
      chat([
        user(text("Weather and time?")),
        assistant([], {
          tool_calls: [call("toolu_1", "get_weather", '{"city":"Paris"}'), call("toolu_2", "get_time", "")],
        }),
        tool("toolu_1", text("18°C")),
        { role: "tool", tool_call_id: "toolu_2", content: [text("no clock")], is_error: true },
        user(text("Thanks")),
        assistant([], { tool_calls: [call("toolu_3", "get_time", "{}")] }),
        tool("toolu_3", text("noon")),
      ]),
    )
    expect(request.messages).toEqual([
      { role: "user", content: [{ type: "text", text: "Weather and time?" }] },
      {
        role: "assistant",
        content: [
          { type: "tool_use", id: "toolu_1", name: "get_weather", input: { city: "Paris" } },
          { type: "tool_use", id: "toolu_2", name: "get_time", input: {} },
        ],
      },
      {
        role: "user",
        content: [
          { type: "tool_result", tool_use_id: "toolu_1", content: [{ type: "text", text: "18°C" }] },
          {
            type: "tool_result",
            tool_use_id: "toolu_2",
            content: [{ type: "text", text: "no clock" }],
            is_error: true,
          },
        ],
      },
      { role: "user", content: [{ type: "text", text: "Thanks" }] },
      { role: "assistant", content: [{ type: "tool_use", id: "toolu_3", name: "get_time", input: {} }] },
      {
        role: "user",
        content: [{ type: "tool_result", tool_use_id: "toolu_3", content: [{ type: "text", text: "noon" }] }],
      },
    ])
  })

  it("replays thinking with its signature and redacted thinking exactly, before the tool calls", () => {
    const { request } = convert(
      chat([
        user(text("Hi")),
        assistant(
          [
            { type: "thinking", thinking: "Let me see.", signature: "EqQBCkY" },
            { type: "redacted_thinking", data: "EmwKAhgB" },
            text("Checking."),
          ],
          { tool_calls: [call("toolu_1", "lookup", '{"q":1}')] },
        ),
      ]),
    )
    expect(request.messages[1]?.content).toEqual([
      { type: "thinking", thinking: "Let me see.", signature: "EqQBCkY" },
      { type: "redacted_thinking", data: "EmwKAhgB" },
      { type: "text", text: "Checking." },
      { type: "tool_use", id: "toolu_1", name: "lookup", input: { q: 1 } },
    ])
  })

  it("drops thinking without a signature, and thinking outside assistant turns, with warnings", () => {
    const { request, warnings } = convert(
      chat([
        user(text("Hi"), { type: "thinking", thinking: "x", signature: "s" }),
        assistant([{ type: "thinking", thinking: "y" }, text("ok")]),
      ]),
    )
    expect(request.messages[1]?.content).toEqual([{ type: "text", text: "ok" }])
    expect(features(warnings)).toEqual(["content.thinking", "content.thinking"])
  })

  it("sends structured output as output_config.format, beside a native effort", () => {
    const schema = {
      type: "object",
      properties: { a: { type: "string" } },
      required: ["a"],
      additionalProperties: false,
    }
    const { request } = convert(
      chat([user(text("Hi"))], {
        parameters: {
          response_format: { type: "json_schema", json_schema: { name: "answer", schema, strict: true } },
          output_config: { effort: "low" },
        },
      }),
    )
    expect(request.output_config).toEqual({ effort: "low", format: { type: "json_schema", schema } })
  })

  it("drops json_object output with a warning: Anthropic needs a schema", () => {
    const { request, warnings } = convert(
      chat([user(text("Hi"))], { parameters: { response_format: { type: "json_object" } } }),
    )
    expect(request.output_config).toBeUndefined()
    expect(features(warnings)).toEqual(["parameters.response_format.json_object"])
  })

  it("puts a message's cache_control on its last block", () => {
    const { request } = convert(
      chat([{ role: "user", content: [text("a"), text("b")], cache_control: { type: "ephemeral" } }]),
    )
    expect(request.messages[0]?.content).toEqual([
      { type: "text", text: "a" },
      { type: "text", text: "b", cache_control: { type: "ephemeral" } },
    ])
  })

  it("sends web search citations on assistant text, and warns about citations it cannot send", () => {
    const citation = {
      type: "url_citation",
      url: "https://a.test/",
      title: "A",
      cited_text: "quote",
      encrypted_index: "Eo8B",
    }
    const { request, warnings } = convert(
      chat([
        user(text("Hi", { annotations: [citation] })),
        assistant([
          text("Said so.", {
            annotations: [citation, { type: "url_citation", url: "https://openai.test/" }],
          }),
        ]),
      ]),
    )
    expect(request.messages[0]?.content).toEqual([{ type: "text", text: "Hi" }])
    expect(request.messages[1]?.content).toEqual([
      {
        type: "text",
        text: "Said so.",
        citations: [
          {
            type: "web_search_result_location",
            url: "https://a.test/",
            title: "A",
            cited_text: "quote",
            encrypted_index: "Eo8B",
          },
        ],
      },
    ])
    expect(features(warnings)).toEqual(["content.text.annotations", "annotations.url_citation"])
  })

  it("replays server tool use and web search results as received", () => {
    const results = [
      {
        type: "web_search_result",
        url: "https://a.test/",
        title: "A",
        encrypted_content: "Eq",
        page_age: null,
      },
    ]
    const { request } = convert(
      chat([
        user(text("News?")),
        assistant([
          { type: "server_tool_use", id: "srvtoolu_1", name: "web_search", input: { query: "news" } },
          { type: "web_search_tool_result", tool_use_id: "srvtoolu_1", content: results },
        ]),
      ]),
    )
    expect(request.messages[1]?.content).toEqual([
      { type: "server_tool_use", id: "srvtoolu_1", name: "web_search", input: { query: "news" } },
      { type: "web_search_tool_result", tool_use_id: "srvtoolu_1", content: results },
    ])
  })

  it("translates stop, and drops sampling and OpenAI-only parameters with warnings", () => {
    const { request, warnings } = convert(
      chat([user(text("Hi"))], {
        parameters: {
          stop: "END",
          temperature: 0.2,
          top_p: 0.9,
          topK: 5,
          seed: 7,
          frequency_penalty: 1,
          logit_bias: {},
          thinking: { type: "adaptive" },
        },
      }),
    )
    expect(request).toEqual({
      model: MODEL,
      max_tokens: 4096,
      stop_sequences: ["END"],
      thinking: { type: "adaptive" },
      messages: [{ role: "user", content: [{ type: "text", text: "Hi" }] }],
    })
    expect(features(warnings).sort()).toEqual([
      "parameters.frequency_penalty",
      "parameters.logit_bias",
      "parameters.seed",
      "parameters.temperature",
      "parameters.top_k",
      "parameters.top_p",
    ])
  })

  it("builds a streaming request when asked", () => {
    expect(anthropic.toRequest(chat([user(text("Hi"))]), { stream: true }).stream).toBe(true)
  })

  it("sends a completion template as one user message", () => {
    const completion: PromptBlueprint = {
      prompt_template: { type: "completion", content: [text("Once upon a time")] },
      metadata: { model: { provider: "anthropic", name: MODEL } },
    }
    expect(anthropic.toRequest(completion).messages).toEqual([
      { role: "user", content: [{ type: "text", text: "Once upon a time" }] },
    ])
  })

  it("refuses placeholders, media variables and tool variables: they are rendered first", () => {
    const cases = [
      chat([{ role: "placeholder", name: "history" }]),
      chat([user({ type: "media_variable", name: "photos" })]),
      chat([user(text("Hi"))], { tools: [{ type: "tool_variable", name: "tools" }] }),
    ]
    for (const blueprint of cases)
      expect(() => anthropic.toRequest(blueprint)).toThrow(/render the template first/)
  })

  it("refuses legacy function messages, which have no call ids", () => {
    const legacy = chat([user(text("Hi")), { role: "function", name: "f", content: [text("1")] }])
    expect(() => anthropic.toRequest(legacy)).toThrow(UnsupportedFeatureError)
  })

  it("drops parts Anthropic has no block for, and unknown parts, with warnings naming their path", () => {
    const { request, warnings } = convert(
      chat([
        user(
          text("Hi"),
          { type: "output_media", url: `data:image/png;base64,${PNG}`, mime_type: "image/png" },
          { type: "hologram", beam: 1 },
        ),
      ]),
    )
    expect(request.messages[0]?.content).toEqual([{ type: "text", text: "Hi" }])
    expect(warnings.map((w) => [w.feature, w.path])).toEqual([
      ["content.output_media", "prompt_template.messages[0].content[1]"],
      ["content.hologram", "prompt_template.messages[0].content[2]"],
    ])
  })

  it("leaves out empty text, which Anthropic rejects, and messages left empty", () => {
    const { request } = convert(chat([user(text("")), user(text("Hi"), text(""))]))
    expect(request.messages).toEqual([{ role: "user", content: [{ type: "text", text: "Hi" }] }])
  })

  it("warns about what other providers' fields cannot carry: names and Gemini signatures", () => {
    const { warnings } = convert(
      chat([
        { role: "user", name: "ada", content: [text("Hi", { thought_signature: "CiQB" })] },
        assistant([], {
          tool_calls: [{ ...call("c1", "f", "{}"), provider_metadata: { thought_signature: "CiQB" } }],
        }),
        tool("c1", text("ok")),
      ]),
    )
    expect(features(warnings)).toEqual([
      "message.name",
      "content.text.thought_signature",
      "tool_calls.provider_metadata",
    ])
  })
})
