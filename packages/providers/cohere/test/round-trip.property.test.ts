/**
 * Property tests over generated blueprints (fast-check, `@pl/blueprint/testing`).
 *
 * `fromRequest(toRequest(b))` equals `normalise(b)`: `normalise` is, written out, everything the README
 * documents about what a Cohere request cannot carry or carries in one form only.
 */
import {
  type Content,
  type ConversionWarning,
  type Message,
  mediaKind,
  type PromptBlueprint,
  parseBlueprint,
  type Tool,
  type ToolChoice,
  UnsupportedFeatureError,
} from "@pl/blueprint"
import { blueprintArbitrary } from "@pl/blueprint/testing"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { cohere, isStreamingRequest } from "../src/index.js"
import { sdkRequestErrors } from "./sdk-schema.js"

const numRuns = Number(process.env.FC_NUM_RUNS ?? 10_000)

type Part = Record<string, unknown> & { type: string }

/** User content: text and images; a `media` image is sent as an image URL (a data URL for base64). */
function userPart(part: Part): Part[] {
  if (part.type === "text") return [{ type: "text", text: part.text }]
  if (part.type === "image_url") {
    const { url, detail } = part.image_url as { url: string; detail?: string }
    return [{ type: "image_url", image_url: detail ? { url, detail } : { url } }]
  }
  if (part.type === "media") {
    const media = part.media as { type: string; url: string }
    if (mediaKind(media.type) !== "image") throw new Error("generated a non-image media part for a user")
    const url = /^[a-z]+:\/\//.test(media.url) ? media.url : `data:${media.type};base64,${media.url}`
    return [{ type: "image_url", image_url: { url } }]
  }
  return []
}

/** Text parts lose what Cohere has no field for: Gemini signatures, ids, and annotations other than file citations. */
const plainText = (part: Part): Part => ({ type: "text", text: part.text })

function normaliseMessage(message: Message): Message {
  const content = (message.content ?? []) as Part[]
  switch (message.role) {
    case "system":
    case "developer":
      // Developer messages are system messages; system messages hold text only.
      return { role: "system", content: content.filter((p) => p.type === "text").map(plainText) as Content[] }
    case "user":
      return { role: "user", content: content.flatMap(userPart) as Content[] }
    case "tool":
      return {
        role: "tool",
        tool_call_id: message.tool_call_id,
        content: content.filter((p) => p.type === "text").map(plainText) as Content[],
      }
    case "assistant": {
      const calls = message.tool_calls ?? []
      const thinking = (p: Part): Part => ({ type: "thinking", thinking: p.thinking })
      if (calls.length === 0)
        return {
          role: "assistant",
          content: content
            .filter((p) => p.type === "text" || p.type === "thinking")
            .map((p) => (p.type === "text" ? plainText(p) : thinking(p))) as Content[],
        }
      // With tool calls, the text is the tool plan: joined into one part after the thinking; empty, it is not sent.
      const plan = content
        .filter((p) => p.type === "text")
        .map((p) => p.text)
        .join("")
      const parts = content.filter((p) => p.type === "thinking").map(thinking)
      if (plan !== "") parts.push({ type: "text", text: plan })
      return {
        role: "assistant",
        content: parts as Content[],
        tool_calls: calls.map(({ id, type, function: { name, arguments: args } }) => ({
          id,
          type,
          function: { name, arguments: args },
        })),
      }
    }
    default:
      throw new Error(`generated a ${message.role} message`)
  }
}

/** Cohere's `strictTools` is one flag for all tools. */
function normaliseTools(tools: readonly Tool[]): Tool[] {
  const fns = tools.filter((t) => t.type === "function") as Extract<Tool, { type: "function" }>[]
  const strict = fns.some((t) => t.function.strict === true)
    ? true
    : fns.length > 0 && fns.every((t) => t.function.strict === false)
      ? false
      : undefined
  return fns.map(({ function: { name, description, parameters } }) => ({
    type: "function",
    function: {
      name,
      ...(description == null ? {} : { description }),
      parameters,
      ...(strict === undefined ? {} : { strict }),
    },
  }))
}

function normalise(blueprint: PromptBlueprint): PromptBlueprint {
  const model = blueprint.metadata?.model
  const template = blueprint.prompt_template
  const messages =
    template.type === "chat"
      ? template.messages.map(normaliseMessage)
      : [{ role: "user" as const, content: (template.content as Part[]).flatMap(userPart) as Content[] }]
  const tools = template.type === "chat" ? normaliseTools(template.tools ?? []) : []
  const choice = template.type === "chat" ? template.tool_choice : undefined
  return {
    prompt_template: {
      type: "chat",
      messages,
      ...(tools.length > 0 ? { tools } : {}),
      // `auto` is Cohere's default and not sent; a choice without tools is dropped.
      ...(tools.length > 0 && (choice === "none" || choice === "required")
        ? { tool_choice: choice as ToolChoice }
        : {}),
    },
    // The provider becomes cohere; `commit_message`, `input_variables` and `template_format` are not in a request.
    metadata: {
      model: { provider: "cohere", name: model?.name ?? "", parameters: { ...model?.parameters } },
    },
  }
}

const roundTripArbitrary = blueprintArbitrary({
  contentTypes: ["text", "image_url", "thinking"],
  roles: ["system", "developer", "user", "assistant", "tool"],
}).filter((bp) => bp.metadata?.model != null)

describe("round trip over generated blueprints", () => {
  it("fromRequest(toRequest(b)) equals b up to the documented normalisation, with SDK-valid requests", () => {
    fc.assert(
      fc.property(roundTripArbitrary, (blueprint) => {
        const warnings: ConversionWarning[] = []
        const request = cohere.toRequest(blueprint, { onWarning: (w) => warnings.push(w) })
        expect(sdkRequestErrors(request)).toEqual([])
        const back = cohere.fromRequest(request)
        expect(back).toEqual(normalise(blueprint))
        expect(parseBlueprint(back)).toEqual(back)
        // A request read back and written again is the same request.
        expect(cohere.toRequest(back)).toEqual(request)
        for (const w of warnings) {
          expect(w.provider).toBe("cohere")
          expect(w.path).toMatch(/^(prompt_template|metadata)/)
        }
      }),
      { numRuns },
    )
  })

  it("any blueprint gives an SDK-valid request or an UnsupportedFeatureError", () => {
    let converted = 0
    let refused = 0
    fc.assert(
      fc.property(
        blueprintArbitrary().filter((bp) => bp.metadata?.model != null),
        (blueprint) => {
          let request: ReturnType<typeof cohere.toRequest>
          try {
            request = cohere.toRequest(blueprint, { stream: true })
          } catch (error) {
            expect(error).toBeInstanceOf(UnsupportedFeatureError)
            refused++
            return
          }
          converted++
          expect(isStreamingRequest(request)).toBe(true)
          expect(sdkRequestErrors(request)).toEqual([])
          expect(cohere.toRequest(cohere.fromRequest(request), { stream: true })).toEqual(request)
        },
      ),
      { numRuns },
    )
    // Both outcomes happen: the property is not vacuous.
    expect(converted).toBeGreaterThan(0)
    expect(refused).toBeGreaterThan(0)
  })
})
