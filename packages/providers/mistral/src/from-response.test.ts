import { ChatCompletionResponse$inboundSchema } from "@mistralai/mistralai/models/components"
import { ProviderResponseError } from "@pl/blueprint"
import { readJsonFixture } from "@pl/devtools/fixtures"
import { describe, expect, it } from "vitest"
import { fromResponse } from "./from-response.js"

/** What `client.chat.complete` returns for a wire body: the SDK's own parse (camelCase). */
const sdk = (wire: unknown) => ChatCompletionResponse$inboundSchema.parse(wire)

describe("fromResponse", () => {
  it("reads a text answer with usage, finish reason, id and model", () => {
    const wire = readJsonFixture("mistral", "mistral-text") as { choices: [{ message: { content: string } }] }
    expect(fromResponse(sdk(wire))).toEqual({
      message: { role: "assistant", content: [{ type: "text", text: wire.choices[0].message.content }] },
      usage: {
        input_tokens: 13,
        output_tokens: 434,
        cache_read_tokens: 0,
        cache_write_tokens: 0,
        reasoning_tokens: 0,
        total_tokens: 447,
      },
      finish_reason: "stop",
      raw_finish_reason: "stop",
      id: "5319bd0299614c679a0068a4f2c8ffd0",
      model: "mistral-small-latest",
    })
  })

  it("reads tool calls with their JSON arguments", () => {
    const completion = fromResponse(sdk(readJsonFixture("mistral", "mistral-tool-call")))
    expect(completion.message).toEqual({
      role: "assistant",
      content: [],
      tool_calls: [
        {
          id: "gSIMJiOkT",
          type: "function",
          function: { name: "weather", arguments: '{"location": "San Francisco"}' },
        },
      ],
    })
    expect(completion.finish_reason).toBe("tool_calls")
  })

  it("reads thinking chunks as thinking parts before the text", () => {
    const completion = fromResponse(sdk(readJsonFixture("mistral", "mistral-reasoning")))
    expect(completion.message.content).toEqual([
      { type: "thinking", thinking: "The user is asking for 2+2. This is basic arithmetic. 2+2=4." },
      { type: "text", text: "2 + 2 = 4" },
    ])
  })

  it.each(["mistral-text", "mistral-tool-call", "mistral-reasoning"])(
    "gives the same completion for the SDK's camelCase object and the wire JSON (%s)",
    (name) => {
      const wire = readJsonFixture("mistral", name)
      expect(fromResponse(wire as Record<string, unknown>)).toEqual(fromResponse(sdk(wire)))
    },
  )

  it("keeps a thinking signature and joins text chunks", () => {
    const completion = fromResponse({
      id: "r",
      model: "m",
      choices: [
        {
          index: 0,
          finish_reason: "stop",
          message: {
            content: [
              { type: "thinking", thinking: [{ type: "text", text: "a" }], signature: "s1" },
              { type: "thinking", thinking: [{ type: "text", text: "b" }] },
              { type: "text", text: "x" },
              { type: "text", text: "y" },
            ],
          },
        },
      ],
    })
    expect(completion.message.content).toEqual([
      { type: "thinking", thinking: "a", signature: "s1" },
      { type: "thinking", thinking: "b" },
      { type: "text", text: "xy" },
    ])
  })

  it("reads tool-call arguments given as an object, and a call without id", () => {
    const completion = fromResponse({
      choices: [
        {
          index: 0,
          finish_reason: "tool_calls",
          message: { tool_calls: [{ function: { name: "f", arguments: { a: 1 } } }] },
        },
      ],
    })
    expect(completion.message.tool_calls).toEqual([
      { id: "", type: "function", function: { name: "f", arguments: '{"a":1}' } },
    ])
  })

  it("maps model_length to length and unknown reasons to other, keeping the raw value", () => {
    const reason = (finish_reason: string) =>
      fromResponse({ choices: [{ index: 0, finish_reason, message: { content: "" } }] })
    expect(reason("model_length")).toMatchObject({
      finish_reason: "length",
      raw_finish_reason: "model_length",
    })
    expect(reason("error")).toMatchObject({ finish_reason: "error" })
    expect(reason("something_new")).toMatchObject({
      finish_reason: "other",
      raw_finish_reason: "something_new",
    })
  })

  it.each([
    ["not an object", "nope"],
    ["no choices", { id: "x" }],
    ["an empty choice list", { choices: [] }],
    ["a message that is not an object", { choices: [{ index: 0, message: "hi" }] }],
    ["a tool call without function", { choices: [{ index: 0, message: { tool_calls: [{ id: "x" }] } }] }],
  ])("throws ProviderResponseError for %s", (_, response) => {
    expect(() => fromResponse(response as Record<string, unknown>)).toThrow(ProviderResponseError)
  })
})
