/**
 * The cross-provider blueprint (a system prompt, an image, two tools, a parallel tool call, tool
 * results and a thinking block), through Cohere: what Cohere can express survives toRequest → fromRequest.
 */
import type { ConversionWarning, PromptBlueprint } from "@pl/blueprint"
import { crossProviderBlueprint } from "@pl/blueprint/testing"
import { describe, expect, it } from "vitest"
import { cohere } from "../src/index.js"
import { sdkRequestErrors } from "./sdk-schema.js"

const blueprint: PromptBlueprint = crossProviderBlueprint()

describe("the cross-provider blueprint through Cohere", () => {
  it("keeps the system prompt, image, tools, parallel calls, results and thinking", () => {
    const warnings: ConversionWarning[] = []
    const request = cohere.toRequest(blueprint, {
      model: "command-a-vision-07-2025",
      onWarning: (w) => warnings.push(w),
    })
    expect(sdkRequestErrors(request)).toEqual([])
    // Cohere has no thinking signatures: the one thing dropped, and said so.
    expect(warnings.map((w) => [w.feature, w.path])).toEqual([
      ["thinking.signature", "prompt_template.messages[2].content[0]"],
    ])

    // Back from the request, the blueprint is the same but for that signature (and the template's
    // `input_variables`, which are not part of a request).
    const back = cohere.fromRequest(request)
    expect(back.metadata?.model).toEqual({
      provider: "cohere",
      name: "command-a-vision-07-2025",
      parameters: { max_tokens: 512 },
    })
    if (blueprint.prompt_template.type !== "chat") throw new Error("a chat blueprint")
    const { input_variables: _, ...template } = structuredClone(blueprint.prompt_template)
    const thinking = template.messages[2]?.content?.[0] as { signature?: string }
    delete thinking.signature
    expect(back.prompt_template).toEqual(template)
  })
})
