// The BARS.md rows for @pl/provider-anthropic: conversion against JSON.stringify of its result, stream
// accumulation against JSON.parse of the same events, and linear scaling of accumulation.

import type { RawMessageStreamEvent } from "@anthropic-ai/sdk/resources/messages"
import type { Message, PromptBlueprint } from "@pl/blueprint"
import { runBenchmarks } from "@pl/devtools/bench"
import { readChunks } from "@pl/devtools/fixtures"
import { anthropic } from "../src/index.js"

const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="

// A 50-message chat: a system prompt, then user turns with an image, assistant turns with signed
// thinking, text and a tool call, and the tool results.
const messages: Message[] = Array.from({ length: 50 }, (_, i): Message => {
  if (i === 0)
    return { role: "system", content: [{ type: "text", text: "You describe pictures precisely." }] }
  if (i % 3 === 1)
    return {
      role: "user",
      content: [
        { type: "text", text: `Picture ${i}: what is in it?` },
        {
          type: "image_url",
          image_url: { url: i % 2 ? `https://example.com/${i}.png` : `data:image/png;base64,${PNG}` },
        },
      ],
    }
  if (i % 3 === 2)
    return {
      role: "assistant",
      content: [
        {
          type: "thinking",
          thinking: "The picture shows an animal; check the catalogue.",
          signature: "EqQBCkYIARgCIkA".repeat(8),
        },
        { type: "text", text: `Looking up picture ${i}.` },
      ],
      tool_calls: [
        { id: `toolu_${i}`, type: "function", function: { name: "catalogue", arguments: '{"query":"cat"}' } },
      ],
    }
  return {
    role: "tool",
    tool_call_id: `toolu_${i - 1}`,
    content: [{ type: "text", text: '{"found":"a cat"}' }],
  }
})
const blueprint: PromptBlueprint = {
  prompt_template: {
    type: "chat",
    messages,
    tools: [
      {
        type: "function",
        function: {
          name: "catalogue",
          parameters: { type: "object", properties: { query: { type: "string" } } },
        },
      },
    ],
  },
  metadata: { model: { provider: "anthropic", name: "claude-sonnet-5-5", parameters: { max_tokens: 2048 } } },
}
const request = anthropic.toRequest(blueprint)

// A text stream in the shape of the recorded anthropic-text stream: its message_start and
// content_block_start, then text deltas, then its message_delta. Each delta comes from a pool of 100
// distinct events: a real stream's events arrive freshly parsed and hot in the CPU cache, while 100,000
// pre-built distinct objects would time memory traffic rather than the accumulator.
const recorded = readChunks("anthropic", "anthropic-text") as RawMessageStreamEvent[]
const head = recorded.slice(0, 2)
const last = recorded.find((event) => event.type === "message_delta") as RawMessageStreamEvent
const shape = recorded.find((event) => event.type === "content_block_delta") as RawMessageStreamEvent
const pool = Array.from(
  { length: 100 },
  (_, i) => ({ ...shape, delta: { type: "text_delta", text: `word${i} ` } }) as RawMessageStreamEvent,
)
const eventAt = (i: number, n: number) =>
  (i < 2 ? head[i] : i === n - 1 ? last : pool[i % 100]) as RawMessageStreamEvent
const lines = Array.from({ length: 10_000 }, (_, i) => JSON.stringify(eventAt(i, 10_000)))

function accumulate(n: number): number {
  const acc = anthropic.accumulator()
  let length = 0
  for (let i = 0; i < n; i++) {
    // A snapshot per event: read the text from the completion each push returns.
    const part = acc.push(eventAt(i, n)).message.content?.[0]
    if (part?.type === "text") length = (part.text as string).length
  }
  return length
}

runBenchmarks("@pl/provider-anthropic", [
  {
    name: "toRequest, 50-message chat with tools, images and thinking",
    ours: () => anthropic.toRequest(blueprint),
    baseline: () => JSON.stringify(request),
    baselineLabel: "JSON.stringify of the request",
    bar: { max: 1.0 },
  },
  {
    name: "accumulate a 10,000-event text stream, snapshot per event",
    ours: () => accumulate(10_000),
    baseline: () => lines.map((line) => JSON.parse(line)),
    baselineLabel: "JSON.parse of the same 10,000 event lines",
    bar: { max: 1.5 },
  },
  {
    name: "accumulate 100,000 events vs 10,000 events",
    ours: () => accumulate(100_000),
    baseline: () => accumulate(10_000),
    baselineLabel: "accumulating 10,000 events",
    bar: { max: 11 },
  },
])
