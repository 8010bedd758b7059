/**
 * A provider adapter that needs no SDK and no network, following the adapter contract: for the
 * client's own tests (the end-to-end tests use the real adapters and SDKs).
 */
import {
  type Completion,
  isKnownContent,
  makeUsage,
  type PromptBlueprint,
  type ProviderAdapter,
  type SendContext,
} from "@pl/blueprint"

export interface FakeRequest {
  model: string
  messages: { role: string; text: string }[]
  parameters: Record<string, unknown>
  stream: boolean
}
export interface FakeResponse {
  text: string
  input_tokens: number
  output_tokens: number
}
export type FakeChunk = { delta: string } | { usage: { input_tokens: number; output_tokens: number } }

export interface FakeBehaviour {
  response?: FakeResponse
  chunks?: FakeChunk[]
  /** Throw this from send. */
  error?: unknown
  /** Throw `cutError` after this many chunks. */
  cutAfter?: number
  cutError?: unknown
}

export function fakeAdapter(name = "openai") {
  const sent: { request: FakeRequest; context: SendContext | undefined }[] = []
  let behaviour: FakeBehaviour = {}
  let closed = 0
  const adapter: ProviderAdapter<FakeRequest, FakeResponse, FakeChunk> = {
    name,
    toRequest(blueprint: PromptBlueprint, options = {}) {
      const template = blueprint.prompt_template
      const messages =
        template.type === "chat"
          ? template.messages.map((m) => ({
              role: m.role,
              text: ("content" in m ? (m.content ?? []) : [])
                .map((p) =>
                  !isKnownContent(p)
                    ? ""
                    : p.type === "text"
                      ? p.text
                      : p.type === "media"
                        ? `[${p.media.url}]`
                        : "",
                )
                .join(""),
            }))
          : [
              {
                role: "user",
                text: template.content
                  .map((p) => (isKnownContent(p) && p.type === "text" ? p.text : ""))
                  .join(""),
              },
            ]
      return {
        model: options.model ?? blueprint.metadata?.model?.name ?? "none",
        messages,
        parameters: { ...blueprint.metadata?.model?.parameters, ...options.parameters },
        stream: options.stream ?? false,
      }
    },
    fromRequest(request) {
      return {
        prompt_template: {
          type: "chat",
          messages: request.messages.map((m) => ({
            role: "user",
            content: [{ type: "text", text: m.text }],
          })),
        },
        metadata: { model: { provider: name, name: request.model, parameters: request.parameters } },
      }
    },
    fromResponse(response) {
      return {
        message: { role: "assistant", content: [{ type: "text", text: response.text }] },
        usage: makeUsage({ input_tokens: response.input_tokens, output_tokens: response.output_tokens }),
        finish_reason: "stop",
      }
    },
    accumulator() {
      const part = { type: "text" as const, text: "" }
      const completion: Completion = { message: { role: "assistant", content: [part] } }
      return {
        push(chunk) {
          if ("delta" in chunk) part.text += chunk.delta
          else completion.usage = makeUsage(chunk.usage)
          return completion
        },
        result: () => completion,
      }
    },
    async send(request, context) {
      sent.push({ request, context })
      if (behaviour.error !== undefined) throw behaviour.error
      if (!request.stream) return behaviour.response ?? { text: "Hello!", input_tokens: 5, output_tokens: 2 }
      const chunks = behaviour.chunks ?? [{ delta: "Hel" }, { delta: "lo" }, { delta: "!" }]
      const { cutAfter, cutError } = behaviour
      return (async function* () {
        try {
          for (const [i, chunk] of chunks.entries()) {
            if (cutAfter !== undefined && i === cutAfter) throw cutError ?? new Error("socket hang up")
            yield chunk
          }
        } finally {
          closed++
        }
      })()
    },
  }
  return {
    adapter,
    sent,
    behave(next: FakeBehaviour) {
      behaviour = next
    },
    /** How many provider streams were closed (finished, failed or abandoned). */
    closedStreams: () => closed,
  }
}

/** An error shaped like the SDKs' HTTP errors. */
export function providerError(name: string, status: number | undefined, message: string): Error {
  const error = new Error(message)
  error.name = name
  if (status !== undefined) Object.assign(error, { status })
  return error
}
