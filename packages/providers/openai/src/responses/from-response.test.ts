import { ProviderResponseError } from "@pl/blueprint"
import { readJsonFixture } from "@pl/devtools/fixtures"
import type { Response } from "openai/resources/responses/responses"
import { describe, expect, it } from "vitest"
import { fromResponsesResponse } from "./from-response.js"

const PNG = "iVBORw0KGgoAAAANSUhEUg=="

function response(output: unknown[], extra: Record<string, unknown> = {}): Response {
  return {
    id: "resp_1",
    object: "response",
    model: "gpt-5",
    status: "completed",
    incomplete_details: null,
    output,
    ...extra,
  } as Response
}

describe("fromResponsesResponse", () => {
  it("reads reasoning with its encrypted content, text and usage from a recorded response", () => {
    const result = fromResponsesResponse(
      readJsonFixture("openai-responses", "openai-reasoning-encrypted-content.1") as Response,
    )
    expect(result.message.content).toEqual([
      {
        type: "thinking",
        id: "rs_0f35ed53160b395301693cc95817ac8190b978637daea4987e",
        thinking: expect.stringMatching(/^\*\*Reporting final result\*\*/),
        signature: expect.stringMatching(/^gAAAAABpPMlcH0HHEv5_/),
      },
      {
        type: "text",
        id: "msg_0f35ed53160b395301693cc95c1d288190997018450969162b",
        text: "12 + 7 = 19\n19 × 3 = 57\n57 × 10 = 570\n\nFinal result: 570",
      },
    ])
    expect(result).toMatchObject({
      id: "resp_0f35ed53160b395301693cc957829881909359e7f80cdd20b5",
      model: "gpt-5-mini-2025-08-07",
      finish_reason: "stop",
      raw_finish_reason: "completed",
      usage: { input_tokens: 865, output_tokens: 163, reasoning_tokens: 128, total_tokens: 1028 },
    })
  })

  it("reads a function call as a tool call with the tool_calls finish reason", () => {
    const result = fromResponsesResponse(readJsonFixture("openai-responses", "azure-tool-call.1") as Response)
    expect(result.message.tool_calls).toEqual([
      {
        id: "call_YunNGbIwdVJ2i0y0Mybva4Pw",
        type: "function",
        function: { name: "weather", arguments: '{"location":"San Francisco"}' },
      },
    ])
    expect(result).toMatchObject({ finish_reason: "tool_calls", raw_finish_reason: "completed" })
  })

  it("reads built-in tool items as the blueprint's built-in tool parts", () => {
    const result = fromResponsesResponse(
      response([
        {
          type: "file_search_call",
          id: "fs_1",
          status: "completed",
          queries: ["q"],
          results: [{ file_id: "f1", score: 0.9 }],
        },
        {
          type: "code_interpreter_call",
          id: "ci_1",
          code: "print(2)",
          container_id: "cntr_1",
          outputs: [{ type: "logs", logs: "2" }],
          status: "completed",
        },
        { type: "image_generation_call", id: "ig_1", result: PNG, status: "completed" },
        {
          type: "mcp_call",
          id: "mcp_1",
          server_label: "docs",
          name: "search",
          arguments: "{}",
          output: "ok",
          error: null,
        },
        {
          type: "shell_call",
          id: "sh_1",
          call_id: "call_sh",
          action: { commands: ["ls"], timeout_ms: null, max_output_length: null },
          status: "completed",
          environment: null,
        },
        {
          type: "apply_patch_call",
          id: "ap_1",
          call_id: "call_ap",
          operation: { type: "delete_file", path: "a.ts" },
          status: "completed",
        },
        {
          type: "computer_call",
          id: "cu_1",
          call_id: "call_cu",
          action: { type: "screenshot" },
          pending_safety_checks: [],
          status: "completed",
        },
      ]),
    )
    expect(result.message.content).toEqual([
      {
        type: "server_tool_use",
        id: "fs_1",
        name: "file_search",
        input: { queries: ["q"] },
        status: "completed",
        results: [{ file_id: "f1", score: 0.9 }],
      },
      {
        type: "code",
        code: "print(2)",
        language: "python",
        id: "ci_1",
        container_id: "cntr_1",
        outputs: [{ type: "logs", logs: "2" }],
        status: "completed",
      },
      { type: "output_media", url: `data:image/png;base64,${PNG}`, mime_type: "image/png", id: "ig_1" },
      {
        type: "mcp_call",
        id: "mcp_1",
        server_label: "docs",
        name: "search",
        arguments: "{}",
        output: "ok",
        error: null,
      },
      {
        type: "shell_call",
        id: "sh_1",
        call_id: "call_sh",
        action: { commands: ["ls"], timeout_ms: null, max_output_length: null },
        status: "completed",
        environment: null,
      },
      {
        type: "apply_patch_call",
        id: "ap_1",
        call_id: "call_ap",
        operation: { type: "delete_file", path: "a.ts" },
        status: "completed",
      },
      {
        type: "computer_call",
        id: "cu_1",
        call_id: "call_cu",
        action: { type: "screenshot" },
        pending_safety_checks: [],
        status: "completed",
      },
    ])
  })

  it("reads file and container citations as they are, and a refusal as text with the refusal reason", () => {
    const result = fromResponsesResponse(
      response([
        {
          type: "message",
          id: "msg_1",
          role: "assistant",
          status: "completed",
          content: [
            {
              type: "output_text",
              text: "From the file.",
              annotations: [
                { type: "file_citation", file_id: "file-1", filename: "a.pdf", index: 9 },
                {
                  type: "container_file_citation",
                  container_id: "cntr_1",
                  file_id: "cf_1",
                  filename: "o.csv",
                  start_index: 0,
                  end_index: 4,
                },
                { type: "file_path", file_id: "file-2", index: 3 },
              ],
            },
            { type: "refusal", refusal: "Not that part." },
          ],
        },
      ]),
    )
    expect(result.message.content).toEqual([
      {
        type: "text",
        text: "From the file.",
        id: "msg_1",
        annotations: [
          { type: "file_citation", file_id: "file-1", filename: "a.pdf", index: 9 },
          {
            type: "container_file_citation",
            container_id: "cntr_1",
            file_id: "cf_1",
            filename: "o.csv",
            start_index: 0,
            end_index: 4,
          },
          { type: "file_path", file_id: "file-2", index: 3 },
        ],
      },
      { type: "text", text: "Not that part.", id: "msg_1" },
    ])
    expect(result).toMatchObject({ finish_reason: "refusal", raw_finish_reason: "completed" })
  })

  it("maps an incomplete response to its reason", () => {
    const result = fromResponsesResponse(
      response([], { status: "incomplete", incomplete_details: { reason: "max_output_tokens" } }),
    )
    expect(result).toMatchObject({ finish_reason: "length", raw_finish_reason: "max_output_tokens" })
    expect(fromResponsesResponse(response([], { status: "failed" }))).toMatchObject({
      finish_reason: "error",
    })
  })

  it("throws ProviderResponseError for a body that is not a response", () => {
    expect(() =>
      fromResponsesResponse(readJsonFixture("openai-responses", "openai-error.1") as Response),
    ).toThrow(ProviderResponseError)
  })
})
