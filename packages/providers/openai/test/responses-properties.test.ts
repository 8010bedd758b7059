/**
 * Properties of the Responses API adapter over generated blueprints (fast-check, `FC_NUM_RUNS` cases,
 * 10,000 by default).
 */
import {
  type Content,
  type Message,
  type PromptBlueprint,
  type Tool,
  UnsupportedFeatureError,
} from "@pl/blueprint"
import { blueprintArbitrary } from "@pl/blueprint/testing"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { openaiResponses } from "../src/index.js"
import { responsesSpecErrors } from "./spec.js"

const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 10_000)

/**
 * What the Responses API expresses: text in every role but the legacy function one; images and documents
 * in user messages; and on the assistant side reasoning, MCP, shell and apply_patch items. OpenAI replays
 * reasoning and output messages by their item ids, which the shared arbitrary does not generate: they are
 * added (every thinking part, every other text part).
 */
const expressible = fc.oneof(
  {
    weight: 2,
    arbitrary: blueprintArbitrary({
      contentTypes: ["text"],
      roles: ["system", "developer", "user", "assistant", "tool"],
    }),
  },
  {
    weight: 2,
    arbitrary: blueprintArbitrary({ contentTypes: ["text", "image_url", "media"], roles: ["user"] }),
  },
  // Assistant-side items are a fifth of the cases: the spec's wide item union makes them the slowest to check.
  {
    weight: 1,
    arbitrary: blueprintArbitrary({
      contentTypes: [
        "text",
        "thinking",
        "mcp_list_tools",
        "mcp_call",
        "mcp_approval_request",
        "mcp_approval_response",
        "shell_call",
        "apply_patch_call",
        "apply_patch_call_output",
      ],
      roles: ["assistant"],
      chatOnly: true,
    }).map(withItemIds),
  },
)

function withItemIds(blueprint: PromptBlueprint): PromptBlueprint {
  const template = blueprint.prompt_template
  if (template.type !== "chat") return blueprint
  const messages = template.messages.map((message, i) => ({
    ...message,
    content: message.content?.map((part, j) =>
      part.type === "thinking"
        ? { ...part, id: `rs_${i}_${j}` }
        : part.type === "text" && j % 2 === 0
          ? { ...part, id: `msg_${i}_${j}` }
          : part,
    ),
  })) as Message[]
  return { ...blueprint, prompt_template: { ...template, messages } }
}

/** The Responses API takes no audio or video input. */
function refused(blueprint: PromptBlueprint): boolean {
  return messagesOf(blueprint).some((m) =>
    (m.content ?? []).some((p) => p.type === "media" && /^(audio|video)\//.test((p as MediaPart).media.type)),
  )
}

type MediaPart = Extract<Content, { type: "media" }>
type TextPart = Extract<Content, { type: "text" }>

const isUrl = (value: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(value)

function messagesOf(blueprint: PromptBlueprint): Message[] {
  const template = blueprint.prompt_template
  return template.type === "chat" ? template.messages : [{ role: "user", content: template.content }]
}

/**
 * `fromRequest(toRequest(b))` for an expressible blueprint, written out (the README's normalisations):
 * - templating fields are not in a request; the template's `input_variables` come back empty; a completion
 *   template is sent as one user message;
 * - `metadata.model` comes back with `api_type: "responses"`; `max_tokens` is at least 16 (the API's
 *   minimum); `stop` and `seed`, which the Responses API lacks, are dropped (warned);
 * - an empty `tools` list is not sent, nor a `tool_choice` without tools; function tools are sent
 *   `strict: false` unless the blueprint says otherwise (the API's own default is strict);
 * - input messages have no `name`; input text carries no citations or Gemini signatures (warned);
 * - images come back as `image_url` parts with `detail` (`auto` by default); a document sent inline comes
 *   back as a `data:` URL named by its title (if none or empty, `document.pdf` / `document`), one sent by
 *   URL with the type its extension names (else `application/octet-stream`) and its title if not empty;
 * - assistant text keeps its citations (those with every field OpenAI requires) only with its item id;
 * - `apply_patch_call` and its output get `status: "completed"` when they have none;
 * - consecutive assistant messages are one assistant turn in `input`, so they come back as one message.
 */
function expectedBack(blueprint: PromptBlueprint, model: string): PromptBlueprint {
  const template = blueprint.prompt_template
  const tools =
    template.type === "chat" && template.tools?.length ? template.tools.map(expectedTool) : undefined
  const { stop: _stop, seed: _seed, ...parameters } = blueprint.metadata?.model?.parameters ?? {}
  if (typeof parameters.max_tokens === "number") parameters.max_tokens = Math.max(16, parameters.max_tokens)
  return {
    prompt_template: {
      type: "chat",
      messages: mergeAssistants(messagesOf(blueprint).map(expectedMessage)),
      ...(tools && { tools }),
      ...(tools &&
        template.type === "chat" &&
        template.tool_choice != null && { tool_choice: template.tool_choice }),
      input_variables: [],
    },
    metadata: { model: { provider: "openai", name: model, parameters, api_type: "responses" } },
  }
}

function expectedTool(tool: Tool): Tool {
  if (tool.type !== "function") return tool
  const fn = (tool as Extract<Tool, { type: "function" }>).function
  return { type: "function", function: { ...fn, strict: fn.strict ?? false } }
}

function expectedMessage(message: Message): Message {
  const { template_format: _format, input_variables: _variables, name, ...rest } = message
  const content = (message.content ?? []).map((part) => expectedPart(part, message.role))
  return { ...rest, ...(message.role === "assistant" && name && { name }), content } as Message
}

function expectedPart(part: Content, role: Message["role"]): Content {
  switch (part.type) {
    case "text": {
      const { text, id, annotations } = part as TextPart
      if (role !== "assistant" || !id) return { type: "text", text }
      const kept = (annotations ?? []).flatMap((a) => {
        const { type, url, title, start_index, end_index } = a as Record<string, unknown>
        return title != null && start_index != null && end_index != null
          ? [{ type, url, title, start_index, end_index }]
          : []
      })
      return { type: "text", text, id, ...(kept.length > 0 && { annotations: kept }) } as Content
    }
    case "image_url": {
      const { url, detail } = (part as Extract<Content, { type: "image_url" }>).image_url
      return { type: "image_url", image_url: { url, detail: detail ?? "auto" } }
    }
    case "media": {
      const { type, url, title } = (part as MediaPart).media
      if (type.startsWith("image/"))
        return {
          type: "image_url",
          image_url: { url: isUrl(url) ? url : `data:${type};base64,${url}`, detail: "auto" },
        }
      if (isUrl(url))
        return {
          type: "media",
          media: { type: "application/octet-stream", url, ...(title && { title }) },
        }
      return {
        type: "media",
        media: {
          type,
          url: `data:${type};base64,${url}`,
          title: title || (type === "application/pdf" ? "document.pdf" : "document"),
        },
      }
    }
    case "apply_patch_call":
    case "apply_patch_call_output":
      return { status: "completed", ...part }
    default:
      return part
  }
}

function mergeAssistants(messages: Message[]): Message[] {
  const out: Message[] = []
  for (const message of messages) {
    const previous = out.at(-1)
    if (message.role !== "assistant" || previous?.role !== "assistant") {
      out.push(message)
      continue
    }
    const calls = [...(previous.tool_calls ?? []), ...(message.tool_calls ?? [])]
    out[out.length - 1] = {
      role: "assistant",
      content: [...(previous.content ?? []), ...(message.content ?? [])],
      ...(calls.length > 0 && { tool_calls: calls }),
    }
  }
  return out
}

const modelOf = (blueprint: PromptBlueprint) => blueprint.metadata?.model?.name ?? "gpt-5"

describe("openaiResponses over generated blueprints", () => {
  it("gives back every expressible blueprint, up to the documented normalisation, through a spec-valid request", () => {
    fc.assert(
      fc.property(expressible, (blueprint) => {
        const model = modelOf(blueprint)
        if (refused(blueprint)) {
          expect(() => openaiResponses.toRequest(blueprint, { model })).toThrow(UnsupportedFeatureError)
          return
        }
        const request = openaiResponses.toRequest(blueprint, { model })
        expect(responsesSpecErrors(request)).toEqual([])
        expect(openaiResponses.fromRequest(request)).toEqual(expectedBack(blueprint, model))
      }),
      { numRuns: NUM_RUNS },
    )
  })

  it("makes a spec-valid request or throws UnsupportedFeatureError for any blueprint", () => {
    let valid = 0
    fc.assert(
      fc.property(blueprintArbitrary(), (blueprint) => {
        try {
          const request = openaiResponses.toRequest(blueprint, { model: modelOf(blueprint) })
          expect(responsesSpecErrors(request)).toEqual([])
          valid++
        } catch (error) {
          expect(error).toBeInstanceOf(UnsupportedFeatureError)
        }
      }),
      { numRuns: Math.ceil(NUM_RUNS / 5) },
    )
    expect(valid).toBeGreaterThan(NUM_RUNS / 50)
  })
})
