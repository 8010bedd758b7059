import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { BlueprintValidationError, parseBlueprint, safeParseBlueprint } from "./index.js"

const apiResponse = JSON.parse(
  readFileSync(new URL("../test/fixtures/api-template-response.json", import.meta.url), "utf8"),
)

function chat(messages: unknown[], extra: Record<string, unknown> = {}) {
  return { prompt_template: { type: "chat", messages, ...extra } }
}

function issuesOf(value: unknown) {
  const result = safeParseBlueprint(value)
  if (result.success) throw new Error("expected the blueprint to be rejected")
  return result.error.issues
}

describe("parseBlueprint", () => {
  it("parses a template as the PromptLayer API returns it, nulls and unknown fields included", () => {
    const blueprint = parseBlueprint(apiResponse)
    const template = blueprint.prompt_template
    if (template.type !== "chat") throw new Error("expected a chat template")
    expect(template.messages.map((m) => m.role)).toEqual([
      "system",
      "placeholder",
      "user",
      "assistant",
      "tool",
    ])
    expect(blueprint.metadata?.model?.parameters?.response_format).toMatchObject({ type: "json_schema" })
    const assistant = template.messages[3]
    expect(
      assistant?.role === "assistant" && assistant.tool_calls?.[0]?.provider_metadata?.thought_signature,
    ).toBe("CsYBAR")
  })

  it("keeps every field it does not know, at every level", () => {
    const blueprint = parseBlueprint(apiResponse) as Record<string, unknown>
    expect(blueprint).toEqual(apiResponse)
    expect(blueprint.prompt_name).toBe("support-agent")
  })

  it("does not mutate its input", () => {
    const input = structuredClone(apiResponse)
    parseBlueprint(input)
    expect(input).toEqual(apiResponse)
  })

  it("accepts null for every absent optional field", () => {
    const blueprint = chat(
      [
        {
          role: "assistant",
          name: null,
          content: null,
          tool_calls: null,
          function_call: null,
          template_format: null,
          input_variables: null,
        },
      ],
      { tools: null, functions: null, tool_choice: null, function_call: null, input_variables: null },
    )
    expect(parseBlueprint({ ...blueprint, metadata: null, commit_message: null })).toMatchObject(blueprint)
  })

  it("keeps a content part of an unknown future type instead of failing the blueprint", () => {
    const future = { type: "hologram", frames: [1, 2, 3] }
    const blueprint = parseBlueprint(
      chat([{ role: "user", content: [{ type: "text", text: "hi" }, future] }]),
    )
    const message =
      blueprint.prompt_template.type === "chat" ? blueprint.prompt_template.messages[0] : undefined
    expect(message?.content?.[1]).toEqual(future)
  })

  it("keeps tools and annotations of unknown future types", () => {
    const blueprint = parseBlueprint(
      chat(
        [
          {
            role: "assistant",
            content: [{ type: "text", text: "x", annotations: [{ type: "page_citation", page: 3 }] }],
          },
        ],
        { tools: [{ type: "teleport", config: { speed: 9 } }] },
      ),
    )
    expect(blueprint.prompt_template).toMatchObject({
      tools: [{ type: "teleport" }],
      messages: [{ content: [{ annotations: [{ type: "page_citation", page: 3 }] }] }],
    })
  })

  it("parses a completion template", () => {
    const blueprint = parseBlueprint({
      prompt_template: {
        type: "completion",
        content: [{ type: "text", text: "Summarise {text}" }],
        input_variables: ["text"],
        template_format: "f-string",
      },
    })
    expect(blueprint.prompt_template.type).toBe("completion")
  })
})

describe("parseBlueprint rejections name the path of each problem", () => {
  it.each([
    [
      "a text part whose text is not a string",
      chat([{ role: "user", content: [{ type: "text", text: 5 }] }]),
      "prompt_template.messages[0].content[0].text",
    ],
    ["an unknown role", chat([{ role: "robot", content: [] }]), "prompt_template.messages[0].role"],
    [
      "a part without a type",
      chat([{ role: "user", content: [{ text: "x" }] }]),
      "prompt_template.messages[0].content[0].type",
    ],
    [
      "a tool message without tool_call_id",
      chat([{ role: "tool", content: [] }]),
      "prompt_template.messages[0].tool_call_id",
    ],
    [
      "a tool call whose arguments are an object",
      chat([
        {
          role: "assistant",
          tool_calls: [{ id: "c", type: "function", function: { name: "f", arguments: {} } }],
        },
      ]),
      "prompt_template.messages[0].tool_calls[0].function.arguments",
    ],
    [
      "a thinking part without thinking",
      chat([{ role: "assistant", content: [{ type: "thinking", signature: "s" }] }]),
      "prompt_template.messages[0].content[0].thinking",
    ],
    [
      "an image_url without url",
      chat([{ role: "user", content: [{ type: "image_url", image_url: {} }] }]),
      "prompt_template.messages[0].content[0].image_url.url",
    ],
    [
      "a bad image detail",
      chat([{ role: "user", content: [{ type: "image_url", image_url: { url: "u", detail: "ultra" } }] }]),
      "prompt_template.messages[0].content[0].image_url.detail",
    ],
    [
      "a bad template_format",
      chat([{ role: "user", content: [], template_format: "mustache" }]),
      "prompt_template.messages[0].template_format",
    ],
    [
      "a function tool without a name",
      chat([], { tools: [{ type: "function", function: { description: "d" } }] }),
      "prompt_template.tools[0].function.name",
    ],
    ["a placeholder without a name", chat([{ role: "placeholder" }]), "prompt_template.messages[0].name"],
    [
      "messages that are not a list",
      { prompt_template: { type: "chat", messages: {} } },
      "prompt_template.messages",
    ],
    ["an unknown template type", { prompt_template: { type: "essay" } }, "prompt_template.type"],
    ["a missing prompt_template", { metadata: {} }, "prompt_template"],
    [
      "a model without a name",
      { ...chat([]), metadata: { model: { provider: "openai" } } },
      "metadata.model.name",
    ],
    [
      "a json_schema response format without a schema",
      {
        ...chat([]),
        metadata: {
          model: {
            provider: "openai",
            name: "m",
            parameters: { response_format: { type: "json_schema", json_schema: { name: "x" } } },
          },
        },
      },
      "metadata.model.parameters.response_format.json_schema.schema",
    ],
  ])("rejects %s", (_, value, path) => {
    expect(issuesOf(value).map((issue) => issue.path)).toEqual([path])
  })

  it("lists every problem, not only the first", () => {
    const issues = issuesOf(
      chat([
        { role: "user", content: [{ type: "text", text: 1 }] },
        { role: "tool", content: [{ type: "text", text: "ok" }] },
      ]),
    )
    expect(issues.map((issue) => issue.path)).toEqual([
      "prompt_template.messages[0].content[0].text",
      "prompt_template.messages[1].tool_call_id",
    ])
  })

  it("throws a BlueprintValidationError whose message names the paths", () => {
    const bad = chat([{ role: "user", content: [{ type: "text", text: 1 }] }])
    expect(() => parseBlueprint(bad)).toThrow(BlueprintValidationError)
    expect(() => parseBlueprint(bad)).toThrow(
      "prompt_template.messages[0].content[0].text: expected string, received number 1",
    )
  })

  it("says in words what was expected and what came", () => {
    expect(issuesOf(chat([{ role: "robot", content: [] }]))[0]?.message).toBe(
      'unknown role "robot", expected "system" | "developer" | "user" | "assistant" | "tool" | "function" | "placeholder"',
    )
    expect(issuesOf(chat([{ role: "tool", content: [] }]))[0]?.message).toBe(
      "expected string, received nothing (the field is missing)",
    )
    expect(issuesOf(chat([{ role: "placeholder", name: "" }]))[0]?.message).toBe("must not be empty")
  })

  it("rejects values that are not objects at all", () => {
    expect(issuesOf("a string")).toEqual([{ path: "", message: 'expected object, received "a string"' }])
    expect(issuesOf(null)).toHaveLength(1)
  })
})
