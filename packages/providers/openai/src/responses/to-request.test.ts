import { UnsupportedFeatureError } from "@pl/blueprint"
import { describe, expect, it } from "vitest"
import { chatBlueprint, user, warnings } from "../../test/blueprints.js"
import { responsesSpecErrors } from "../../test/spec.js"
import { toResponsesRequest } from "./to-request.js"

const PNG = "iVBORw0KGgoAAAANSUhEUg=="
const PDF = "JVBERi0xLjQKJcfsj6IK"

/** Converts, and checks the request against the official spec before returning it. */
function convert(...args: Parameters<typeof toResponsesRequest>) {
  const request = toResponsesRequest(...args)
  expect(responsesSpecErrors(request)).toEqual([])
  return request
}

describe("toResponsesRequest", () => {
  it("sends system, developer and user messages as input messages, one text part as a string", () => {
    const request = convert(
      chatBlueprint([
        { role: "system", content: [{ type: "text", text: "Be brief." }] },
        {
          role: "developer",
          content: [
            { type: "text", text: "One." },
            { type: "text", text: "Two." },
          ],
        },
        user("Hi"),
      ]),
    )
    expect(request).toEqual({
      model: "gpt-4o",
      input: [
        { role: "system", content: "Be brief." },
        {
          role: "developer",
          content: [
            { type: "input_text", text: "One." },
            { type: "input_text", text: "Two." },
          ],
        },
        { role: "user", content: "Hi" },
      ],
    })
  })

  it("sends images by URL and base64 and documents inline or by URL", () => {
    const request = convert(
      chatBlueprint([
        {
          role: "user",
          content: [
            { type: "image_url", image_url: { url: "https://x.test/a.png", detail: "low" } },
            { type: "media", media: { type: "image/png", url: PNG } },
            { type: "media", media: { type: "application/pdf", url: PDF, title: "report.pdf" } },
            { type: "media", media: { type: "application/pdf", url: "https://x.test/b.pdf" } },
          ],
        },
      ]),
    )
    expect(request.input).toEqual([
      {
        role: "user",
        content: [
          { type: "input_image", image_url: "https://x.test/a.png", detail: "low" },
          { type: "input_image", image_url: `data:image/png;base64,${PNG}`, detail: "auto" },
          { type: "input_file", file_data: `data:application/pdf;base64,${PDF}`, filename: "report.pdf" },
          { type: "input_file", file_url: "https://x.test/b.pdf" },
        ],
      },
    ])
  })

  it("refuses audio and video input, which the Responses API does not take", () => {
    for (const [type, feature] of [
      ["audio/wav", "content.media.audio"],
      ["video/mp4", "content.media.video"],
    ] as const) {
      const blueprint = chatBlueprint([
        { role: "user", content: [{ type: "media", media: { type, url: "https://x.test/f" } }] },
      ])
      expect(() => toResponsesRequest(blueprint)).toThrow(
        expect.objectContaining({
          feature,
          path: "prompt_template.messages[0].content[0]",
          provider: "openai.responses",
        }),
      )
    }
  })

  it("replays reasoning with its encrypted content and asks for this turn's encrypted reasoning", () => {
    const request = convert(
      chatBlueprint(
        [
          user("What is 12 + 7?"),
          {
            role: "assistant",
            content: [
              { type: "thinking", thinking: "Adding.", id: "rs_1", signature: "gAAAA-enc" },
              { type: "thinking", thinking: "Then checking.", id: "rs_1" },
              { type: "thinking", thinking: "", id: "rs_2", signature: "gAAAA-enc2" },
              { type: "text", text: "19", id: "msg_1" },
            ],
          },
          user("Times 3?"),
        ],
        {},
        { include: ["file_search_call.results"] },
      ),
    )
    expect(request.input?.slice(1, 4)).toEqual([
      {
        type: "reasoning",
        id: "rs_1",
        summary: [
          { type: "summary_text", text: "Adding." },
          { type: "summary_text", text: "Then checking." },
        ],
        encrypted_content: "gAAAA-enc",
      },
      { type: "reasoning", id: "rs_2", summary: [], encrypted_content: "gAAAA-enc2" },
      {
        type: "message",
        role: "assistant",
        id: "msg_1",
        status: "completed",
        content: [{ type: "output_text", text: "19", annotations: [], logprobs: [] }],
      },
    ])
    expect(request.include).toEqual(["file_search_call.results", "reasoning.encrypted_content"])
  })

  it("drops reasoning without an OpenAI item id (another provider's) with a warning", () => {
    const w = warnings()
    const request = convert(
      chatBlueprint([
        user("Hi"),
        {
          role: "assistant",
          content: [
            { type: "thinking", thinking: "hm", signature: "claude-sig" },
            { type: "text", text: "Hello" },
          ],
        },
      ]),
      { onWarning: w.onWarning },
    )
    expect(request.input?.slice(1)).toEqual([{ role: "assistant", content: "Hello" }])
    expect(request.include).toBeUndefined()
    expect(w.list).toEqual([
      expect.objectContaining({
        feature: "content.thinking",
        path: "prompt_template.messages[1].content[0]",
      }),
    ])
  })

  it("replays citations on assistant text with its item id; drops those OpenAI cannot take", () => {
    const w = warnings()
    const request = convert(
      chatBlueprint([
        user("Sources?"),
        {
          role: "assistant",
          content: [
            {
              type: "text",
              text: "See [1] and the file.",
              id: "msg_1",
              annotations: [
                { type: "url_citation", url: "https://x.test", title: "X", start_index: 4, end_index: 7 },
                { type: "file_citation", file_id: "file-1", filename: "a.pdf", index: 20 },
                {
                  type: "container_file_citation",
                  container_id: "cntr_1",
                  file_id: "cfile_1",
                  filename: "out.csv",
                  start_index: 0,
                  end_index: 3,
                },
                { type: "url_citation", url: "https://y.test", cited_text: "from Claude" },
              ],
            },
            {
              type: "text",
              text: "No id here.",
              annotations: [{ type: "url_citation", url: "https://z.test" }],
            },
          ],
        },
      ]),
      { onWarning: w.onWarning },
    )
    expect(request.input?.slice(1)).toEqual([
      {
        type: "message",
        role: "assistant",
        id: "msg_1",
        status: "completed",
        content: [
          {
            type: "output_text",
            text: "See [1] and the file.",
            logprobs: [],
            annotations: [
              { type: "url_citation", url: "https://x.test", title: "X", start_index: 4, end_index: 7 },
              { type: "file_citation", file_id: "file-1", filename: "a.pdf", index: 20 },
              {
                type: "container_file_citation",
                container_id: "cntr_1",
                file_id: "cfile_1",
                filename: "out.csv",
                start_index: 0,
                end_index: 3,
              },
            ],
          },
        ],
      },
      { role: "assistant", content: "No id here." },
    ])
    expect(w.list.map((x) => x.feature)).toEqual([
      "content.text.annotations.url_citation",
      "content.text.annotations",
    ])
  })

  it("sends tool calls as function_call items and tool results as function_call_output, images included", () => {
    const request = convert(
      chatBlueprint(
        [
          user("Chart it"),
          {
            role: "assistant",
            content: [],
            tool_calls: [
              { id: "call_1", type: "function", function: { name: "chart", arguments: '{"x":1}' } },
              { id: "call_2", type: "function", function: { name: "chart", arguments: '{"x":2}' } },
            ],
          },
          { role: "tool", tool_call_id: "call_1", content: [{ type: "text", text: "done" }] },
          {
            role: "tool",
            tool_call_id: "call_2",
            content: [
              { type: "text", text: "here" },
              { type: "image_url", image_url: { url: "https://x.test/c.png" } },
            ],
          },
        ],
        {
          tools: [
            {
              type: "function",
              function: {
                name: "chart",
                description: "Charts",
                parameters: { type: "object" },
                strict: true,
              },
            },
          ],
          tool_choice: { type: "function", function: { name: "chart" } },
        },
        { parallel_tool_calls: false },
      ),
    )
    expect(request.input?.slice(1)).toEqual([
      { type: "function_call", call_id: "call_1", name: "chart", arguments: '{"x":1}' },
      { type: "function_call", call_id: "call_2", name: "chart", arguments: '{"x":2}' },
      { type: "function_call_output", call_id: "call_1", output: "done" },
      {
        type: "function_call_output",
        call_id: "call_2",
        output: [
          { type: "input_text", text: "here" },
          { type: "input_image", image_url: "https://x.test/c.png", detail: "auto" },
        ],
      },
    ])
    expect(request.tools).toEqual([
      {
        type: "function",
        name: "chart",
        description: "Charts",
        parameters: { type: "object" },
        strict: true,
      },
    ])
    expect(request.tool_choice).toEqual({ type: "function", name: "chart" })
    expect(request.parallel_tool_calls).toBe(false)
  })

  it("sends function tools as not strict unless the blueprint says so (the Responses default is strict)", () => {
    const request = convert(
      chatBlueprint([user("Hi")], {
        tools: [{ type: "function", function: { name: "ping" } }],
        tool_choice: "required",
      }),
    )
    expect(request.tools).toEqual([{ type: "function", name: "ping", parameters: null, strict: false }])
    expect(request.tool_choice).toBe("required")
  })

  it("reads another provider's tool choice from the parameters, and drops a choice it cannot force", () => {
    const tools = [
      { type: "function" as const, function: { name: "lookup" } },
      { type: "web_search" as const },
    ]
    const choose = (tool_choice: unknown) => {
      const w = warnings()
      const request = convert(chatBlueprint([user("Hi")], { tools }, { tool_choice }), {
        onWarning: w.onWarning,
      })
      return { choice: request.tool_choice, warned: w.list.map((x) => x.feature) }
    }
    expect(choose({ type: "any" })).toEqual({ choice: "required", warned: [] })
    expect(choose({ type: "tool", name: "lookup" })).toEqual({
      choice: { type: "function", name: "lookup" },
      warned: [],
    })
    expect(choose({ type: "file_search" })).toEqual({ choice: { type: "file_search" }, warned: [] })
    // The spec's hosted-tool choices name only the preview web search.
    expect(choose({ type: "web_search" })).toEqual({ choice: undefined, warned: ["tool_choice"] })
  })

  it("sends built-in tools with their config as tool fields; Gemini's are dropped with a warning", () => {
    const w = warnings()
    const request = convert(
      chatBlueprint([user("Hi")], {
        tools: [
          { type: "web_search", config: { search_context_size: "low" } },
          { type: "file_search", config: { vector_store_ids: ["vs_1"], max_num_results: 4 } },
          { type: "code_interpreter" },
          { type: "image_generation", config: { quality: "low" } },
          {
            type: "mcp",
            config: { server_label: "docs", server_url: "https://mcp.test", require_approval: "never" },
          },
          { type: "shell" },
          { type: "apply_patch" },
          {
            type: "computer_use",
            config: { environment: "browser", display_width: 1024, display_height: 768 },
          },
          { type: "google_search" },
        ],
        tool_choice: { type: "mcp", server_label: "docs" },
      }),
      { onWarning: w.onWarning },
    )
    expect(request.tools).toEqual([
      { type: "web_search", search_context_size: "low" },
      { type: "file_search", vector_store_ids: ["vs_1"], max_num_results: 4 },
      { type: "code_interpreter", container: { type: "auto" } },
      { type: "image_generation", quality: "low" },
      { type: "mcp", server_label: "docs", server_url: "https://mcp.test", require_approval: "never" },
      { type: "shell" },
      { type: "apply_patch" },
      { type: "computer_use_preview", environment: "browser", display_width: 1024, display_height: 768 },
    ])
    expect(request.tool_choice).toEqual({ type: "mcp", server_label: "docs" })
    expect(w.list).toEqual([
      expect.objectContaining({ feature: "tools.google_search", path: "prompt_template.tools[8]" }),
    ])
  })

  it("replays built-in tool calls and outputs as their items, where they stand", () => {
    const request = convert(
      chatBlueprint([
        user("Go"),
        {
          role: "assistant",
          content: [
            {
              type: "server_tool_use",
              id: "ws_1",
              name: "web_search",
              input: { type: "search", query: "news" },
              status: "completed",
            },
            { type: "server_tool_use", id: "fs_1", name: "file_search", input: { queries: ["q"] } },
            {
              type: "code",
              code: "print(1)",
              language: "python",
              id: "ci_1",
              container_id: "cntr_1",
              outputs: [{ type: "logs", logs: "1" }],
            },
            { type: "output_media", url: `data:image/png;base64,${PNG}`, mime_type: "image/png", id: "ig_1" },
            {
              type: "mcp_list_tools",
              id: "mcpl_1",
              server_label: "docs",
              tools: [{ name: "search", input_schema: { type: "object" } }],
            },
            {
              type: "mcp_call",
              id: "mcp_1",
              server_label: "docs",
              name: "search",
              arguments: '{"q":"x"}',
              output: "found",
            },
            {
              type: "mcp_approval_request",
              id: "mcpr_1",
              server_label: "docs",
              name: "delete",
              arguments: "{}",
            },
            { type: "shell_call", call_id: "sh_1", action: { commands: ["ls"] } },
            {
              type: "apply_patch_call",
              call_id: "ap_1",
              operation: { type: "update_file", path: "a.ts", diff: "@@" },
            },
          ],
        },
        {
          role: "user",
          content: [
            { type: "mcp_approval_response", approval_request_id: "mcpr_1", approve: false, reason: "no" },
          ],
        },
        {
          role: "tool",
          tool_call_id: "sh_1",
          content: [
            {
              type: "shell_call_output",
              call_id: "sh_1",
              output: [{ stdout: "a.ts", stderr: "", outcome: { type: "exit", exit_code: 0 } }],
            },
          ],
        },
        {
          role: "tool",
          tool_call_id: "ap_1",
          content: [{ type: "apply_patch_call_output", call_id: "ap_1", output: "ok" }],
        },
      ]),
    )
    expect(request.input?.slice(1)).toEqual([
      { type: "web_search_call", id: "ws_1", status: "completed", action: { type: "search", query: "news" } },
      { type: "file_search_call", id: "fs_1", status: "completed", queries: ["q"] },
      {
        type: "code_interpreter_call",
        id: "ci_1",
        code: "print(1)",
        container_id: "cntr_1",
        outputs: [{ type: "logs", logs: "1" }],
        status: "completed",
      },
      { type: "image_generation_call", id: "ig_1", result: PNG, status: "completed" },
      {
        type: "mcp_list_tools",
        id: "mcpl_1",
        server_label: "docs",
        tools: [{ name: "search", input_schema: { type: "object" } }],
      },
      {
        type: "mcp_call",
        id: "mcp_1",
        server_label: "docs",
        name: "search",
        arguments: '{"q":"x"}',
        output: "found",
      },
      { type: "mcp_approval_request", id: "mcpr_1", server_label: "docs", name: "delete", arguments: "{}" },
      { type: "shell_call", call_id: "sh_1", action: { commands: ["ls"] } },
      {
        type: "apply_patch_call",
        call_id: "ap_1",
        operation: { type: "update_file", path: "a.ts", diff: "@@" },
        status: "completed",
      },
      { type: "mcp_approval_response", approval_request_id: "mcpr_1", approve: false, reason: "no" },
      {
        type: "shell_call_output",
        call_id: "sh_1",
        output: [{ stdout: "a.ts", stderr: "", outcome: { type: "exit", exit_code: 0 } }],
      },
      { type: "apply_patch_call_output", call_id: "ap_1", output: "ok", status: "completed" },
    ])
  })

  it("refuses a shell output without its outcome rather than invent an exit code", () => {
    const blueprint = chatBlueprint([
      {
        role: "tool",
        tool_call_id: "sh_1",
        content: [{ type: "shell_call_output", call_id: "sh_1", output: [{ stdout: "x" }] }],
      },
    ])
    expect(() => toResponsesRequest(blueprint)).toThrow(
      expect.objectContaining({ feature: "content.shell_call_output.outcome" }),
    )
  })

  it("drops another provider's built-in tool parts, and parts and tools of unknown types, with warnings", () => {
    const w = warnings()
    const request = convert(
      chatBlueprint(
        [
          user("Go"),
          {
            role: "assistant",
            content: [
              { type: "server_tool_use", id: "srvtoolu_1", name: "web_search", input: { query: "news" } },
              { type: "web_search_tool_result", tool_use_id: "srvtoolu_1", content: [] },
              { type: "code", code: "1+1" },
              { type: "redacted_thinking", data: "abc" },
              { type: "future_part", value: 1 },
              { type: "text", text: "Done." },
            ],
          },
        ],
        { tools: [{ type: "future_tool" }] },
      ),
      { onWarning: w.onWarning },
    )
    expect(request.input?.slice(1)).toEqual([{ role: "assistant", content: "Done." }])
    expect(w.list.map((x) => x.feature)).toEqual([
      "content.server_tool_use",
      "content.web_search_tool_result",
      "content.code",
      "content.redacted_thinking",
      "content.future_part",
      "tools.future_tool",
    ])
  })

  it("sends structured output as text.format, and Chat's reasoning_effort and verbosity where Responses has them", () => {
    const schema = { type: "object", properties: { n: { type: "number" } } }
    const request = convert(
      chatBlueprint(
        [user("Count")],
        {},
        {
          response_format: { type: "json_schema", json_schema: { name: "count", schema, strict: true } },
          reasoning_effort: "high",
          verbosity: "low",
          reasoning: { summary: "auto" },
        },
      ),
    )
    expect(request.text).toEqual({
      verbosity: "low",
      format: { type: "json_schema", name: "count", schema, strict: true },
    })
    expect(request.reasoning).toEqual({ summary: "auto", effort: "high" })
  })

  it("writes max_tokens as max_output_tokens (at least 16), drops what Responses lacks with warnings", () => {
    const w = warnings()
    const request = convert(
      chatBlueprint(
        [user("Hi")],
        {},
        { max_tokens: 8, temperature: 0.2, top_p: 0.5, stop: ["x"], seed: 3, store: false, logit_bias: {} },
      ),
      { onWarning: w.onWarning, stream: true },
    )
    expect(request).toMatchObject({
      max_output_tokens: 16,
      temperature: 0.2,
      top_p: 0.5,
      store: false,
      stream: true,
    })
    expect(request).not.toHaveProperty("stop")
    expect(w.list.map((x) => x.feature).sort()).toEqual([
      "parameters.logit_bias",
      "parameters.max_tokens",
      "parameters.seed",
      "parameters.stop",
    ])
  })

  it("refuses legacy functions and function messages, which the Responses API does not have", () => {
    expect(() => toResponsesRequest(chatBlueprint([user("Hi")], { functions: [{ name: "f" }] }))).toThrow(
      UnsupportedFeatureError,
    )
    expect(() =>
      toResponsesRequest(
        chatBlueprint([{ role: "function", name: "f", content: [{ type: "text", text: "1" }] }]),
      ),
    ).toThrow(expect.objectContaining({ feature: "message.function", path: "prompt_template.messages[0]" }))
  })

  it("refuses placeholders and media variables, which must be rendered first", () => {
    expect(() => toResponsesRequest(chatBlueprint([{ role: "placeholder", name: "history" }]))).toThrow(
      expect.objectContaining({ feature: "placeholder" }),
    )
    expect(() =>
      toResponsesRequest(
        chatBlueprint([{ role: "user", content: [{ type: "media_variable", name: "docs" }] }]),
      ),
    ).toThrow(
      expect.objectContaining({ feature: "media_variable", path: "prompt_template.messages[0].content[0]" }),
    )
  })
})
