/**
 * `pnpm bench`: the BARS.md rows for both OpenAI adapters. Each case runs against a baseline in the same
 * process; the harness prints the median ratio.
 */
import type { Content, Message, PromptBlueprint } from "@pl/blueprint"
import { type BenchCase, runBenchmarks } from "@pl/devtools/bench"
import { readChunkLines } from "@pl/devtools/fixtures"
import type { ChatCompletionChunk } from "openai/resources/chat/completions"
import type { ResponseStreamEvent } from "openai/resources/responses/responses"
import { openai, openaiResponses } from "../src/index.js"

// ---- toRequest on a 50-message chat with tools, images and thinking ------------------------------

const IMAGE = `data:image/png;base64,${"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk".repeat(40)}`
const SIGNATURE = `gAAAAABpPDIV${"OKrsHNZ0GwsoEKA_IGfuJ5f8Ma_6-EojH4yZFL50qlfUzM7FREdQlpkqlnIHLRx2YJ".repeat(16)}`

function conversation(): PromptBlueprint {
  const messages: Message[] = [
    { role: "system", content: [{ type: "text", text: "You are a travel assistant." }] },
  ]
  for (let turn = 0; messages.length < 50; turn++) {
    const user: Content[] = [
      { type: "text", text: `Question ${turn}: what should I see in city number ${turn}?` },
    ]
    if (turn % 3 === 0) user.push({ type: "image_url", image_url: { url: IMAGE, detail: "low" } })
    if (turn % 3 === 1) user.push({ type: "image_url", image_url: { url: `https://img.test/${turn}.jpg` } })
    messages.push({ role: "user", content: user })
    messages.push({
      role: "assistant",
      content: [
        {
          type: "thinking",
          thinking: `The user asks about city ${turn}; check the weather first.`,
          id: `rs_${turn}`,
          signature: SIGNATURE,
        },
        { type: "text", text: `Let me look up city ${turn}.`, id: `msg_${turn}` },
      ],
      tool_calls: [
        {
          id: `call_${turn}`,
          type: "function",
          function: { name: "get_weather", arguments: `{"city":"c${turn}"}` },
        },
      ],
    })
    messages.push({
      role: "tool",
      tool_call_id: `call_${turn}`,
      content: [{ type: "text", text: `{"temp":${turn % 30}}` }],
    })
  }
  const parameters = {
    type: "object",
    properties: { city: { type: "string" } },
    required: ["city"],
    additionalProperties: false,
  }
  return {
    prompt_template: {
      type: "chat",
      messages: messages.slice(0, 50),
      tools: ["get_weather", "get_sights", "get_hotels", "book", "cancel"].map((name) => ({
        type: "function" as const,
        function: { name, description: `${name} for a city`, parameters, strict: true },
      })),
      tool_choice: "auto",
    },
    metadata: {
      model: { provider: "openai", name: "gpt-5", parameters: { temperature: 0.7, max_tokens: 1024 } },
    },
  }
}

function toRequestCase(name: string, adapter: typeof openai | typeof openaiResponses): BenchCase {
  const blueprint = conversation()
  const request = adapter.toRequest(blueprint)
  return {
    name: `${name} toRequest, 50-message chat with tools, images, thinking`,
    ours: () => adapter.toRequest(blueprint),
    baseline: () => JSON.stringify(request),
    baselineLabel: "JSON.stringify of the request",
    bar: { max: 1.0 },
  }
}

// ---- stream accumulation, from the recorded chunk shapes ------------------------------------------

const words = ["The", " quick", " brown", " fox", " jumps", " over", " the", " lazy", " dog", "."]

/** `count` text chunks shaped like a recorded one: its line with the delta replaced. */
function textLines(
  folder: string,
  fixture: string,
  isDelta: (chunk: Record<string, unknown>) => boolean,
  withDelta: (chunk: Record<string, unknown>, delta: string) => unknown,
  count: number,
): string[] {
  const line = readChunkLines(folder, fixture).find((l) => isDelta(JSON.parse(l)))!
  return Array.from({ length: count }, (_, i) =>
    JSON.stringify(withDelta(JSON.parse(line), words[i % words.length]!)),
  )
}

function chatLines(count: number): string[] {
  return textLines(
    "openai-chat",
    "openai-text",
    (c) => typeof (c.choices as ChatCompletionChunk.Choice[])[0]?.delta?.content === "string",
    (c, delta) => ({ ...c, choices: [{ ...(c.choices as object[])[0], delta: { content: delta } }] }),
    count,
  )
}

function responsesLines(count: number): string[] {
  const start = readChunkLines("openai-responses", "openai-web-search-tool.1").find((l) =>
    l.includes('"type":"message"'),
  )!
  return [
    start,
    ...textLines(
      "openai-responses",
      "openai-web-search-tool.1",
      (c) => c.type === "response.output_text.delta",
      (c, delta) => ({ ...c, delta }),
      count - 1,
    ),
  ]
}

/**
 * Pushes `count` chunks: the first, then the others in turn. A stream's chunks are parsed one at a time and
 * are garbage once pushed; holding 100,000 parsed chunks alive would time the garbage collector marking
 * them, not the accumulator. So a hundred parsed chunks of the recorded shape stand for the stream.
 */
function accumulate<Chunk>(
  adapter: { accumulator(): { push(chunk: Chunk): { message: { content?: Content[] | null } } } },
  chunks: Chunk[],
  count: number,
): number {
  const acc = adapter.accumulator()
  let length = 0
  for (let i = 0; i < count; i++) {
    const chunk = chunks[i === 0 ? 0 : 1 + ((i - 1) % (chunks.length - 1))]!
    // A snapshot per chunk: the text so far, read from the returned completion.
    length = (acc.push(chunk).message.content?.[0] as { text?: string } | undefined)?.text?.length ?? 0
  }
  return length
}

function streamCases<Chunk>(
  name: string,
  adapter: Parameters<typeof accumulate<Chunk>>[0],
  lines: (count: number) => string[],
): BenchCase[] {
  const lines10k = lines(10_000)
  const chunks = lines10k.slice(0, 100).map((line) => JSON.parse(line) as Chunk)
  return [
    {
      name: `${name} accumulate 10,000 chunks, snapshot per chunk`,
      ours: () => accumulate(adapter, chunks, 10_000),
      baseline: () => {
        for (const line of lines10k) JSON.parse(line)
      },
      baselineLabel: "JSON.parse of the 10,000 chunk lines",
      bar: { max: 1.5 },
    },
    {
      name: `${name} accumulate 100,000 vs 10,000 chunks`,
      ours: () => accumulate(adapter, chunks, 100_000),
      baseline: () => accumulate(adapter, chunks, 10_000),
      baselineLabel: "the same for 10,000 chunks",
      bar: { max: 11 },
    },
  ]
}

/** The floor for the scaling rows: appending the same words to a string, with nothing else. */
function appendWords(count: number): number {
  const part = { text: "" }
  for (let i = 0; i < count; i++) part.text += words[i % words.length]
  return part.text.length
}

runBenchmarks(
  "@pl/provider-openai",
  [
    toRequestCase("openai", openai),
    toRequestCase("openaiResponses", openaiResponses),
    ...streamCases<ChatCompletionChunk>("openai", openai, chatLines),
    ...streamCases<ResponseStreamEvent>("openaiResponses", openaiResponses, responsesLines),
    {
      name: "reference: string += alone, 100,000 vs 10,000 words",
      ours: () => appendWords(100_000),
      baseline: () => appendWords(10_000),
      baselineLabel: "the same for 10,000 words",
    },
    // More rounds than the default 7: on a shared 2-core machine the scaling ratio swings by ±3 from round to round.
  ],
  { rounds: 15 },
)
