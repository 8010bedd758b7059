import { describe, expect, it } from "vitest"
import { resolveEndpoint } from "./endpoint.js"

const template = {
  provider_base_url: { url: "https://workspace.example/v1", provider: "openai" },
  custom_provider: null,
}

describe("resolveEndpoint", () => {
  it("prefers a custom provider, then the client option, the template's base URL, the SDK variable", () => {
    const env = { OPENAI_BASE_URL: "https://env.example/v1" }
    const custom = {
      ...template,
      custom_provider: { client: "openai", base_url: "https://deepseek.example", api_key: "k" },
    }
    const same = { sameProviderAsTemplate: true, env }
    expect(
      resolveEndpoint("openai", "openai", custom, { ...same, providerBaseUrls: { openai: "https://o" } }),
    ).toEqual({
      baseURL: "https://deepseek.example",
      apiKey: "k",
    })
    expect(
      resolveEndpoint("openai", "openai", template, { ...same, providerBaseUrls: { openai: "https://o" } })
        .baseURL,
    ).toBe("https://o")
    expect(resolveEndpoint("openai", "openai", template, same).baseURL).toBe("https://workspace.example/v1")
    expect(resolveEndpoint("openai", "openai", { provider_base_url: null }, same).baseURL).toBe(
      "https://env.example/v1",
    )
    expect(
      resolveEndpoint("openai", "openai", { provider_base_url: null }, { sameProviderAsTemplate: true }),
    ).toEqual({
      baseURL: undefined,
      apiKey: undefined,
    })
  })

  it("ignores the template's settings when the run switches provider", () => {
    const env = { ANTHROPIC_BASE_URL: "https://anthropic.local" }
    expect(
      resolveEndpoint("anthropic", "anthropic", template, { sameProviderAsTemplate: false, env }),
    ).toEqual({
      baseURL: "https://anthropic.local",
      apiKey: undefined,
    })
  })

  it("reads each provider's own variable, and options by name or id", () => {
    const env = {
      GOOGLE_GEMINI_BASE_URL: "https://g",
      AWS_ENDPOINT_URL: "https://aws-all",
      AWS_ENDPOINT_URL_BEDROCK_RUNTIME: "https://bedrock",
    }
    const none = { provider_base_url: null }
    expect(resolveEndpoint("google", "vertexai", none, { sameProviderAsTemplate: true, env }).baseURL).toBe(
      "https://g",
    )
    expect(
      resolveEndpoint("amazon.bedrock", "bedrock", none, { sameProviderAsTemplate: true, env }).baseURL,
    ).toBe("https://bedrock")
    expect(
      resolveEndpoint("amazon.bedrock", "bedrock", none, {
        sameProviderAsTemplate: true,
        providerBaseUrls: { "amazon.bedrock": "https://opt" },
      }).baseURL,
    ).toBe("https://opt")
  })
})
