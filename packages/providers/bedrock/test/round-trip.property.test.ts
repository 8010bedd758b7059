/**
 * Property tests over generated blueprints: `toRequest` gives a request valid for the service model (or a
 * typed error naming what Bedrock cannot express), and `fromRequest(toRequest(b))` equals `b` up to the
 * normalisation written out in `normalize` below (the README lists the same rules).
 */
import {
  type Content,
  type ConversionWarning,
  isKnownTool,
  type Message,
  type PromptBlueprint,
  type ToolCall,
  UnsupportedFeatureError,
} from "@pl/blueprint"
import { blueprintArbitrary } from "@pl/blueprint/testing"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { bedrock } from "../src/index.js"
import { expectValidRequest, MODEL } from "./helpers.js"

const numRuns = Number(process.env.FC_NUM_RUNS ?? 10_000)

/**
 * Bedrock cannot fetch http(s) media: the generated URLs become S3 URIs with the same path. The adapter
 * sends no audio (yet): generated audio files become PDFs.
 */
function withS3Urls(blueprint: PromptBlueprint): PromptBlueprint {
  const s3 = (url: string) => url.replace(/^https?:\/\/[^/]*/, "s3://test-bucket")
  const part = (p: Content): Content => {
    if (p.type === "image_url") {
      const image = p.image_url as { url: string }
      return { ...p, image_url: { ...image, url: s3(image.url) } }
    }
    if (p.type === "media") {
      const media = p.media as { url: string; type: string }
      const type = media.type.startsWith("audio/") ? "application/pdf" : media.type
      return { ...p, media: { ...media, type, url: s3(media.url) } }
    }
    return p
  }
  const template = blueprint.prompt_template
  return {
    ...blueprint,
    prompt_template:
      template.type === "chat"
        ? {
            ...template,
            messages: template.messages.map((m) =>
              "content" in m && Array.isArray(m.content)
                ? ({ ...m, content: m.content.map(part) } as Message)
                : m,
            ),
          }
        : { ...template, content: template.content.map(part) },
  }
}

// ---- the normalisation ------------------------------------------------------------------------------

const IMAGE_TYPES = new Set(["image/png", "image/jpeg", "image/gif", "image/webp"])

/**
 * What `fromRequest(toRequest(b))` gives for `b` (sent with `model: MODEL`):
 * - system and developer messages become one system message, first, holding their non-empty text parts;
 * - a completion template becomes a chat with one user message;
 * - messages left with nothing to send disappear; then consecutive user messages merge into one, as do
 *   consecutive assistant messages (content after content, calls after calls); tool messages stay apart;
 * - text keeps only `text` (annotations and Gemini signatures are dropped), thinking its text and
 *   signature, image parts their URL (no `detail`); media images become `image_url` parts (data URL);
 *   documents get a name Bedrock accepts (`document-N` when they have none);
 * - a tool message keeps text, images and documents; tool calls keep id, name and arguments;
 * - tools keep name, non-empty description, parameters and strict; `tool_choice: "none"` leaves the tools
 *   out unless the conversation holds tool calls (then the tools stay and the choice goes);
 * - the model is `amazon.bedrock` / MODEL with the portable parameters Converse takes (no `seed`);
 *   template formats, input variables, message names and the commit message are not kept.
 */
function normalize(blueprint: PromptBlueprint): PromptBlueprint {
  const template = blueprint.prompt_template
  const source: readonly Message[] =
    template.type === "chat" ? template.messages : [{ role: "user", content: template.content }]
  let documents = 0
  const media = (p: Extract<Content, { type: "media" }>): Content => {
    const { type, url, title } = p.media
    if (IMAGE_TYPES.has(type))
      return {
        type: "image_url",
        image_url: { url: url.startsWith("s3://") ? url : `data:${type};base64,${url}` },
      }
    const name = (title ?? "").replace(/[^A-Za-z0-9\-()[\]]+/g, " ").trim() || `document-${++documents}`
    return { type: "media", media: { title: name, type, url } }
  }
  const part = (p: Content, where: "message" | "tool"): Content | undefined => {
    switch (p.type) {
      case "text":
        return { type: "text", text: p.text as string }
      case "thinking":
        if (where === "tool") return undefined
        return p.signature
          ? { type: "thinking", thinking: p.thinking as string, signature: p.signature as string }
          : { type: "thinking", thinking: p.thinking as string }
      case "redacted_thinking":
        return where === "tool" ? undefined : { type: "redacted_thinking", data: p.data as string }
      case "image_url":
        return { type: "image_url", image_url: { url: (p.image_url as { url: string }).url } }
      case "media":
        return media(p as Extract<Content, { type: "media" }>)
      default:
        return undefined
    }
  }
  const parts = (content: readonly Content[] | null | undefined, where: "message" | "tool") =>
    (content ?? []).flatMap((p) => part(p, where) ?? [])
  const call = (c: ToolCall): ToolCall => ({
    id: c.id,
    type: "function",
    function: { name: c.function.name, arguments: JSON.stringify(JSON.parse(c.function.arguments || "{}")) },
  })

  const system: Content[] = []
  const sent: Message[] = []
  for (const message of source) {
    if (message.role === "system" || message.role === "developer") {
      for (const p of message.content)
        if (p.type === "text" && p.text !== "") system.push({ type: "text", text: p.text as string })
    } else if (message.role === "user") {
      const content = parts(message.content, "message")
      if (content.length > 0) sent.push({ role: "user", content })
    } else if (message.role === "assistant") {
      const content = parts(message.content, "message")
      const calls = (message.tool_calls ?? []).map(call)
      if (content.length > 0 || calls.length > 0)
        sent.push(
          calls.length > 0
            ? { role: "assistant", content, tool_calls: calls }
            : { role: "assistant", content },
        )
    } else if (message.role === "tool") {
      sent.push({ role: "tool", tool_call_id: message.tool_call_id, content: parts(message.content, "tool") })
    }
  }
  const merged: Message[] = []
  for (const message of sent) {
    const last = merged[merged.length - 1]
    if (last?.role === "user" && message.role === "user") last.content.push(...message.content)
    else if (last?.role === "assistant" && message.role === "assistant") {
      last.content!.push(...(message.content ?? []))
      const calls = [...(last.tool_calls ?? []), ...(message.tool_calls ?? [])]
      if (calls.length > 0) last.tool_calls = calls
    } else merged.push(message)
  }
  const messages: Message[] = system.length > 0 ? [{ role: "system", content: system }, ...merged] : merged

  const chat = template.type === "chat" ? template : undefined
  const tools = (chat?.tools ?? []).flatMap((tool) =>
    isKnownTool(tool) && tool.type === "function"
      ? [
          {
            type: "function" as const,
            function: {
              name: tool.function.name,
              ...(tool.function.description ? { description: tool.function.description } : {}),
              parameters: tool.function.parameters!,
              ...(typeof tool.function.strict === "boolean" ? { strict: tool.function.strict } : {}),
            },
          },
        ]
      : [],
  )
  const usesTools = sent.some(
    (m) => m.role === "tool" || (m.role === "assistant" && (m.tool_calls?.length ?? 0) > 0),
  )
  const choice = chat?.tool_choice
  const toolFields =
    tools.length === 0 || (choice === "none" && !usesTools)
      ? {}
      : choice === undefined || choice === "none"
        ? { tools }
        : { tools, tool_choice: choice }

  const { temperature, max_tokens, top_p, stop } = (blueprint.metadata?.model?.parameters ?? {}) as Record<
    string,
    unknown
  >
  const parameters = Object.fromEntries(
    Object.entries({ temperature, max_tokens, top_p, stop }).filter(([, v]) => v !== undefined),
  )
  return {
    prompt_template: { type: "chat", messages, ...toolFields },
    metadata: { model: { provider: "amazon.bedrock", name: MODEL, parameters } },
  }
}

// ---- the properties ---------------------------------------------------------------------------------

describe("toRequest and fromRequest over generated blueprints", () => {
  it("round-trip what Bedrock expresses, with valid requests and located warnings", () => {
    const arbitrary = blueprintArbitrary({
      contentTypes: ["text", "thinking", "redacted_thinking", "image_url", "media"],
      roles: ["system", "developer", "user", "assistant", "tool"],
    }).map(withS3Urls)
    fc.assert(
      fc.property(arbitrary, (blueprint) => {
        const warnings: ConversionWarning[] = []
        const request = bedrock.toRequest(blueprint, { model: MODEL, onWarning: (w) => warnings.push(w) })
        expectValidRequest(request)
        for (const warning of warnings) {
          expect(warning.provider).toBe("amazon.bedrock")
          expect(warning.path).toMatch(/^(prompt_template|metadata)\b/)
        }
        expect(bedrock.fromRequest(request)).toEqual(normalize(blueprint))
      }),
      { numRuns },
    )
  })

  it("turn any blueprint into a valid request or an UnsupportedFeatureError naming the feature", () => {
    let converted = 0
    fc.assert(
      fc.property(
        blueprintArbitrary({
          roles: ["system", "developer", "user", "assistant", "tool", "function", "placeholder"],
        }),
        (blueprint) => {
          try {
            const request = bedrock.toRequest(blueprint, { model: MODEL, stream: true })
            expectValidRequest(request, "ConverseStreamRequest")
            converted++
          } catch (error) {
            if (!(error instanceof UnsupportedFeatureError)) throw error
            expect(error.provider).toBe("amazon.bedrock")
            expect(error.feature).not.toBe("")
            expect(error.path ?? "").toMatch(/^(prompt_template|metadata)\b/)
          }
        },
      ),
      { numRuns },
    )
    // The generator must still produce convertible blueprints, or this property would prove little.
    expect(converted).toBeGreaterThan(numRuns / 50)
  })
})
