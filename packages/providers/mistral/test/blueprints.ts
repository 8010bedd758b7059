/** Hand-written blueprints, one per feature the issue lists for Mistral. */
import type { ChatTemplate, PromptBlueprint } from "@pl/blueprint"

const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
const PDF = "JVBERi0xLjQKJcOkw7zDtsOfCjIgMCBvYmoKPDwvTGVuZ3RoIDMgMCBSPj4Kc3RyZWFtCg=="
const MP3 = "SUQzBAAAAAAAI1RTU0UAAAAPAAADTGF2ZjU4Ljc2LjEwMAAAAAAAAAAAAAAA"

const weather = {
  type: "function",
  function: {
    name: "get_weather",
    description: "Weather in a city",
    parameters: {
      type: "object",
      properties: { city: { type: "string" } },
      required: ["city"],
      additionalProperties: false,
    },
    strict: true,
  },
} as const

const time = {
  type: "function",
  function: { name: "get_time", parameters: { type: "object", properties: {} } },
} as const

function chat(
  messages: ChatTemplate["messages"],
  extra: Record<string, unknown> = {},
  parameters: Record<string, unknown> = {},
): PromptBlueprint {
  return {
    prompt_template: { type: "chat", messages, input_variables: [], ...extra },
    metadata: { model: { provider: "mistral", name: "mistral-small-latest", parameters } },
  }
}

const user = (text: string) => ({ role: "user" as const, content: [{ type: "text" as const, text }] })

/** Each entry: a name and a blueprint exercising one feature (several at once where they belong together). */
export const FEATURE_BLUEPRINTS: Record<string, PromptBlueprint> = {
  "system, user and assistant text": chat([
    { role: "system", content: [{ type: "text", text: "Answer in French." }] },
    user("Hello"),
    { role: "assistant", content: [{ type: "text", text: "Bonjour" }] },
    user("How are you?"),
  ]),
  "developer message as system": chat([
    { role: "developer", content: [{ type: "text", text: "Be brief." }] },
    user("Hi"),
  ]),
  "image_url chunks, by URL with detail and as data URL": chat([
    {
      role: "user",
      content: [
        { type: "text", text: "Compare these" },
        { type: "image_url", image_url: { url: "https://example.com/cat.png", detail: "high" } },
        { type: "image_url", image_url: { url: `data:image/png;base64,${PNG}` } },
      ],
    },
  ]),
  "media: image, PDF document (URL and base64) and audio": chat([
    {
      role: "user",
      content: [
        { type: "media", media: { type: "image/png", url: PNG } },
        {
          type: "media",
          media: { type: "application/pdf", url: "https://example.com/report.pdf", title: "report.pdf" },
        },
        { type: "media", media: { type: "application/pdf", url: PDF } },
        { type: "media", media: { type: "audio/mpeg", url: MP3 } },
        { type: "text", text: "Summarise all of it." },
      ],
    },
  ]),
  "thinking chunks with signature, replayed": chat([
    user("What is 2+2?"),
    {
      role: "assistant",
      content: [
        { type: "thinking", thinking: "Basic arithmetic.", signature: "c2lnbmF0dXJl" },
        { type: "text", text: "4" },
      ],
    },
    user("And 3+3?"),
  ]),
  "tools, parallel tool calls and tool results with names": chat(
    [
      user("Weather and time in Paris?"),
      {
        role: "assistant",
        content: [],
        tool_calls: [
          {
            id: "call00001",
            type: "function",
            function: { name: "get_weather", arguments: '{"city":"Paris"}' },
          },
          { id: "call00002", type: "function", function: { name: "get_time", arguments: "{}" } },
        ],
      },
      { role: "tool", tool_call_id: "call00001", content: [{ type: "text", text: '{"temp":21}' }] },
      {
        role: "tool",
        tool_call_id: "call00002",
        name: "get_time",
        content: [{ type: "text", text: "14:00" }],
      },
    ],
    { tools: [weather, time], tool_choice: "auto" },
    { parallel_tool_calls: true },
  ),
  "tool_choice none": chat([user("Hi")], { tools: [weather], tool_choice: "none" }),
  "tool_choice required": chat([user("Hi")], { tools: [weather], tool_choice: "required" }),
  "tool_choice any (Anthropic form, as a parameter)": chat(
    [user("Hi")],
    { tools: [weather] },
    { tool_choice: { type: "any" } },
  ),
  "tool_choice named": chat([user("Hi")], {
    tools: [weather, time],
    tool_choice: { type: "function", function: { name: "get_time" } },
  }),
  "built-in tools": chat([user("News today?")], {
    tools: [{ type: "web_search" }, { type: "code_interpreter" }],
  }),
  "structured output (json_schema)": chat(
    [user("A book")],
    {},
    {
      response_format: {
        type: "json_schema",
        json_schema: {
          name: "book",
          description: "A book",
          schema: { type: "object", properties: { title: { type: "string" } }, required: ["title"] },
          strict: true,
        },
      },
    },
  ),
  "JSON mode (json_object)": chat([user("JSON please")], {}, { response_format: { type: "json_object" } }),
  "prefix: the last assistant message": chat([
    user("Write a haiku"),
    { role: "assistant", content: [{ type: "text", text: "Autumn moonlight—" }] },
  ]),
  "portable parameters, written for other providers": chat(
    [user("Hi")],
    {},
    {
      temperature: 0.3,
      top_p: 0.9,
      maxOutputTokens: 256,
      stop_sequences: ["\n\n"],
      seed: 7,
      frequency_penalty: 0.5,
      presence_penalty: 0.25,
    },
  ),
  "native parameters": chat(
    [user("Hi")],
    {},
    {
      safe_prompt: true,
      random_seed: 42,
      prompt_mode: "reasoning",
      reasoning_effort: "high",
      prediction: { type: "content", content: "Hello" },
      n: 2,
      prompt_cache_key: "conversation-7",
    },
  ),
  "legacy functions and function results": {
    prompt_template: {
      type: "chat",
      messages: [
        user("Time?"),
        { role: "function", name: "get_time", content: [{ type: "text", text: "14:00" }] },
      ],
      functions: [{ name: "get_time", parameters: { type: "object", properties: {} } }],
      function_call: { name: "get_time" },
      input_variables: [],
    },
    metadata: { model: { provider: "openai", name: "mistral-large-latest" } },
  },
  "completion template": {
    prompt_template: {
      type: "completion",
      content: [{ type: "text", text: "Once upon a time" }],
      input_variables: [],
      template_format: "f-string",
    },
    metadata: {
      model: { provider: "mistral", name: "mistral-small-latest", parameters: { max_tokens: 50 } },
    },
  },
}
