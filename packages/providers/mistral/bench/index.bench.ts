// The BARS.md rows for @pl/provider-mistral: conversion against JSON.stringify of its result, stream
// accumulation against JSON.parse of the same chunks, and linear scaling of accumulation.

import type { Message, PromptBlueprint } from "@pl/blueprint"
import { runBenchmarks } from "@pl/devtools/bench"
import { readChunks } from "@pl/devtools/fixtures"
import { mistral } from "../src/index.js"

// A 50-message chat with tools, images and thinking.
const messages: Message[] = Array.from({ length: 50 }, (_, i): Message => {
  if (i === 0) return { role: "system", content: [{ type: "text", text: "You are a careful assistant." }] }
  if (i % 3 === 1)
    return {
      role: "user",
      content: [
        { type: "text", text: `Question ${i}: what is in this picture?` },
        { type: "image_url", image_url: { url: `https://example.com/${i}.png`, detail: "auto" } },
      ],
    }
  if (i % 3 === 2)
    return {
      role: "assistant",
      content: [
        {
          type: "thinking",
          thinking: "Let me look at the picture carefully.",
          signature: "EqQBCkYIARgCIkA".repeat(4),
        },
        { type: "text", text: `Answer ${i}: a cat on a sofa.` },
      ],
      tool_calls: [
        { id: `call${i}abc`, type: "function", function: { name: "lookup", arguments: '{"q":"cat"}' } },
      ],
    }
  return {
    role: "tool",
    tool_call_id: `call${i - 1}abc`,
    content: [{ type: "text", text: '{"found":true}' }],
  }
})
const blueprint: PromptBlueprint = {
  prompt_template: {
    type: "chat",
    messages,
    tools: [
      {
        type: "function",
        function: { name: "lookup", parameters: { type: "object", properties: { q: { type: "string" } } } },
      },
    ],
    input_variables: [],
  },
  metadata: {
    model: { provider: "mistral", name: "pixtral-large-latest", parameters: { temperature: 0.3 } },
  },
}
const request = mistral.toRequest(blueprint)

// Text streams in the shape of a recorded Mistral stream (mistral-text.chunks.txt): its first chunk, then
// one word per chunk, then its last chunk (finish reason and usage). In a real stream each chunk arrives
// freshly parsed, hot in the CPU cache; a pre-built array of 100,000 distinct objects would measure the memory
// hierarchy instead (on this machine a bare loop reading one field of each object is ~28x slower at 100,000
// than at 10,000). So the word chunks cycle through a pool of 100 distinct objects.
const recorded = readChunks("mistral", "mistral-text") as { choices: { delta: object }[] }[]
const first = recorded[0] as object
const last = recorded.at(-1) as object
const shape = recorded[1] as { choices: { delta: object }[] }
const pool = Array.from({ length: 100 }, (_, i) => ({
  ...shape,
  choices: [{ ...shape.choices[0], delta: { content: `word${i} ` } }],
}))
const chunkAt = (i: number, n: number): object =>
  i === 0 ? first : i === n - 1 ? last : (pool[i % 100] as object)
const lines = Array.from({ length: 10_000 }, (_, i) => JSON.stringify(chunkAt(i, 10_000)))

function accumulate(n: number): number {
  const acc = mistral.accumulator()
  let length = 0
  for (let i = 0; i < n; i++) {
    // A snapshot per chunk: read the text from the completion each push returns.
    const part = acc.push(chunkAt(i, n) as Parameters<typeof acc.push>[0]).message.content?.[0]
    if (part?.type === "text") length = (part.text as string).length
  }
  return length
}

runBenchmarks("@pl/provider-mistral", [
  {
    name: "toRequest, 50-message chat with tools, images and thinking",
    ours: () => mistral.toRequest(blueprint),
    baseline: () => JSON.stringify(request),
    baselineLabel: "JSON.stringify of the request",
    bar: { max: 1.0 },
  },
  {
    name: "accumulate a 10,000-chunk text stream, snapshot per chunk",
    ours: () => accumulate(10_000),
    baseline: () => lines.map((line) => JSON.parse(line)),
    baselineLabel: "JSON.parse of the same 10,000 chunk lines",
    bar: { max: 1.5 },
  },
  {
    name: "accumulate 100,000 chunks vs 10,000 chunks",
    ours: () => accumulate(100_000),
    baseline: () => accumulate(10_000),
    baselineLabel: "accumulating 10,000 chunks",
    bar: { max: 11 },
  },
])
