/**
 * Google's share of the cross-provider test: one blueprint with a system prompt, an image, two
 * tools, a parallel tool call, its results and a thinking block; what Gemini can express survives
 * toRequest → fromRequest. (`crossProviderBlueprint` from @pl/blueprint/testing, which the conformance
 * package runs through every adapter.)
 */
import type { ChatTemplate, PromptBlueprint } from "@pl/blueprint"
import { crossProviderBlueprint } from "@pl/blueprint/testing"
import { describe, expect, it } from "vitest"
import { google } from "../src/index.js"
import { protoErrors } from "./proto-json.js"
import { sentBody } from "./wire.js"

const blueprint: PromptBlueprint = crossProviderBlueprint()
const template = blueprint.prompt_template as ChatTemplate

describe("the cross-provider blueprint on Gemini", () => {
  it("converts to a proto-valid request without dropping anything", async () => {
    const warnings: string[] = []
    const request = google.toRequest(blueprint, {
      model: "gemini-2.5-pro",
      onWarning: (w) => warnings.push(w.feature),
    })
    expect(warnings).toEqual([])
    const { body } = await sentBody(request)
    expect(protoErrors("GenerateContentRequest", body)).toEqual([])
    // The two results answer the parallel calls in one user content.
    const contents = body.contents as { role: string; parts: object[] }[]
    expect(contents.map((c) => [c.role, c.parts.length])).toEqual([
      ["user", 2],
      ["model", 4],
      ["user", 2],
    ])
  })

  it("keeps system prompt, image, tools, parallel calls, results and signed thinking through fromRequest", () => {
    const back = google.fromRequest(google.toRequest(blueprint, { model: "gemini-2.5-pro" }))
    const { input_variables: _, ...expected } = template
    expect(back.prompt_template).toEqual(expected)
    expect(back.metadata?.model).toEqual({
      provider: "google",
      name: "gemini-2.5-pro",
      parameters: { max_tokens: 512 },
    })
  })
})
