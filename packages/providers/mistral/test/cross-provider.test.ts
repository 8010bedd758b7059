/**
 * Mistral's share of the cross-provider test: one blueprint with a system prompt, an image, two
 * tools, a parallel tool call, its results and a thinking block; what Mistral can express survives
 * toRequest → fromRequest. (The blueprint is `crossProviderBlueprint` from @pl/blueprint/testing, which the
 * conformance package runs through every adapter.)
 */
import type { PromptBlueprint } from "@pl/blueprint"
import { crossProviderBlueprint } from "@pl/blueprint/testing"
import { describe, expect, it } from "vitest"
import { mistral } from "../src/index.js"
import { sdkWireBody, specErrors } from "./helpers.js"

const blueprint: PromptBlueprint = crossProviderBlueprint()

describe("the cross-provider blueprint on Mistral", () => {
  it("converts to a valid request without dropping anything", () => {
    const warnings: string[] = []
    const request = mistral.toRequest(blueprint, {
      model: "mistral-medium-latest",
      onWarning: (w) => warnings.push(w.feature),
    })
    expect(warnings).toEqual([])
    expect(specErrors(sdkWireBody(request))).toEqual([])
  })

  it("keeps system prompt, image, tools, parallel calls, results and signed thinking through fromRequest", () => {
    const back = mistral.fromRequest(mistral.toRequest(blueprint, { model: "mistral-medium-latest" }))
    const template = blueprint.prompt_template as Extract<
      PromptBlueprint["prompt_template"],
      { type: "chat" }
    >
    expect(back.prompt_template).toEqual({
      type: "chat",
      messages: [
        template.messages[0],
        template.messages[1],
        template.messages[2],
        // Mistral's tool messages carry the called function's name.
        { ...template.messages[3], name: "get_weather" },
        { ...template.messages[4], name: "get_time" },
      ],
      tools: template.tools,
    })
    expect(back.metadata?.model).toEqual({
      provider: "mistral",
      name: "mistral-medium-latest",
      parameters: { max_tokens: 512 },
    })
  })
})
