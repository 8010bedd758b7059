import { UnsupportedFeatureError } from "@pl/blueprint"
import { describe, expect, it } from "vitest"
import { chatBlueprint, user, warnings } from "../../test/blueprints.js"
import { chatSpecErrors } from "../../test/spec.js"
import { toChatRequest } from "./to-request.js"

const PNG = "iVBORw0KGgoAAAANSUhEUg=="
const PDF = "JVBERi0xLjQKJcfsj6IK"
const WAV = "UklGRiQAAABXQVZFZm10IBAAAAA="
const MP3 = "SUQzBAAAAAAAI1RTU0UAAAAPAAAD"

/** Converts, and checks the request against the official spec before returning it. */
function convert(...args: Parameters<typeof toChatRequest>) {
  const request = toChatRequest(...args)
  expect(chatSpecErrors(request)).toEqual([])
  return request
}

describe("toChatRequest", () => {
  it("sends system, developer and user messages, one text part as a plain string", () => {
    const request = convert(
      chatBlueprint([
        { role: "system", content: [{ type: "text", text: "Be brief." }] },
        {
          role: "developer",
          content: [
            { type: "text", text: "Rule one." },
            { type: "text", text: "Rule two." },
          ],
        },
        { role: "user", name: "ada", content: [{ type: "text", text: "Hi" }] },
      ]),
    )
    expect(request).toEqual({
      model: "gpt-4o",
      messages: [
        { role: "system", content: "Be brief." },
        {
          role: "developer",
          content: [
            { type: "text", text: "Rule one." },
            { type: "text", text: "Rule two." },
          ],
        },
        { role: "user", name: "ada", content: "Hi" },
      ],
    })
  })

  it("sends images by URL and base64, from image_url and media parts", () => {
    const request = convert(
      chatBlueprint([
        {
          role: "user",
          content: [
            { type: "text", text: "Compare" },
            { type: "image_url", image_url: { url: "https://x.test/a.png", detail: "high" } },
            { type: "image_url", image_url: { url: `data:image/png;base64,${PNG}` } },
            { type: "media", media: { type: "image/jpeg", url: "https://x.test/b.jpg" } },
            { type: "media", media: { type: "image/png", url: PNG } },
          ],
        },
      ]),
    )
    expect(request.messages[0]).toEqual({
      role: "user",
      content: [
        { type: "text", text: "Compare" },
        { type: "image_url", image_url: { url: "https://x.test/a.png", detail: "high" } },
        { type: "image_url", image_url: { url: `data:image/png;base64,${PNG}` } },
        { type: "image_url", image_url: { url: "https://x.test/b.jpg" } },
        { type: "image_url", image_url: { url: `data:image/png;base64,${PNG}` } },
      ],
    })
  })

  it("sends a PDF as a file part with a data URL and its title as the file name", () => {
    const request = convert(
      chatBlueprint([
        {
          role: "user",
          content: [
            { type: "media", media: { type: "application/pdf", url: PDF, title: "report.pdf" } },
            { type: "media", media: { type: "application/pdf", url: `data:application/pdf;base64,${PDF}` } },
          ],
        },
      ]),
    )
    expect(request.messages[0]?.content).toEqual([
      { type: "file", file: { file_data: `data:application/pdf;base64,${PDF}`, filename: "report.pdf" } },
      { type: "file", file: { file_data: `data:application/pdf;base64,${PDF}`, filename: "document.pdf" } },
    ])
  })

  it("sends wav and mp3 audio as input_audio with bare base64", () => {
    const request = convert(
      chatBlueprint([
        {
          role: "user",
          content: [
            { type: "media", media: { type: "audio/wav", url: WAV } },
            { type: "media", media: { type: "audio/mpeg", url: `data:audio/mpeg;base64,${MP3}` } },
          ],
        },
      ]),
    )
    expect(request.messages[0]?.content).toEqual([
      { type: "input_audio", input_audio: { data: WAV, format: "wav" } },
      { type: "input_audio", input_audio: { data: MP3, format: "mp3" } },
    ])
  })

  it.each([
    [
      "audio by URL",
      { type: "media", media: { type: "audio/wav", url: "https://x.test/a.wav" } },
      "content.media.audio",
    ],
    [
      "ogg audio",
      { type: "media", media: { type: "audio/ogg", url: "T2dnUwACAAAAAAAA" } },
      "content.media.audio",
    ],
    [
      "video",
      { type: "media", media: { type: "video/mp4", url: "https://x.test/v.mp4" } },
      "content.media.video",
    ],
    [
      "a PDF by URL",
      { type: "media", media: { type: "application/pdf", url: "https://x.test/a.pdf" } },
      "content.media.url",
    ],
    ["a media variable", { type: "media_variable", name: "photos" }, "media_variable"],
  ] as const)("refuses %s in a user message, naming the feature and path", (_, part, feature) => {
    const blueprint = chatBlueprint([user("Hi"), { role: "user", content: [part] }])
    expect(() => toChatRequest(blueprint)).toThrow(UnsupportedFeatureError)
    expect(() => toChatRequest(blueprint)).toThrow(
      expect.objectContaining({
        feature,
        path: "prompt_template.messages[1].content[0]",
        provider: "openai",
      }),
    )
  })

  it("refuses an image in a system or tool message: the model would not see it", () => {
    const image = { type: "image_url", image_url: { url: "https://x.test/a.png" } } as const
    expect(() => toChatRequest(chatBlueprint([{ role: "system", content: [image] }]))).toThrow(
      expect.objectContaining({
        feature: "content.image_url",
        path: "prompt_template.messages[0].content[0]",
      }),
    )
    expect(() =>
      toChatRequest(chatBlueprint([{ role: "tool", tool_call_id: "call_1", content: [image] }])),
    ).toThrow(UnsupportedFeatureError)
  })

  it("refuses placeholder messages, tool variables and a missing model", () => {
    expect(() => toChatRequest(chatBlueprint([{ role: "placeholder", name: "history" }]))).toThrow(
      expect.objectContaining({ feature: "placeholder", path: "prompt_template.messages[0]" }),
    )
    expect(() =>
      toChatRequest(chatBlueprint([user("Hi")], { tools: [{ type: "tool_variable", name: "tools" }] })),
    ).toThrow(expect.objectContaining({ feature: "tool_variable", path: "prompt_template.tools[0]" }))
    expect(() => toChatRequest({ prompt_template: { type: "chat", messages: [user("Hi")] } })).toThrow(
      expect.objectContaining({ feature: "model" }),
    )
  })

  it("sends strict tools, tool_choice, parallel_tool_calls, assistant tool calls and tool results", () => {
    const weather = {
      name: "get_weather",
      description: "Weather now",
      parameters: { type: "object" },
      strict: true,
    }
    const base = chatBlueprint(
      [
        user("Weather in Paris and Rome?"),
        {
          role: "assistant",
          content: [],
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
        { role: "tool", tool_call_id: "call_1", content: [{ type: "text", text: "18C" }] },
        { role: "tool", tool_call_id: "call_2", content: [{ type: "text", text: "24C" }] },
      ],
      { tools: [{ type: "function", function: weather }] },
      { parallel_tool_calls: true },
    )
    const request = convert(base)
    expect(request.tools).toEqual([{ type: "function", function: weather }])
    expect(request.parallel_tool_calls).toBe(true)
    expect(request.messages.slice(1)).toEqual([
      {
        role: "assistant",
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
      { role: "tool", tool_call_id: "call_2", content: "24C" },
    ])
    for (const choice of [
      "auto",
      "none",
      "required",
      { type: "function", function: { name: "get_weather" } },
    ] as const) {
      const template = { ...base.prompt_template, tool_choice: choice }
      expect(convert({ ...base, prompt_template: template }).tool_choice).toEqual(choice)
    }
  })

  it("reads Anthropic's tool choices from the parameters, and drops a built-in tool choice", () => {
    const base = chatBlueprint([user("Hi")], { tools: [{ type: "function", function: { name: "lookup" } }] })
    const choose = (tool_choice: unknown) => {
      const w = warnings()
      const request = convert(
        {
          ...base,
          metadata: { model: { provider: "anthropic", name: "gpt-4o", parameters: { tool_choice } } },
        },
        { onWarning: w.onWarning },
      )
      return { choice: request.tool_choice, warned: w.list.map((x) => x.feature) }
    }
    expect(choose({ type: "any" })).toEqual({ choice: "required", warned: [] })
    expect(choose({ type: "none" })).toEqual({ choice: "none", warned: [] })
    expect(choose({ type: "tool", name: "lookup" })).toEqual({
      choice: { type: "function", function: { name: "lookup" } },
      warned: [],
    })
    expect(choose({ type: "web_search" })).toEqual({ choice: undefined, warned: ["tool_choice"] })
  })

  it("leaves out tool_choice and parallel_tool_calls when there are no tools, with warnings", () => {
    const w = warnings()
    const request = convert(
      chatBlueprint([user("Hi")], { tools: [], tool_choice: "auto" }, { parallel_tool_calls: false }),
      {
        onWarning: w.onWarning,
      },
    )
    expect(request).toEqual({ model: "gpt-4o", messages: [{ role: "user", content: "Hi" }] })
    expect(w.list.map((x) => x.feature)).toEqual(["tool_choice", "parameters.parallel_tool_calls"])
  })

  it("sends legacy functions, function_call and function messages", () => {
    const request = convert(
      chatBlueprint(
        [
          user("Add 2 and 3"),
          { role: "assistant", content: [], function_call: { name: "add", arguments: '{"a":2,"b":3}' } },
          { role: "function", name: "add", content: [{ type: "text", text: "5" }] },
        ],
        { functions: [{ name: "add", parameters: { type: "object" } }], function_call: { name: "add" } },
      ),
    )
    expect(request.functions).toEqual([{ name: "add", parameters: { type: "object" } }])
    expect(request.function_call).toEqual({ name: "add" })
    expect(request.messages.slice(1)).toEqual([
      { role: "assistant", function_call: { name: "add", arguments: '{"a":2,"b":3}' } },
      { role: "function", name: "add", content: "5" },
    ])
  })

  it("sends structured output as response_format json_schema", () => {
    const schema = { type: "object", properties: { city: { type: "string" } }, required: ["city"] }
    const request = convert(
      chatBlueprint(
        [user("Where?")],
        {},
        {
          response_format: {
            type: "json_schema",
            json_schema: { name: "place", schema, strict: true, description: null },
          },
        },
      ),
    )
    expect(request.response_format).toEqual({
      type: "json_schema",
      json_schema: { name: "place", schema, strict: true },
    })
  })

  it("writes portable parameters in Chat's form and keeps Chat's own, dropping the rest with warnings", () => {
    const w = warnings()
    const request = convert(
      chatBlueprint(
        [user("Hi")],
        {},
        {
          temperature: 0.2,
          topP: 0.9,
          maxOutputTokens: 300,
          stop_sequences: "END",
          random_seed: 7,
          frequency_penalty: 0.1,
          presence_penalty: 0.3,
          top_k: 40,
          reasoning_effort: "low",
          logit_bias: { "50256": -100 },
          thinking: { type: "enabled", budget_tokens: 1024 },
        },
      ),
      { onWarning: w.onWarning, parameters: { temperature: 0.5 } },
    )
    expect(request).toEqual({
      model: "gpt-4o",
      messages: [{ role: "user", content: "Hi" }],
      temperature: 0.5,
      top_p: 0.9,
      max_completion_tokens: 300,
      stop: ["END"],
      seed: 7,
      frequency_penalty: 0.1,
      presence_penalty: 0.3,
      reasoning_effort: "low",
      logit_bias: { "50256": -100 },
    })
    expect(w.list.map((x) => x.feature).sort()).toEqual(["parameters.thinking", "parameters.top_k"])
  })

  it("lets the call's parameters win over the blueprint's whatever name either uses", () => {
    const request = convert(
      chatBlueprint([user("Hi")], {}, { maxOutputTokens: 100, stop_sequences: ["a"] }),
      {
        parameters: { max_tokens: 5, stop: "b" },
      },
    )
    expect(request).toMatchObject({ max_completion_tokens: 5, stop: ["b"] })
  })

  it("takes the model from the options first, and streams with usage when asked", () => {
    const request = convert(chatBlueprint([user("Hi")]), { model: "gpt-4.1-mini", stream: true })
    expect(request).toMatchObject({
      model: "gpt-4.1-mini",
      stream: true,
      stream_options: { include_usage: true },
    })
  })

  it("sends a completion template as one user message", () => {
    const request = convert({
      prompt_template: { type: "completion", content: [{ type: "text", text: "Once upon a time" }] },
      metadata: { model: { provider: "openai", name: "gpt-4o" } },
    })
    expect(request.messages).toEqual([{ role: "user", content: "Once upon a time" }])
  })

  it("drops what Chat cannot take back from an assistant turn, warning with the path", () => {
    const w = warnings()
    const request = convert(
      chatBlueprint(
        [
          user("Hi"),
          {
            role: "assistant",
            content: [
              { type: "thinking", thinking: "hmm", signature: "sig" },
              {
                type: "text",
                text: "Hello",
                thought_signature: "gsig",
                annotations: [{ type: "url_citation", url: "https://x.test" }],
              },
              { type: "output_media", url: `data:image/png;base64,${PNG}`, mime_type: "image/png" },
              { type: "future_part", value: 1 },
            ],
            tool_calls: [
              {
                id: "c1",
                type: "function",
                function: { name: "f", arguments: "{}" },
                provider_metadata: { thought_signature: "gsig" },
              },
            ],
          },
        ],
        { tools: [{ type: "function", function: { name: "f" } }, { type: "web_search" }] },
      ),
      { onWarning: w.onWarning },
    )
    expect(request.messages[1]).toEqual({
      role: "assistant",
      content: "Hello",
      tool_calls: [{ id: "c1", type: "function", function: { name: "f", arguments: "{}" } }],
    })
    expect(w.list.map((x) => [x.feature, x.path])).toEqual([
      ["content.thinking", "prompt_template.messages[1].content[0]"],
      ["content.text.annotations", "prompt_template.messages[1].content[1]"],
      ["content.text.thought_signature", "prompt_template.messages[1].content[1]"],
      ["content.output_media", "prompt_template.messages[1].content[2]"],
      ["content.future_part", "prompt_template.messages[1].content[3]"],
      ["tool_calls.thought_signature", "prompt_template.messages[1].tool_calls[0]"],
      ["tools.web_search", "prompt_template.tools[1]"],
    ])
    expect(w.list.every((x) => x.provider === "openai" && x.message.endsWith("not sent"))).toBe(true)
  })
})
