/**
 * Properties of the Chat Completions adapter over generated blueprints (fast-check, `FC_NUM_RUNS` cases,
 * 10,000 by default).
 */
import { type Content, type Message, type PromptBlueprint, UnsupportedFeatureError } from "@pl/blueprint"
import { blueprintArbitrary } from "@pl/blueprint/testing"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { openai } from "../src/index.js"
import { chatSpecErrors } from "./spec.js"

const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 10_000)

/**
 * What Chat expresses: text in every role, and images, audio and documents in user messages.
 */
const expressible = fc.oneof(
  blueprintArbitrary({
    contentTypes: ["text"],
    roles: ["system", "developer", "user", "assistant", "tool", "function"],
  }),
  blueprintArbitrary({ contentTypes: ["text", "image_url", "media"], roles: ["user"] }),
)

/** Chat takes audio and documents as inline data only: by URL they are refused. */
function refused(blueprint: PromptBlueprint): boolean {
  const template = blueprint.prompt_template
  const messages =
    template.type === "chat" ? template.messages : [{ role: "user", content: template.content }]
  return messages.some((m) =>
    (m.content ?? []).some(
      (p) =>
        p.type === "media" &&
        isUrl((p as MediaPart).media.url) &&
        !(p as MediaPart).media.type.startsWith("image/"),
    ),
  )
}

type MediaPart = Extract<Content, { type: "media" }>

const isUrl = (value: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(value)

/**
 * `fromRequest(toRequest(b))` for an expressible blueprint, written out (the README's normalisations):
 * - templating fields (`template_format` and `input_variables` of messages, `commit_message`) are not in a
 *   request; the template's `input_variables` come back empty;
 * - a completion template is sent as one user message;
 * - `metadata.model` comes back as `{ provider: "openai", name, api_type: "chat-completions", parameters }`;
 *   the generated parameters are portable ones under their portable names, so they come back as written;
 * - an empty `tools` list is not sent, nor a `tool_choice` without tools;
 * - text parts lose citations and Gemini thought signatures (Chat requests carry neither; warned);
 * - a function message's text parts are joined into one (Chat takes one string);
 * - media parts: an image becomes an `image_url` part (base64 as a `data:` URL); audio comes back as bare
 *   base64 without its title (`input_audio` has none); a document comes back as a `data:` URL named by its
 *   title, or (none or empty) `document.pdf` / `document`.
 */
function expectedBack(blueprint: PromptBlueprint, model: string): PromptBlueprint {
  const template = blueprint.prompt_template
  const messages: Message[] =
    template.type === "chat" ? template.messages : [{ role: "user", content: template.content }]
  const tools = template.type === "chat" && template.tools?.length ? template.tools : undefined
  return {
    prompt_template: {
      type: "chat",
      messages: messages.map(expectedMessage),
      ...(tools && { tools }),
      ...(tools &&
        template.type === "chat" &&
        template.tool_choice != null && { tool_choice: template.tool_choice }),
      input_variables: [],
    },
    metadata: {
      model: {
        provider: "openai",
        name: model,
        parameters: blueprint.metadata?.model?.parameters ?? {},
        api_type: "chat-completions",
      },
    },
  }
}

function expectedMessage(message: Message): Message {
  const { template_format: _format, input_variables: _variables, ...rest } = message
  const content = (message.content ?? []).map(expectedPart)
  if (message.role !== "function") return { ...rest, content } as Message
  return {
    ...rest,
    content: [{ type: "text", text: content.map((p) => (p as { text: string }).text).join("") }],
  } as Message
}

function expectedPart(part: Content): Content {
  if (part.type === "text") return { type: "text", text: (part as { text: string }).text }
  if (part.type !== "media") return part
  const { type, url, title } = (part as MediaPart).media
  if (type.startsWith("image/"))
    return { type: "image_url", image_url: { url: isUrl(url) ? url : `data:${type};base64,${url}` } }
  if (type.startsWith("audio/")) return { type: "media", media: { type, url } }
  return {
    type: "media",
    media: {
      type,
      url: `data:${type};base64,${url}`,
      title: title || (type === "application/pdf" ? "document.pdf" : "document"),
    },
  }
}

const modelOf = (blueprint: PromptBlueprint) => blueprint.metadata?.model?.name ?? "gpt-4o"

describe("openai (Chat Completions) over generated blueprints", () => {
  it("gives back every expressible blueprint, up to the documented normalisation, through a spec-valid request", () => {
    fc.assert(
      fc.property(expressible, (blueprint) => {
        const model = modelOf(blueprint)
        if (refused(blueprint)) {
          expect(() => openai.toRequest(blueprint, { model })).toThrow(UnsupportedFeatureError)
          return
        }
        const request = openai.toRequest(blueprint, { model })
        expect(chatSpecErrors(request)).toEqual([])
        expect(openai.fromRequest(request)).toEqual(expectedBack(blueprint, model))
      }),
      { numRuns: NUM_RUNS },
    )
  })

  it("makes a spec-valid request or throws UnsupportedFeatureError for any blueprint", () => {
    let valid = 0
    fc.assert(
      fc.property(blueprintArbitrary(), (blueprint) => {
        try {
          const request = openai.toRequest(blueprint, { model: modelOf(blueprint) })
          expect(chatSpecErrors(request)).toEqual([])
          valid++
        } catch (error) {
          expect(error).toBeInstanceOf(UnsupportedFeatureError)
        }
      }),
      { numRuns: Math.ceil(NUM_RUNS / 5) },
    )
    // Most generated blueprints convert: the refusals are the exception, not the rule.
    expect(valid).toBeGreaterThan(NUM_RUNS / 20)
  })
})
