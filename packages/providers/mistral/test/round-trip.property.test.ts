/**
 * Property tests over generated blueprints (fast-check, @pl/blueprint/testing): every request `toRequest`
 * builds passes the SDK's own validation and the OpenAPI spec, and `fromRequest(toRequest(b))` equals `b`
 * up to the normalisation written out in `normalise` below.
 */
import {
  type Content,
  type Message,
  mediaKind,
  mimeTypeFromBase64,
  type PromptBlueprint,
  UnsupportedFeatureError,
} from "@pl/blueprint"
import { blueprintArbitrary } from "@pl/blueprint/testing"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { mistral } from "../src/index.js"
import { sdkWireBody, specErrors } from "./helpers.js"

const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 10_000)
// Each run passes the request through the SDK's own zod validation (~1 ms): 10,000 runs take ~12 s on an idle
// 2-core machine, more when it is shared, hence a timeout above vitest's default.
const TIMEOUT_MS = 120_000
const FALLBACK_MODEL = "mistral-small-latest"

/** `toRequest` with the model a generated blueprint may lack. */
function convert(blueprint: PromptBlueprint, stream: boolean) {
  return mistral.toRequest(blueprint, {
    stream,
    ...(blueprint.metadata?.model?.name ? {} : { model: FALLBACK_MODEL }),
  })
}

/**
 * What `fromRequest(toRequest(b))` gives for a blueprint of text, thinking, image and media parts — the
 * README's documented normalisations, one by one:
 * - templating fields (`input_variables`, `template_format`) and `commit_message` are not part of a request;
 * - the provider becomes `mistral`; empty parameters disappear;
 * - a completion template becomes one user message;
 * - `developer` becomes `system`; names on system, user and assistant messages are not sent;
 * - a system message keeps only its text and thinking parts;
 * - text parts keep only their text (Gemini thought signatures and citations are not sent);
 * - media: an image becomes an `image_url` part (base64 as a data URL of its type); a document stays media
 *   with its data as a data URL and its type read back from the data URL, else `application/pdf`; audio
 *   stays media with bare base64 and its type read from the bytes, else `audio/wav` (its title is not sent);
 * - a tool result without a name gets the name of the call it answers, when an earlier message made it;
 * - the last message, if it is the assistant's, gets `prefix: true`.
 */
function normalise(blueprint: PromptBlueprint): PromptBlueprint {
  const template = blueprint.prompt_template
  const source: Message[] =
    template.type === "completion" ? [{ role: "user", content: template.content }] : template.messages
  const calledNames = new Map<string, string>()
  const messages = source.map((message, i): Message => {
    switch (message.role) {
      case "system":
      case "developer":
        return {
          role: "system",
          content: message.content
            .filter((p) => p.type === "text" || p.type === "thinking")
            .map(normalisePart),
        }
      case "user":
        return { role: "user", content: message.content.map(normalisePart) }
      case "assistant": {
        const out: Message = { role: "assistant", content: (message.content ?? []).map(normalisePart) }
        if (message.tool_calls) {
          out.tool_calls = message.tool_calls.map((c) => ({ id: c.id, type: c.type, function: c.function }))
          for (const c of message.tool_calls) calledNames.set(c.id, c.function.name)
        }
        if (i === source.length - 1) out.prefix = true
        return out
      }
      case "tool": {
        const name = message.name ?? calledNames.get(message.tool_call_id)
        return {
          role: "tool",
          content: message.content.map(normalisePart),
          tool_call_id: message.tool_call_id,
          ...(name !== undefined ? { name } : {}),
        }
      }
      case "function":
        return { role: "function", content: message.content.map(normalisePart), name: message.name }
      default:
        throw new Error(`not generated: ${message.role}`)
    }
  })
  const chat: PromptBlueprint["prompt_template"] = { type: "chat", messages }
  if (template.type === "chat") {
    if (template.tools) chat.tools = template.tools
    if (template.tool_choice) chat.tool_choice = template.tool_choice
  }
  const parameters = blueprint.metadata?.model?.parameters
  return {
    prompt_template: chat,
    metadata: {
      model: {
        provider: "mistral",
        name: blueprint.metadata?.model?.name ?? FALLBACK_MODEL,
        ...(parameters && Object.keys(parameters).length > 0 ? { parameters } : {}),
      },
    },
  }
}

function normalisePart(part: Content): Content {
  switch (part.type) {
    case "text":
      return { type: "text", text: part.text as string }
    case "thinking":
      return part.signature != null
        ? { type: "thinking", thinking: part.thinking as string, signature: part.signature as string }
        : { type: "thinking", thinking: part.thinking as string }
    case "media": {
      const media = part.media as { type: string; url: string; title?: string }
      const isUrl = media.url.startsWith("http")
      const kind = mediaKind(media.type)
      if (kind === "image")
        return {
          type: "image_url",
          image_url: { url: isUrl ? media.url : `data:${media.type};base64,${media.url}` },
        }
      if (kind === "audio") {
        const type = (isUrl ? undefined : mimeTypeFromBase64(media.url)) ?? "audio/wav"
        return { type: "media", media: { type, url: media.url } }
      }
      const url = isUrl ? media.url : `data:${media.type};base64,${media.url}`
      const type = isUrl ? "application/pdf" : media.type
      return {
        type: "media",
        media: media.title !== undefined ? { title: media.title, type, url } : { type, url },
      }
    }
    default:
      return part
  }
}

/** The request passes the SDK's validation (its outbound zod schema) and, as sent, the OpenAPI spec. */
function expectValid(request: ReturnType<typeof mistral.toRequest>) {
  const body = sdkWireBody(request)
  expect(specErrors(body)).toEqual([])
}

describe("properties over generated blueprints", () => {
  it(
    `round-trips blueprints Mistral can express (${NUM_RUNS} runs)`,
    () => {
      const arbitrary = blueprintArbitrary({
        contentTypes: ["text", "thinking", "image_url", "media"],
        roles: ["system", "developer", "user", "assistant", "tool", "function"],
      })
      fc.assert(
        fc.property(arbitrary, fc.boolean(), (blueprint, stream) => {
          const request = convert(blueprint, stream)
          expectValid(request)
          expect(mistral.fromRequest(request)).toEqual(normalise(blueprint))
        }),
        { numRuns: NUM_RUNS },
      )
    },
    TIMEOUT_MS,
  )

  const anyRuns = Math.max(1, Math.round(NUM_RUNS / 5))
  it(
    `gives a valid request or an UnsupportedFeatureError for any blueprint (${anyRuns} runs)`,
    () => {
      let thrown = 0
      let valid = 0
      fc.assert(
        fc.property(blueprintArbitrary({ roles: [...ALL_ROLES] }), fc.boolean(), (blueprint, stream) => {
          let request: ReturnType<typeof mistral.toRequest>
          try {
            request = convert(blueprint, stream)
          } catch (error) {
            expect(error).toBeInstanceOf(UnsupportedFeatureError)
            thrown++
            return
          }
          expectValid(request)
          valid++
        }),
        { numRuns: anyRuns },
      )
      // Both outcomes occur: placeholders and media variables are generated often enough to throw, and most
      // blueprints convert (with warnings for what Mistral cannot hold).
      if (anyRuns >= 100) {
        expect(thrown).toBeGreaterThan(0)
        expect(valid).toBeGreaterThan(thrown)
      }
    },
    TIMEOUT_MS,
  )
})

const ALL_ROLES = ["system", "developer", "user", "assistant", "tool", "function", "placeholder"] as const
