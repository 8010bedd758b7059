import { specsDir } from "@pl/devtools/fixtures"
import { describe, expect, it } from "vitest"
import { serviceModelValidator } from "./service-model.js"

const model = serviceModelValidator(`${specsDir}/bedrock/service-2.json`)

const valid = {
  modelId: "anthropic.claude-sonnet-4-5-20250929-v1:0",
  messages: [
    {
      role: "user",
      content: [{ text: "Hi" }, { image: { format: "png", source: { bytes: new Uint8Array([1, 2, 3]) } } }],
    },
  ],
  system: [{ text: "Be brief" }, { cachePoint: { type: "default" } }],
  inferenceConfig: { maxTokens: 100, temperature: 0.5, stopSequences: ["\n"] },
  toolConfig: {
    tools: [{ toolSpec: { name: "get_weather", inputSchema: { json: { type: "object" } } } }],
    toolChoice: { any: {} },
  },
  additionalModelRequestFields: { top_k: 5, nested: [1, "a", null, { b: true }] },
}

describe("the service-model validator", () => {
  it("accepts a valid Converse input", () => {
    expect(model.errors("ConverseRequest", valid, "input")).toEqual([])
  })

  it("names unknown members, missing required members and undefined values", () => {
    const errors = model.errors(
      "ConverseRequest",
      { ...valid, temperature: 1, messages: [{ role: "user" }], system: undefined },
      "input",
    )
    expect(errors.sort()).toEqual([
      "$.messages[0]: Message requires content",
      "$.system: undefined (leave the member out instead)",
      "$: ConverseRequest has no member temperature",
    ])
  })

  it("requires exactly one member of a union", () => {
    const message = (content: unknown[]) => ({ modelId: "m.x", messages: [{ role: "user", content }] })
    expect(
      model.errors("ConverseRequest", message([{ text: "a", cachePoint: { type: "default" } }]), "input"),
    ).toEqual(["$.messages[0].content[0]: ContentBlock is a union: exactly one member must be set, found 2"])
    expect(model.errors("ConverseRequest", message([{}]), "input")).toEqual([
      "$.messages[0].content[0]: ContentBlock is a union: exactly one member must be set, found 0",
    ])
  })

  it("checks enums, whole-string patterns, lengths and ranges", () => {
    const errors = model.errors(
      "ConverseRequest",
      {
        modelId: "m.x",
        messages: [{ role: "bot", content: [{ toolUse: { toolUseId: "id 1", name: "a.b", input: {} } }] }],
        system: [{ text: "" }],
        inferenceConfig: { maxTokens: 0, temperature: 1.5 },
        toolConfig: { tools: [] },
      },
      "input",
    )
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringContaining('$.messages[0].role: "bot" is not one of user, assistant, system'),
        expect.stringContaining('$.messages[0].content[0].toolUse.toolUseId: "id 1" does not match'),
        expect.stringContaining('$.messages[0].content[0].toolUse.name: "a.b" does not match'),
        "$.system[0].text: length 0 is under the minimum 1",
        "$.inferenceConfig.maxTokens: value 0 is under the minimum 1",
        "$.inferenceConfig.temperature: value 1.5 is over the maximum 1",
        "$.toolConfig.tools: length 0 is under the minimum 1",
      ]),
    )
    expect(errors).toHaveLength(7)
  })

  it("wants blobs as bytes in an SDK input and as base64 in a body, and URI members out of the body", () => {
    const image = (bytes: unknown) => ({
      messages: [{ role: "user", content: [{ image: { format: "png", source: { bytes } } }] }],
    })
    expect(model.errors("ConverseRequest", { modelId: "m.x", ...image("AQID") }, "input")).toEqual([
      "$.messages[0].content[0].image.source.bytes: expected bytes (Uint8Array) in an SDK input",
    ])
    expect(model.errors("ConverseRequest", image("AQID"), "body")).toEqual([])
    expect(model.errors("ConverseRequest", image("not base64!"), "body")).toEqual([
      "$.messages[0].content[0].image.source.bytes: expected base64 text in a body",
    ])
    expect(model.errors("ConverseRequest", { modelId: "m.x", ...image("AQID") }, "body")).toEqual([
      "$.modelId: belongs in the uri, not the body",
    ])
  })

  it("rejects values that are not JSON inside documents", () => {
    expect(
      model.errors(
        "ConverseRequest",
        { modelId: "m.x", additionalModelRequestFields: { a: () => 1 } },
        "input",
      ),
    ).toEqual(["$.additionalModelRequestFields.a: not a JSON value (function)"])
  })
})
