// The BARS.md rows for @pl/provider-cohere: conversion against JSON.stringify of its result, stream
// accumulation against JSON.parse of the same events, and linear scaling of accumulation.

import type { Message, PromptBlueprint } from "@pl/blueprint"
import { runBenchmarks } from "@pl/devtools/bench"
import { readChunks } from "@pl/devtools/fixtures"
import { type CohereChunk, cohere } from "../src/index.js"

// A 50-message chat: a system prompt, then users with images, assistants thinking and calling a tool (their
// text is the tool plan), and tool results.
const messages: Message[] = Array.from({ length: 50 }, (_, i): Message => {
  if (i === 0)
    return { role: "system", content: [{ type: "text", text: "You answer questions about pictures." }] }
  if (i % 3 === 1)
    return {
      role: "user",
      content: [
        { type: "text", text: `Picture ${i}: what is in it?` },
        { type: "image_url", image_url: { url: `https://example.com/pictures/${i}.png`, detail: "low" } },
      ],
    }
  if (i % 3 === 2)
    return {
      role: "assistant",
      content: [
        { type: "thinking", thinking: "The user wants the objects in the picture; the detector lists them." },
        { type: "text", text: `I will run the detector on picture ${i - 1}.` },
      ],
      tool_calls: [
        {
          id: `detect_${i}`,
          type: "function",
          function: { name: "detect", arguments: `{"picture":${i - 1}}` },
        },
      ],
    }
  return {
    role: "tool",
    tool_call_id: `detect_${i - 1}`,
    content: [{ type: "text", text: '{"objects":["cat"]}' }],
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
          name: "detect",
          description: "Lists the objects in a picture",
          parameters: { type: "object", properties: { picture: { type: "integer" } }, required: ["picture"] },
        },
      },
    ],
    input_variables: [],
  },
  metadata: {
    model: { provider: "cohere", name: "command-a-vision-07-2025", parameters: { temperature: 0.3 } },
  },
}
const request = cohere.toRequest(blueprint)

// Text streams shaped like the recorded cohere-text stream: its message-start and content-start, one
// content-delta per word, then its content-end and message-end (finish reason and usage). A stream's events
// arrive one at a time, freshly parsed and in cache; 100,000 distinct pre-built objects would measure memory
// instead, so the deltas cycle through 100 distinct objects.
const recorded = readChunks("cohere", "cohere-text") as CohereChunk[]
const head = recorded.slice(0, 2)
const tail = recorded.slice(-2)
const index = (recorded[2] as { index: number }).index
const pool: CohereChunk[] = Array.from({ length: 100 }, (_, i) => ({
  type: "content-delta",
  index,
  delta: { message: { content: { text: ` word${i}` } } },
}))
const eventAt = (i: number, n: number): CohereChunk =>
  i < 2
    ? (head[i] as CohereChunk)
    : i >= n - 2
      ? (tail[i - n + 2] as CohereChunk)
      : (pool[i % 100] as CohereChunk)
const lines = Array.from({ length: 10_000 }, (_, i) => JSON.stringify(eventAt(i, 10_000)))

function accumulate(n: number): number {
  const acc = cohere.accumulator()
  let length = 0
  for (let i = 0; i < n; i++) {
    // A snapshot per event: read the text from the completion each push returns.
    const part = acc.push(eventAt(i, n)).message.content?.[0]
    if (part?.type === "text") length = (part.text as string).length
  }
  return length
}

runBenchmarks("@pl/provider-cohere", [
  {
    name: "toRequest, 50-message chat with tools, images and thinking",
    ours: () => cohere.toRequest(blueprint),
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
