/**
 * fast-check arbitraries that generate valid prompt blueprints, shared by every adapter's property
 * tests. Import from `@pl/blueprint/testing` (fast-check is an optional peer dependency).
 *
 * Everything generated is JSON-safe (no `undefined` values, no `-0`), so it survives `JSON.stringify`.
 */
import fc from "fast-check"
import type { PromptBlueprint } from "../blueprint.js"
import type { Content, ContentType } from "../content.js"
import type { Message, Role } from "../message.js"
import type { ChatTemplate, CompletionTemplate } from "../template.js"
import type { Tool, ToolCall } from "../tool.js"

export interface BlueprintArbitraryOptions {
  /** The content part types to generate (default: all of them). */
  contentTypes?: readonly ContentType[]
  /** The message roles to generate (default: all but `placeholder`). */
  roles?: readonly Role[]
  /** The most messages in a chat template (default 6). */
  maxMessages?: number
}

const identifier = fc.stringMatching(/^[a-z][a-z0-9_]{0,11}$/)
const id = fc.stringMatching(/^[A-Za-z0-9_-]{4,16}$/)
const text = fc.string({ maxLength: 40 })
const base64 = fc
  .uint8Array({ minLength: 1, maxLength: 24 })
  .map((bytes) => btoa(String.fromCharCode(...bytes)))
const url = fc.webUrl({ withQueryParameters: false, withFragments: false })
const jsonObjectText = fc
  .dictionary(identifier, fc.oneof(text, fc.integer(), fc.boolean()), { maxKeys: 3 })
  .map((value) => JSON.stringify(value))

/** A small JSON Schema object, as tools and structured output use. */
export const jsonSchemaArbitrary = fc
  .dictionary(identifier, fc.constantFrom("string", "integer", "boolean", "number"), {
    minKeys: 0,
    maxKeys: 4,
  })
  .map((props) => ({
    type: "object",
    properties: Object.fromEntries(Object.entries(props).map(([key, type]) => [key, { type }])),
    required: Object.keys(props),
    additionalProperties: false,
  }))

const contentArbitraries: { [K in ContentType]: fc.Arbitrary<Extract<Content, { type: K }>> } = {
  text: fc.record(
    {
      type: fc.constant("text" as const),
      text,
      thought_signature: base64,
      annotations: fc.array(
        fc.record(
          {
            type: fc.constant("url_citation" as const),
            url,
            title: text,
            start_index: fc.nat(100),
            end_index: fc.nat(100),
          },
          { requiredKeys: ["type", "url"] },
        ),
        { maxLength: 2 },
      ),
    },
    { requiredKeys: ["type", "text"] },
  ),
  thinking: fc.record(
    { type: fc.constant("thinking" as const), thinking: text, signature: base64 },
    { requiredKeys: ["type", "thinking"] },
  ),
  redacted_thinking: fc.record({ type: fc.constant("redacted_thinking" as const), data: base64 }),
  image_url: fc.record({
    type: fc.constant("image_url" as const),
    image_url: fc.record(
      {
        url: fc.oneof(
          url.map((u) => `${u}/image.png`),
          base64.map((b) => `data:image/png;base64,${b}`),
        ),
        detail: fc.constantFrom("auto" as const, "low" as const, "high" as const),
      },
      { requiredKeys: ["url"] },
    ),
  }),
  media: fc.record({
    type: fc.constant("media" as const),
    media: fc.record(
      {
        title: text,
        type: fc.constantFrom("application/pdf", "image/jpeg", "audio/wav", "text/plain"),
        url: fc.oneof(
          url.map((u) => `${u}/file`),
          base64,
        ),
      },
      { requiredKeys: ["type", "url"] },
    ),
  }),
  media_variable: fc.record({ type: fc.constant("media_variable" as const), name: identifier }),
  output_media: fc.record({
    type: fc.constant("output_media" as const),
    url: base64.map((b) => `data:image/png;base64,${b}`),
    mime_type: fc.constant("image/png"),
  }),
  code: fc.record(
    { type: fc.constant("code" as const), code: text, language: fc.constantFrom("python", "javascript") },
    { requiredKeys: ["type", "code"] },
  ),
  server_tool_use: fc.record({
    type: fc.constant("server_tool_use" as const),
    id,
    name: fc.constantFrom("web_search", "code_execution"),
    input: fc.record({ query: text }),
  }),
  web_search_tool_result: fc.record({
    type: fc.constant("web_search_tool_result" as const),
    tool_use_id: id,
    content: fc.array(fc.record({ type: fc.constant("web_search_result"), url, title: text }), {
      maxLength: 2,
    }),
  }),
  mcp_list_tools: fc.record({
    type: fc.constant("mcp_list_tools" as const),
    id,
    server_label: identifier,
    tools: fc.array(fc.record({ name: identifier, input_schema: jsonSchemaArbitrary }), { maxLength: 2 }),
  }),
  mcp_call: fc.record(
    {
      type: fc.constant("mcp_call" as const),
      id,
      server_label: identifier,
      name: identifier,
      arguments: jsonObjectText,
      output: text,
    },
    { requiredKeys: ["type", "id", "server_label", "name", "arguments"] },
  ),
  mcp_approval_request: fc.record({
    type: fc.constant("mcp_approval_request" as const),
    id,
    server_label: identifier,
    name: identifier,
    arguments: jsonObjectText,
  }),
  mcp_approval_response: fc.record({
    type: fc.constant("mcp_approval_response" as const),
    approval_request_id: id,
    approve: fc.boolean(),
  }),
  shell_call: fc.record({
    type: fc.constant("shell_call" as const),
    call_id: id,
    action: fc.record({ commands: fc.array(text, { minLength: 1, maxLength: 2 }) }),
  }),
  shell_call_output: fc.record({
    type: fc.constant("shell_call_output" as const),
    call_id: id,
    output: fc.array(fc.record({ stdout: text, stderr: text }), { maxLength: 2 }),
  }),
  apply_patch_call: fc.record({
    type: fc.constant("apply_patch_call" as const),
    call_id: id,
    operation: fc.record({
      type: fc.constantFrom("create_file" as const, "update_file" as const, "delete_file" as const),
      path: identifier.map((name) => `src/${name}.ts`),
      diff: text,
    }),
  }),
  apply_patch_call_output: fc.record(
    { type: fc.constant("apply_patch_call_output" as const), call_id: id, output: text },
    { requiredKeys: ["type", "call_id"] },
  ),
}

/** A content part of one of `types` (default: every known type). */
export function contentArbitrary(
  types: readonly ContentType[] = Object.keys(contentArbitraries) as ContentType[],
) {
  return fc.oneof(...types.map((type) => contentArbitraries[type] as fc.Arbitrary<Content>))
}

/** A function tool call with JSON-object arguments. */
export const toolCallArbitrary: fc.Arbitrary<ToolCall> = fc.record({
  id,
  type: fc.constant("function" as const),
  function: fc.record({ name: identifier, arguments: jsonObjectText }),
})

/** A function tool. */
export const toolArbitrary: fc.Arbitrary<Tool> = fc.record({
  type: fc.constant("function" as const),
  function: fc.record(
    { name: identifier, description: text, parameters: jsonSchemaArbitrary, strict: fc.boolean() },
    { requiredKeys: ["name", "parameters"] },
  ),
})

const DEFAULT_ROLES: readonly Role[] = ["system", "developer", "user", "assistant", "tool", "function"]

/** A chat message of one of `options.roles`, with content of `options.contentTypes`. */
export function messageArbitrary(options: BlueprintArbitraryOptions = {}): fc.Arbitrary<Message> {
  const content = fc.array(contentArbitrary(options.contentTypes), { minLength: 1, maxLength: 3 })
  const format = fc.constantFrom("f-string" as const, "jinja2" as const)
  const byRole: { [R in Role]: fc.Arbitrary<Extract<Message, { role: R }>> } = {
    system: fc.record({ role: fc.constant("system" as const), content, template_format: format }),
    developer: fc.record({ role: fc.constant("developer" as const), content, template_format: format }),
    user: fc.record(
      { role: fc.constant("user" as const), content, template_format: format, name: identifier },
      { requiredKeys: ["role", "content", "template_format"] },
    ),
    assistant: fc.record(
      {
        role: fc.constant("assistant" as const),
        content,
        tool_calls: fc.array(toolCallArbitrary, { minLength: 1, maxLength: 3 }),
        template_format: format,
      },
      { requiredKeys: ["role", "content", "template_format"] },
    ),
    tool: fc.record({
      role: fc.constant("tool" as const),
      content,
      tool_call_id: id,
      template_format: format,
    }),
    function: fc.record({
      role: fc.constant("function" as const),
      content,
      name: identifier,
      template_format: format,
    }),
    placeholder: fc.record({ role: fc.constant("placeholder" as const), name: identifier }),
  }
  return fc.oneof(...(options.roles ?? DEFAULT_ROLES).map((role) => byRole[role] as fc.Arbitrary<Message>))
}

/** A chat template. */
export function chatTemplateArbitrary(options: BlueprintArbitraryOptions = {}): fc.Arbitrary<ChatTemplate> {
  return fc.record(
    {
      type: fc.constant("chat" as const),
      messages: fc.array(messageArbitrary(options), { minLength: 1, maxLength: options.maxMessages ?? 6 }),
      tools: fc.array(toolArbitrary, { maxLength: 3 }),
      tool_choice: fc.constantFrom("auto" as const, "none" as const, "required" as const),
      input_variables: fc.array(identifier, { maxLength: 3 }),
    },
    { requiredKeys: ["type", "messages", "input_variables"] },
  )
}

/** A completion template. */
export function completionTemplateArbitrary(
  options: BlueprintArbitraryOptions = {},
): fc.Arbitrary<CompletionTemplate> {
  return fc.record({
    type: fc.constant("completion" as const),
    content: fc.array(contentArbitrary(options.contentTypes ?? ["text"]), { minLength: 1, maxLength: 2 }),
    input_variables: fc.array(identifier, { maxLength: 3 }),
    template_format: fc.constantFrom("f-string" as const, "jinja2" as const),
  })
}

/** Model settings with portable parameters. */
export const modelArbitrary = fc.record(
  {
    provider: fc.constantFrom("openai", "anthropic", "google", "amazon.bedrock", "mistral", "cohere"),
    name: identifier,
    parameters: fc.record(
      {
        temperature: fc.integer({ min: 0, max: 10 }).map((t) => t / 10),
        max_tokens: fc.integer({ min: 1, max: 4096 }),
        top_p: fc.integer({ min: 1, max: 10 }).map((p) => p / 10),
        stop: fc.array(fc.string({ minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 2 }),
        seed: fc.nat(1000),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: ["provider", "name"] },
)

/**
 * A valid prompt blueprint: a chat template (or, unless `chatOnly`, sometimes a completion template)
 * with model settings.
 *
 * @example
 * fc.assert(fc.property(blueprintArbitrary(), (bp) => expect(parseBlueprint(bp)).toEqual(bp)))
 */
export function blueprintArbitrary(
  options: BlueprintArbitraryOptions & { chatOnly?: boolean } = {},
): fc.Arbitrary<PromptBlueprint> {
  const template = options.chatOnly
    ? chatTemplateArbitrary(options)
    : fc.oneof({ arbitrary: chatTemplateArbitrary(options), weight: 4 }, completionTemplateArbitrary(options))
  return fc.record(
    { prompt_template: template, metadata: fc.record({ model: modelArbitrary }), commit_message: text },
    { requiredKeys: ["prompt_template"] },
  )
}

export { type BenchmarkChatOptions, benchmarkChatBlueprint } from "./benchmark-chat.js"
export { crossProviderBlueprint, PIXEL_PNG } from "./cross-provider.js"
