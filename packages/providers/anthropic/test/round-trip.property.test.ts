/**
 * Property tests over generated blueprints (`@pl/blueprint/testing`):
 * - restricted to what Anthropic expresses, `fromRequest(toRequest(b))` equals `normalize(b)` below, and
 *   `toRequest(fromRequest(r))` gives `r` back for every request `r` built that way;
 * - over any blueprint, `toRequest` gives a request or throws `UnsupportedFeatureError`, nothing else.
 */
import type { Annotation, Content, Message, PromptBlueprint, Tool } from "@pl/blueprint"
import { UnsupportedFeatureError } from "@pl/blueprint"
import { blueprintArbitrary } from "@pl/blueprint/testing"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { anthropic } from "../src/index.js"
import { MODEL } from "./blueprints.js"

const numRuns = Number(process.env.FC_NUM_RUNS ?? 10_000)

/**
 * The generated blueprints, fitted to what Anthropic takes without an error: audio is not readable by
 * Claude and plain text only goes as data, so those files become PDFs.
 */
const anthropicBlueprints = blueprintArbitrary({
  contentTypes: [
    "text",
    "thinking",
    "redacted_thinking",
    "image_url",
    "media",
    "server_tool_use",
    "web_search_tool_result",
  ],
  roles: ["system", "developer", "user", "assistant", "tool"],
}).map((blueprint) => mapParts(blueprint, fitMedia))

function fitMedia(part: Content): Content {
  if (part.type !== "media") return part
  const media = part.media as { type: string; url: string }
  const unreadable =
    media.type.startsWith("audio/") || (media.type === "text/plain" && media.url.includes("://"))
  return unreadable ? { ...part, media: { ...media, type: "application/pdf" } } : part
}

function mapParts(blueprint: PromptBlueprint, map: (part: Content) => Content): PromptBlueprint {
  const template = blueprint.prompt_template
  if (template.type === "completion")
    return { ...blueprint, prompt_template: { ...template, content: template.content.map(map) } }
  const messages = template.messages.map((m) =>
    m.content ? ({ ...m, content: m.content.map(map) } as Message) : m,
  )
  return { ...blueprint, prompt_template: { ...template, messages } }
}

// ---- the normalisation ------------------------------------------------------------------------------

const ALLOWED: Record<string, readonly string[]> = {
  system: ["text"],
  user: ["text", "image_url", "media"],
  tool: ["text", "image_url", "media"],
  assistant: ["text", "thinking", "redacted_thinking", "server_tool_use", "web_search_tool_result"],
}

/** base64 → UTF-8 text → base64, as a plain-text document goes to Anthropic and back (invalid bytes become U+FFFD). */
const throughText = (base64: string) =>
  Buffer.from(Buffer.from(base64, "base64").toString("utf8"), "utf8").toString("base64")

/**
 * What `fromRequest(toRequest(b, { model: MODEL }))` gives for `b`:
 * - a completion template becomes a chat with one user message;
 * - leading system and developer messages become one system message (Anthropic's top-level `system`);
 *   a later one becomes a system message where it was;
 * - parts a turn cannot hold are gone (the README's table), so is empty text; messages left with
 *   nothing are gone;
 * - text keeps `text`, and in assistant turns the citations Anthropic takes back (web search ones with
 *   `encrypted_index`); thinking needs its signature; image parts keep their URL (no `detail`); media
 *   images become `image_url` parts (base64 as a data URL); documents keep type, URL or base64, and a
 *   non-empty title; a plain-text document's bytes go through UTF-8 text;
 * - tool calls keep id, name and arguments (compact JSON); tool messages their call id and content;
 * - function tools keep name, description, parameters and strict; an empty tool list is no list;
 * - the model is `anthropic` / MODEL with `max_tokens` (4096 when unset) and `stop` as
 *   `stop_sequences`: sampling parameters and `seed` are not sent; template formats, input variables,
 *   message names and the commit message are not kept.
 */
function normalize(blueprint: PromptBlueprint): PromptBlueprint {
  const template = blueprint.prompt_template
  const source: readonly Message[] =
    template.type === "chat" ? template.messages : [{ role: "user", content: template.content }]
  const system: Content[] = []
  const messages: Message[] = []
  for (const message of source) {
    if (message.role === "tool") {
      messages.push({
        role: "tool",
        tool_call_id: message.tool_call_id,
        content: parts(message.content, "tool"),
      })
      continue
    }
    const turn = message.role === "developer" ? "system" : message.role
    const content = parts(message.content ?? [], turn)
    const calls =
      message.role === "assistant"
        ? (message.tool_calls ?? []).map((c) => ({
            id: c.id,
            type: "function" as const,
            function: { name: c.function.name, arguments: JSON.stringify(JSON.parse(c.function.arguments)) },
          }))
        : []
    if (turn === "system" && messages.length === 0) system.push(...content)
    else if (content.length > 0 || calls.length > 0)
      messages.push(
        turn === "assistant"
          ? { role: "assistant", content, ...(calls.length > 0 && { tool_calls: calls }) }
          : ({ role: turn, content } as Message),
      )
  }
  if (system.length > 0) messages.unshift({ role: "system", content: system })
  const tools = template.type === "chat" ? (template.tools ?? []).map(functionTool) : []
  const parameters = (blueprint.metadata?.model?.parameters ?? {}) as { max_tokens?: number; stop?: string[] }
  return {
    prompt_template: {
      type: "chat",
      messages,
      ...(tools.length > 0 && { tools }),
      ...(template.type === "chat" && template.tool_choice && { tool_choice: template.tool_choice }),
    },
    metadata: {
      model: {
        provider: "anthropic",
        name: MODEL,
        parameters: {
          max_tokens: parameters.max_tokens ?? 4096,
          ...(parameters.stop && { stop_sequences: parameters.stop }),
        },
      },
    },
  }
}

function parts(content: readonly Content[], turn: string): Content[] {
  const out: Content[] = []
  for (const part of content) {
    if (!ALLOWED[turn]?.includes(part.type)) continue
    const p = part as Record<string, unknown> & Content
    if (p.type === "text") {
      if (p.text === "") continue
      const annotations =
        turn === "assistant"
          ? ((p.annotations ?? []) as Annotation[]).filter((a) => typeof a.encrypted_index === "string")
          : []
      out.push({ type: "text", text: p.text as string, ...(annotations.length > 0 && { annotations }) })
    } else if (p.type === "thinking") {
      if (p.signature)
        out.push({ type: "thinking", thinking: p.thinking as string, signature: p.signature as string })
    } else if (p.type === "image_url") {
      out.push({ type: "image_url", image_url: { url: (p.image_url as { url: string }).url } })
    } else if (p.type === "media") {
      const { type, url, title } = p.media as { type: string; url: string; title?: string }
      const base64 = !url.includes("://")
      if (type.startsWith("image/"))
        out.push({ type: "image_url", image_url: { url: base64 ? `data:${type};base64,${url}` : url } })
      else
        out.push({
          type: "media",
          media: { type, url: type === "text/plain" ? throughText(url) : url, ...(title && { title }) },
        })
    } else out.push(p)
  }
  return out
}

function functionTool(tool: Tool): Tool {
  const fn = (tool as Extract<Tool, { type: "function" }>).function
  return {
    type: "function",
    function: {
      name: fn.name,
      parameters: fn.parameters ?? { type: "object", properties: {} },
      ...(typeof fn.description === "string" && { description: fn.description }),
      ...(typeof fn.strict === "boolean" && { strict: fn.strict }),
    },
  }
}

// ---- the properties ---------------------------------------------------------------------------------

describe("round trip", () => {
  it(`fromRequest(toRequest(b)) is b normalised, and toRequest(fromRequest(r)) is r (${numRuns} runs)`, () => {
    fc.assert(
      fc.property(anthropicBlueprints, (blueprint) => {
        const request = anthropic.toRequest(blueprint, { model: MODEL })
        const back = anthropic.fromRequest(request)
        expect(back).toEqual(normalize(blueprint))
        expect(anthropic.toRequest(back)).toEqual(request)
      }),
      { numRuns },
    )
  })

  it("converts any blueprint or names what Anthropic cannot express", () => {
    let converted = 0
    let refused = 0
    fc.assert(
      fc.property(blueprintArbitrary(), (blueprint) => {
        try {
          const request = anthropic.toRequest(blueprint, { model: MODEL })
          expect(request.messages.every((m) => Array.isArray(m.content) && m.content.length > 0)).toBe(true)
          converted++
        } catch (error) {
          expect(error).toBeInstanceOf(UnsupportedFeatureError)
          expect((error as UnsupportedFeatureError).feature).toMatch(/^(content|message)\.|function_call/)
          refused++
        }
      }),
      { numRuns: Math.ceil(numRuns / 5) },
    )
    expect(converted).toBeGreaterThan(0)
    expect(refused).toBeGreaterThan(0)
  })
})
