/**
 * One blueprint (a system prompt, an image, two tools, a parallel tool call, the tool results and a signed
 * thinking block) converted by all six providers' adapters. What each provider can express must survive
 * `toRequest` → `fromRequest`; what it cannot is named by a warning, and nothing else is lost.
 */
import {
  type ConversionWarning,
  isKnownContent,
  isKnownTool,
  type Message,
  type PromptBlueprint,
  type ProviderAdapter,
} from "@pl/blueprint"
import { crossProviderBlueprint } from "@pl/blueprint/testing"
import { anthropic } from "@pl/provider-anthropic"
import { bedrock } from "@pl/provider-bedrock"
import { cohere } from "@pl/provider-cohere"
import { google } from "@pl/provider-google"
import { mistral } from "@pl/provider-mistral"
import { openai, openaiResponses } from "@pl/provider-openai"
import { describe, expect, it } from "vitest"

type AnyAdapter = Pick<ProviderAdapter<unknown, unknown, unknown>, "name" | "toRequest" | "fromRequest">

/** What a provider cannot carry of this blueprint, and why (the adapter must warn about exactly these). */
const LOSSES: Record<string, { lost: Loss[]; why: string }> = {
  openai: { lost: ["thinking"], why: "Chat Completions takes no reasoning in its input" },
  "openai.responses": {
    lost: ["thinking"],
    why: "a reasoning input item needs OpenAI's own item id and encrypted content, not another provider's signature",
  },
  anthropic: { lost: [], why: "" },
  google: { lost: [], why: "" },
  "amazon.bedrock": { lost: [], why: "" },
  mistral: { lost: [], why: "" },
  cohere: { lost: ["thinking.signature"], why: "Cohere's thinking content has no signature" },
}
type Loss = "thinking" | "thinking.signature"

const WARNED_FEATURE: Record<Loss, string> = {
  thinking: "content.thinking",
  "thinking.signature": "thinking.signature",
}

const adapters: AnyAdapter[] = [
  openai,
  openaiResponses,
  anthropic,
  google,
  bedrock,
  mistral,
  cohere,
] as AnyAdapter[]

/**
 * The meaning of a conversation, without what adapters may normalise (ids a provider does not keep,
 * image `detail`, a tool message's `name`, empty optional fields): per message its role, texts, images,
 * thinking (with signature), calls (name and parsed arguments) and, for tool results, which call they answer
 * (by the call's position, as some providers key results by name or order rather than id).
 */
function meaning(blueprint: PromptBlueprint, lost: readonly Loss[] = []) {
  const template = blueprint.prompt_template
  if (template.type !== "chat") throw new Error("expected a chat template")
  const callIndex = new Map<string, number>()
  return {
    tools: (template.tools ?? []).map((tool) =>
      isKnownTool(tool) && tool.type === "function"
        ? [tool.function.name, tool.function.description, tool.function.parameters]
        : tool,
    ),
    messages: template.messages.map((message: Message) => {
      const parts = message.content ?? []
      const out: Record<string, unknown> = {
        role: message.role,
        text: parts.flatMap((p) => (isKnownContent(p) && p.type === "text" ? [p.text] : [])),
        images: parts.flatMap((p) => (isKnownContent(p) && p.type === "image_url" ? [p.image_url.url] : [])),
      }
      if (!lost.includes("thinking"))
        out.thinking = parts.flatMap((p) =>
          isKnownContent(p) && p.type === "thinking"
            ? [lost.includes("thinking.signature") ? p.thinking : `${p.thinking} [${p.signature}]`]
            : [],
        )
      if (message.role === "assistant")
        out.calls = (message.tool_calls ?? []).map((call) => {
          callIndex.set(call.id, callIndex.size)
          return [call.function.name, JSON.parse(call.function.arguments)]
        })
      if (message.role === "tool") out.answers = callIndex.get(message.tool_call_id)
      return out
    }),
  }
}

describe("the cross-provider blueprint", () => {
  it.each(adapters.map((adapter) => [adapter.name, adapter] as const))(
    "keeps on %s all the meaning the provider can express",
    (name, adapter) => {
      const expected = LOSSES[name]
      if (!expected) throw new Error(`no expectation written for ${name}`)
      const warnings: ConversionWarning[] = []
      const request = adapter.toRequest(crossProviderBlueprint(), { onWarning: (w) => warnings.push(w) })
      const back = adapter.fromRequest(request)
      expect(meaning(back, expected.lost)).toEqual(meaning(crossProviderBlueprint(), expected.lost))
      expect(warnings.map((w) => [w.feature, w.path])).toEqual(
        expected.lost.map((loss) => [WARNED_FEATURE[loss], "prompt_template.messages[2].content[0]"]),
      )
    },
  )

  it("is written for every adapter, and only the losses listed are allowed", () => {
    expect(Object.keys(LOSSES).sort()).toEqual(adapters.map((a) => a.name).sort())
    // Most providers carry everything: a new loss must be a decision, not an accident.
    expect(Object.values(LOSSES).filter((l) => l.lost.length > 0)).toHaveLength(3)
  })
})
