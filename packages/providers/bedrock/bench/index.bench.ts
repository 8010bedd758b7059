/**
 * `pnpm bench`: the BARS.md rows for the Bedrock adapter. Each case runs against a baseline in the same
 * process; the harness prints the median ratio.
 */
import type { ConverseStreamOutput } from "@aws-sdk/client-bedrock-runtime"
import type { Content, Message, PromptBlueprint } from "@pl/blueprint"
import { type BenchCase, runBenchmarks } from "@pl/devtools/bench"
import { readChunkLines } from "@pl/devtools/fixtures"
import { bedrock } from "../src/index.js"

// ---- toRequest on a 50-message chat with tools, images and thinking ------------------------------

const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk".repeat(40)
const SIGNATURE = "EqQBCkgIARABGAIiQGy3sC0kYzQbC9Wr1CnnwDRd0Q8KkGBq2wZyk0UR6xGzJrUNbDBB".repeat(8)

function conversation(): PromptBlueprint {
  const messages: Message[] = [
    { role: "system", content: [{ type: "text", text: "You are a travel assistant." }] },
  ]
  for (let turn = 0; messages.length < 50; turn++) {
    const user: Content[] = [
      { type: "text", text: `Question ${turn}: what should I see in city number ${turn}?` },
    ]
    if (turn % 3 === 0) user.push({ type: "image_url", image_url: { url: `data:image/png;base64,${PNG}` } })
    if (turn % 3 === 1) user.push({ type: "image_url", image_url: { url: `s3://travel-photos/${turn}.jpg` } })
    messages.push({ role: "user", content: user })
    messages.push({
      role: "assistant",
      content: [
        {
          type: "thinking",
          thinking: `The user asks about city ${turn}; check the weather first.`,
          signature: SIGNATURE,
        },
        { type: "text", text: `Let me look up city ${turn}.` },
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
  const parameters = { type: "object", properties: { city: { type: "string" } }, required: ["city"] }
  return {
    prompt_template: {
      type: "chat",
      messages: messages.slice(0, 50),
      tools: ["get_weather", "get_sights", "get_hotels", "book", "cancel"].map((name) => ({
        type: "function" as const,
        function: { name, description: `${name} for a city`, parameters },
      })),
      tool_choice: "auto",
    },
    metadata: {
      model: {
        provider: "amazon.bedrock",
        name: "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
        parameters: { temperature: 0.7, max_tokens: 1024 },
      },
    },
  }
}

const blueprint = conversation()
const request = bedrock.toRequest(blueprint)
// What the SDK does with the request anyway: it writes each blob (image bytes) as base64, with Node's
// Buffer as @smithy/util-base64 does, and the rest as JSON. The baseline does both: it encodes the blobs,
// and stringifies the request with base64 text in their place.
const blobs: Uint8Array[] = []
const wire = JSON.parse(
  JSON.stringify(request, (_key, value) => {
    if (!(value instanceof Uint8Array)) return value
    blobs.push(value)
    return Buffer.from(value).toString("base64")
  }),
)

const toRequestCase: BenchCase = {
  name: "toRequest, 50-message chat with tools, images, thinking",
  ours: () => bedrock.toRequest(blueprint),
  baseline: () => {
    for (const blob of blobs) Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength).toString("base64")
    return JSON.stringify(wire)
  },
  baselineLabel: "the SDK's work: blobs to base64, JSON.stringify",
  bar: { max: 1.0 },
}

// ---- stream accumulation, from the recorded chunk shape --------------------------------------------

const words = ["The", " quick", " brown", " fox", " jumps", " over", " the", " lazy", " dog", "."]

/** `count` ConverseStream lines: the recorded `messageStart`, then text deltas shaped like the recorded one. */
function textLines(count: number): string[] {
  const recorded = readChunkLines("bedrock", "amazon-bedrock-text")
  const delta = JSON.parse(recorded.find((line) => line.includes('"text"'))!) as ConverseStreamOutput
  const lines = [recorded[0]!]
  for (let i = 1; i < count; i++) {
    const event = structuredClone(delta)
    event.contentBlockDelta!.delta = { text: words[i % words.length]! }
    lines.push(JSON.stringify(event))
  }
  return lines
}

/**
 * Pushes `count` events: the first, then the others in turn. A stream's events are parsed one at a time and
 * are garbage once pushed; holding 100,000 parsed events alive would time the garbage collector marking
 * them, not the accumulator. So a hundred parsed events of the recorded shape stand for the stream.
 */
function accumulate(events: ConverseStreamOutput[], count: number): number {
  const accumulator = bedrock.accumulator()
  let length = 0
  for (let i = 0; i < count; i++) {
    const event = events[i === 0 ? 0 : 1 + ((i - 1) % (events.length - 1))]!
    // A snapshot per event: the text so far, read from the returned completion.
    length =
      (accumulator.push(event).message.content?.[0] as { text?: string } | undefined)?.text?.length ?? 0
  }
  return length
}

/** The floor for the scaling row: appending the same words to a string, with nothing else. */
function appendWords(count: number): number {
  const part = { text: "" }
  for (let i = 0; i < count; i++) part.text += words[i % words.length]
  return part.text.length
}

const lines10k = textLines(10_000)
const events = lines10k.slice(0, 100).map((line) => JSON.parse(line) as ConverseStreamOutput)

runBenchmarks(
  "@pl/provider-bedrock",
  [
    toRequestCase,
    {
      name: "accumulate 10,000 events, snapshot per event",
      ours: () => accumulate(events, 10_000),
      baseline: () => {
        for (const line of lines10k) JSON.parse(line)
      },
      baselineLabel: "JSON.parse of the 10,000 event lines",
      bar: { max: 1.5 },
    },
    {
      name: "accumulate 100,000 vs 10,000 events",
      ours: () => accumulate(events, 100_000),
      baseline: () => accumulate(events, 10_000),
      baselineLabel: "the same for 10,000 events",
      bar: { max: 11 },
    },
    {
      name: "reference: string += alone, 100,000 vs 10,000 words",
      ours: () => appendWords(100_000),
      baseline: () => appendWords(10_000),
      baselineLabel: "the same for 10,000 words",
    },
  ],
  // More rounds than the default 7: on a shared 2-core machine the scaling ratio swings from round to round.
  { rounds: 15 },
)
