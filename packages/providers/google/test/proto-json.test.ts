import { describe, expect, it } from "vitest"
import { protoErrors } from "./proto-json.js"

// The checker is itself a test oracle: these prove it can fail.
describe("the v1beta proto JSON check", () => {
  it("accepts a request in camelCase and in snake_case", () => {
    const body = {
      contents: [
        {
          role: "user",
          parts: [{ text: "hi" }, { inline_data: { mime_type: "image/png", data: "iVBORw0KGgo=" } }],
        },
      ],
      generationConfig: {
        maxOutputTokens: 10,
        stop_sequences: ["x"],
        responseJsonSchema: { type: "object", additionalProperties: false },
      },
      toolConfig: { functionCallingConfig: { mode: "ANY", allowedFunctionNames: ["f"] } },
    }
    expect(protoErrors("GenerateContentRequest", body)).toEqual([])
  })

  it("names unknown keys, bad enum values, non-arrays, wrong scalars and two members of a oneof", () => {
    const body = {
      contents: { role: "user", parts: [] },
      generationConfig: { maxOutputTokens: 1.5, thinkingConfig: { thinkingLevel: "HIGH" } },
      toolConfig: { functionCallingConfig: { mode: "SOMETIMES" } },
      tools: [
        { functionDeclarations: [{ name: "f", parametersJsonSchema: { anything: [1, { goes: null }] } }] },
      ],
      systemInstruction: { parts: [{ text: "a", functionCall: { name: "f" } }] },
      safetySettings: [{ category: "HARM_CATEGORY_HATE_SPEECH", threshold: "BLOCK_NONE", extra: 1 }],
    }
    expect(protoErrors("GenerateContentRequest", body)).toEqual([
      "$.contents: a repeated field must be a JSON array",
      "$.generationConfig.maxOutputTokens: 1.5 is not a int32",
      "$.generationConfig.thinkingConfig.thinkingLevel: ThinkingConfig has no field thinkingLevel",
      '$.toolConfig.functionCallingConfig.mode: "SOMETIMES" is not a value of Mode',
      "$.systemInstruction.parts[0]: only one of data may be set, got text, function_call",
      "$.safetySettings[0].extra: SafetySetting has no field extra",
    ])
  })

  it("accepts any JSON in Struct fields and requires an object there", () => {
    const call = (args: unknown) => ({
      contents: [{ role: "model", parts: [{ functionCall: { name: "f", args } }] }],
    })
    expect(
      protoErrors("GenerateContentRequest", call({ snake_case: { additionalProperties: [null] } })),
    ).toEqual([])
    expect(protoErrors("GenerateContentRequest", call([1]))).toEqual([
      "$.contents[0].parts[0].functionCall.args: a Struct must be a JSON object",
    ])
  })
})
