/** Blueprint builders shared by the tests. */
import type { Content, Message, PromptBlueprint, Tool } from "@pl/blueprint"

export const MODEL = "claude-sonnet-5-5"

/** A one-pixel PNG, base64. */
export const PNG =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
/** The start of a PDF, base64. */
export const PDF = "JVBERi0xLjQKJcOkw7zDtsOfCjIgMCBvYmoKPDwvTGVuZ3RoIDMgMCBSPj4Kc3RyZWFtCg=="

export function chat(
  messages: Message[],
  extra: { tools?: Tool[]; tool_choice?: unknown; parameters?: Record<string, unknown> } = {},
): PromptBlueprint {
  const { parameters, ...template } = extra
  return {
    prompt_template: { type: "chat", messages, ...template } as PromptBlueprint["prompt_template"],
    metadata: { model: { provider: "anthropic", name: MODEL, ...(parameters && { parameters }) } },
  }
}

export const text = (value: string, extra: Record<string, unknown> = {}): Content => ({
  type: "text",
  text: value,
  ...extra,
})

export const user = (...content: Content[]): Message => ({ role: "user", content })
export const system = (...content: Content[]): Message => ({ role: "system", content })
export const assistant = (content: Content[], extra: Record<string, unknown> = {}): Message => ({
  role: "assistant",
  content,
  ...extra,
})
export const tool = (id: string, ...content: Content[]): Message => ({
  role: "tool",
  tool_call_id: id,
  content,
})

export const call = (id: string, name: string, args: string) => ({
  id,
  type: "function" as const,
  function: { name, arguments: args },
})

/** A blueprint using every feature the Anthropic adapter maps, for sending through the real SDK. */
export function kitchenSink(): PromptBlueprint {
  const signature = "EqQBCkYIBxgCKkD5"
  return chat(
    [
      system(text("You are terse.", { cache_control: { type: "ephemeral" } })),
      { role: "developer", content: [text("Answer in English.")] },
      user(
        text("What is in these?"),
        { type: "image_url", image_url: { url: "https://example.com/cat.png" } },
        { type: "image_url", image_url: { url: `data:image/png;base64,${PNG}` } },
        {
          type: "media",
          media: { type: "application/pdf", url: PDF, title: "spec.pdf" },
          citations: { enabled: true },
        },
        { type: "media", media: { type: "application/pdf", url: "https://example.com/spec.pdf" } },
        { type: "media", media: { type: "text/plain", url: btoa("plain notes") } },
      ),
      assistant(
        [
          { type: "thinking", thinking: "Look first.", signature },
          { type: "redacted_thinking", data: "EmwKAhgBEgy3va3pzix/LafPsn4a" },
          text("Let me check."),
        ],
        {
          tool_calls: [call("toolu_1", "get_weather", '{"city":"Paris"}'), call("toolu_2", "get_time", "{}")],
        },
      ),
      tool("toolu_1", text("18°C")),
      tool("toolu_2", text("noon")),
      user(text("And the news?")),
      assistant([
        { type: "server_tool_use", id: "srvtoolu_1", name: "web_search", input: { query: "news" } },
        {
          type: "web_search_tool_result",
          tool_use_id: "srvtoolu_1",
          content: [
            { type: "web_search_result", url: "https://news.test/", title: "News", encrypted_content: "Eq0" },
          ],
        },
        text("It rained.", {
          annotations: [
            {
              type: "url_citation",
              url: "https://news.test/",
              title: "News",
              cited_text: "rain",
              encrypted_index: "Eo8",
            },
          ],
        }),
      ]),
      { role: "system", content: [text("From now on, be brief.")] },
      user(text("Summarise.")),
    ],
    {
      tools: [
        {
          type: "function",
          function: {
            name: "get_weather",
            description: "Weather for a city",
            parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
            strict: true,
          },
          cache_control: { type: "ephemeral" },
        },
        { type: "function", function: { name: "get_time", parameters: { type: "object", properties: {} } } },
        { type: "web_search", config: { max_uses: 3 } },
      ],
      tool_choice: "auto",
      parameters: {
        max_tokens: 2048,
        stop: ["END"],
        parallel_tool_calls: false,
        thinking: { type: "enabled", budget_tokens: 1024 },
        response_format: {
          type: "json_schema",
          json_schema: { name: "answer", schema: { type: "object", properties: { a: { type: "string" } } } },
        },
      },
    },
  )
}
