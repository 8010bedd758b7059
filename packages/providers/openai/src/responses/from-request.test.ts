import type { ResponseCreateParams, ResponseInputItem } from "openai/resources/responses/responses"
import { describe, expect, it } from "vitest"
import { responsesSpecErrors } from "../../test/spec.js"
import { fromResponsesRequest } from "./from-request.js"
import { toResponsesRequest } from "./to-request.js"

/** Requests as a user writes them, in the form toRequest produces. */
const requests: Record<string, ResponseCreateParams> = {
  "a plain turn with instructions": {
    model: "gpt-5",
    instructions: "Answer in French.",
    input: [
      { role: "developer", content: "Be brief." },
      { role: "user", content: "Hi" },
    ],
    max_output_tokens: 500,
    temperature: 1,
    store: false,
  },
  "images and files": {
    model: "gpt-4.1",
    input: [
      {
        role: "user",
        content: [
          { type: "input_text", text: "Summarise" },
          { type: "input_image", image_url: "https://x.test/a.png", detail: "high" },
          { type: "input_file", file_data: "data:application/pdf;base64,JVBERi0xLjQK", filename: "a.pdf" },
          { type: "input_file", file_url: "https://x.test/b.pdf", filename: "b.pdf" },
        ],
      },
    ],
  },
  "a stateless reasoning tool loop": {
    model: "gpt-5-mini",
    input: [
      { role: "user", content: "What is (12 + 7) * 3?" },
      {
        type: "reasoning",
        id: "rs_1",
        summary: [{ type: "summary_text", text: "Add, then multiply." }],
        encrypted_content: "gAAAA-1",
      },
      {
        type: "function_call",
        call_id: "call_1",
        name: "calculator",
        arguments: '{"a":12,"b":7,"op":"add"}',
      },
      { type: "function_call_output", call_id: "call_1", output: "19" },
      { type: "reasoning", id: "rs_2", summary: [], encrypted_content: "gAAAA-2" },
      {
        type: "message",
        role: "assistant",
        id: "msg_1",
        status: "completed",
        content: [{ type: "output_text", text: "57", annotations: [], logprobs: [] }],
      },
      { role: "user", content: "Thanks" },
    ],
    tools: [
      {
        type: "function",
        name: "calculator",
        description: "Arithmetic",
        parameters: { type: "object" },
        strict: true,
      },
    ],
    tool_choice: "auto",
    include: ["reasoning.encrypted_content"],
    reasoning: { effort: "high", summary: "auto" },
    store: false,
  },
  "built-in tools and their items": {
    model: "gpt-5",
    input: [
      { role: "user", content: "Research and chart" },
      { type: "web_search_call", id: "ws_1", status: "completed", action: { type: "search", query: "q" } },
      {
        type: "code_interpreter_call",
        id: "ci_1",
        code: "plot()",
        container_id: "cntr_1",
        outputs: null,
        status: "completed",
      },
      { type: "image_generation_call", id: "ig_1", result: "iVBORw0KGgo=", status: "completed" },
      {
        type: "mcp_list_tools",
        id: "mcpl_1",
        server_label: "docs",
        tools: [{ name: "search", input_schema: {} }],
      },
      { type: "mcp_approval_request", id: "mcpr_1", server_label: "docs", name: "search", arguments: "{}" },
      { type: "mcp_approval_response", approval_request_id: "mcpr_1", approve: true },
      { type: "mcp_call", id: "mcp_1", server_label: "docs", name: "search", arguments: "{}", output: "ok" },
      {
        type: "message",
        role: "assistant",
        id: "msg_1",
        status: "completed",
        content: [
          {
            type: "output_text",
            text: "Done [1]",
            annotations: [
              { type: "url_citation", url: "https://x.test", title: "X", start_index: 5, end_index: 8 },
            ],
            logprobs: [],
          },
        ],
      },
    ],
    tools: [
      { type: "web_search", search_context_size: "high" },
      { type: "code_interpreter", container: { type: "auto" } },
      { type: "image_generation" },
      { type: "mcp", server_label: "docs", server_url: "https://mcp.test" },
    ],
    tool_choice: { type: "function", name: "chart" },
    text: {
      format: { type: "json_schema", name: "out", schema: { type: "object" }, strict: true },
      verbosity: "low",
    },
  },
}

describe("fromResponsesRequest", () => {
  it.each(Object.entries(requests))("gives back %s unchanged through toResponsesRequest", (_, request) => {
    expect(responsesSpecErrors(request)).toEqual([])
    expect(toResponsesRequest(fromResponsesRequest(request))).toEqual(request)
  })

  it("groups the items of an assistant turn into one assistant message", () => {
    const blueprint = fromResponsesRequest(requests["a stateless reasoning tool loop"]!)
    const template = blueprint.prompt_template
    expect(template.type === "chat" && template.messages).toEqual([
      { role: "user", content: [{ type: "text", text: "What is (12 + 7) * 3?" }] },
      {
        role: "assistant",
        content: [{ type: "thinking", thinking: "Add, then multiply.", id: "rs_1", signature: "gAAAA-1" }],
        tool_calls: [
          {
            id: "call_1",
            type: "function",
            function: { name: "calculator", arguments: '{"a":12,"b":7,"op":"add"}' },
          },
        ],
      },
      { role: "tool", tool_call_id: "call_1", content: [{ type: "text", text: "19" }] },
      {
        role: "assistant",
        content: [
          { type: "thinking", thinking: "", id: "rs_2", signature: "gAAAA-2" },
          { type: "text", text: "57", id: "msg_1" },
        ],
      },
      { role: "user", content: [{ type: "text", text: "Thanks" }] },
    ])
    // The include is implied by the encrypted reasoning and left out of the blueprint.
    expect(blueprint.metadata?.model).toEqual({
      provider: "openai",
      name: "gpt-5-mini",
      api_type: "responses",
      parameters: { reasoning: { effort: "high", summary: "auto" }, store: false },
    })
  })

  it("reads tools, tool_choice and text.format back into blueprint form", () => {
    const blueprint = fromResponsesRequest(requests["built-in tools and their items"]!)
    const template = blueprint.prompt_template
    expect(template.type === "chat" && template.tools).toEqual([
      { type: "web_search", config: { search_context_size: "high" } },
      { type: "code_interpreter", config: { container: { type: "auto" } } },
      { type: "image_generation" },
      { type: "mcp", config: { server_label: "docs", server_url: "https://mcp.test" } },
    ])
    expect(template.type === "chat" && template.tool_choice).toEqual({
      type: "function",
      function: { name: "chart" },
    })
    expect(blueprint.metadata?.model?.parameters).toEqual({
      response_format: {
        type: "json_schema",
        json_schema: { name: "out", schema: { type: "object" }, strict: true },
      },
      text: { verbosity: "low" },
    })
  })

  it("reads string input as one user message and assistant input messages as text", () => {
    const blueprint = fromResponsesRequest({
      model: "gpt-5",
      input: "Hello",
      max_output_tokens: 64,
      stream: true,
    })
    expect(blueprint.prompt_template).toEqual({
      type: "chat",
      messages: [{ role: "user", content: [{ type: "text", text: "Hello" }] }],
      input_variables: [],
    })
    expect(blueprint.metadata?.model?.parameters).toEqual({ max_tokens: 64 })
    const turn = fromResponsesRequest({
      model: "gpt-5",
      // Some clients send earlier answers this way; the SDK's type lists input content parts only.
      input: [
        {
          role: "assistant",
          content: [{ type: "output_text", text: "Hi", annotations: [] }],
        } as unknown as ResponseInputItem,
      ],
    }).prompt_template
    expect(turn.type === "chat" && turn.messages).toEqual([
      { role: "assistant", content: [{ type: "text", text: "Hi" }] },
    ])
  })

  it("keeps tools and content it has no blueprint form for as received", () => {
    const blueprint = fromResponsesRequest({
      model: "gpt-5",
      input: [
        { role: "user", content: [{ type: "input_file", file_id: "file-1" }] },
        { type: "custom_tool_call", call_id: "c1", name: "sql", input: "SELECT 1" },
      ],
      tools: [{ type: "custom", name: "sql" }],
    })
    const template = blueprint.prompt_template
    expect(template.type === "chat" && template.messages).toEqual([
      { role: "user", content: [{ type: "input_file", file_id: "file-1" }] },
      {
        role: "assistant",
        content: [{ type: "custom_tool_call", call_id: "c1", name: "sql", input: "SELECT 1" }],
      },
    ])
    expect(template.type === "chat" && template.tools).toEqual([{ type: "custom", name: "sql" }])
  })
})
