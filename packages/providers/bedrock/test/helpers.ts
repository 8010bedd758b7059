import type {
  ChatTemplate,
  ConversionWarning,
  Message,
  PromptBlueprint,
  ToRequestOptions,
} from "@pl/blueprint"
import { specsDir } from "@pl/devtools/fixtures"
import { expect } from "vitest"
import { type BedrockRequest, bedrock } from "../src/index.js"
import { serviceModelValidator } from "./service-model.js"

export const serviceModel = serviceModelValidator(`${specsDir}/bedrock/service-2.json`)

export const MODEL = "anthropic.claude-sonnet-4-5-20250929-v1:0"

/** A chat blueprint with these messages (and template fields), for the model above. */
export function chat(
  messages: Message[],
  template: Partial<ChatTemplate> = {},
  parameters: Record<string, unknown> = {},
): PromptBlueprint {
  return {
    prompt_template: { type: "chat", messages, input_variables: [], ...template },
    metadata: { model: { provider: "amazon.bedrock", name: MODEL, parameters } },
  }
}

/** Asserts that a request is valid for the Converse (or ConverseStream) operation, as the SDK takes it. */
export function expectValidRequest(request: BedrockRequest, shape = "ConverseRequest") {
  expect(serviceModel.errors(shape, request, "input")).toEqual([])
}

/** `toRequest` with the warnings it reported; the request is checked against the service model. */
export function convert(
  blueprint: PromptBlueprint,
  options: Omit<ToRequestOptions, "onWarning"> = {},
): { request: BedrockRequest; warnings: ConversionWarning[] } {
  const warnings: ConversionWarning[] = []
  const request = bedrock.toRequest(blueprint, { ...options, onWarning: (w) => warnings.push(w) })
  expectValidRequest(request, options.stream ? "ConverseStreamRequest" : "ConverseRequest")
  return { request, warnings }
}

/** Bytes of a base64 string, to compare with what `toRequest` puts in blobs. */
export const bytes = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))

export const PNG =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
export const PDF = "JVBERi0xLjQKJcfsj6IKMSAwIG9iago8PD4+CmVuZG9iagp0cmFpbGVyCjw8Pj4KJSVFT0YK"
