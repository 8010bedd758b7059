// The BARS.md rows for @pl/provider-google: conversion against JSON.stringify of its result, stream
// accumulation against JSON.parse of the same chunks, and linear scaling of accumulation.

import type { GenerateContentResponse } from "@google/genai"
import type { Message, PromptBlueprint } from "@pl/blueprint"
import { runBenchmarks } from "@pl/devtools/bench"
import { readChunks } from "@pl/devtools/fixtures"
import { google } from "../src/index.js"

const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
const SIGNATURE = "EqQBCkYIARgCIkA".repeat(8)

// A 50-message chat: a system prompt, then user turns with an image, model turns with signed thinking,
// text and a signed function call, and the function results.
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
          signature: SIGNATURE,
        },
        { type: "text", text: `Looking up picture ${i}.` },
      ],
      tool_calls: [
        {
          id: `call_${i}`,
          type: "function",
          function: { name: "catalogue", arguments: '{"query":"cat"}' },
          provider_metadata: { thought_signature: SIGNATURE },
        },
      ],
    }
  return {
    role: "tool",
    tool_call_id: `call_${i - 1}`,
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
      { type: "google_search" },
    ],
  },
  metadata: { model: { provider: "google", name: "gemini-2.5-flash", parameters: { max_tokens: 2048 } } },
}
const request = google.toRequest(blueprint)

// A text stream in the shape of the recorded google-text stream (every chunk a whole
// GenerateContentResponse with usage, model version and response id), ending with its last chunk (the
// empty text with the signature, and the finish reason). Each chunk comes from a pool of 100 distinct
// chunks: a real stream's chunks arrive freshly parsed and hot in the CPU cache, while 100,000 pre-built
// distinct objects would time memory traffic rather than the accumulator.
const recorded = readChunks("google", "google-text") as GenerateContentResponse[]
const shape = recorded[0]!
const last = recorded.at(-1)!
const pool = Array.from(
  { length: 100 },
  (_, i) =>
    ({
      ...shape,
      candidates: [{ ...shape.candidates![0], content: { role: "model", parts: [{ text: `word${i} ` }] } }],
    }) as GenerateContentResponse,
)
const chunkAt = (i: number, n: number) => (i === n - 1 ? last : pool[i % 100]!)
const lines = Array.from({ length: 10_000 }, (_, i) => JSON.stringify(chunkAt(i, 10_000)))

function accumulate(n: number): number {
  const acc = google.accumulator()
  let length = 0
  for (let i = 0; i < n; i++) {
    // A snapshot per chunk: read the text from the completion each push returns.
    const part = acc.push(chunkAt(i, n)).message.content?.[0]
    if (part?.type === "text") length = (part.text as string).length
  }
  return length
}

runBenchmarks(
  "@pl/provider-google",
  [
    {
      name: "toRequest, 50-message chat with tools, images and thinking",
      ours: () => google.toRequest(blueprint),
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
  ],
  { rounds: 11, minMs: 300 },
)
