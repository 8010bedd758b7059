// The BARS.md rows for @pl/provider-cohere: conversion against JSON.stringify of its result, stream
// accumulation against JSON.parse of the same events, and linear scaling of accumulation.

import { benchmarkChatBlueprint } from "@pl/blueprint/testing"
import { runAdapterBenchmarks } from "@pl/devtools/bench"
import { readChunks } from "@pl/devtools/fixtures"
import { type CohereChunk, cohere } from "../src/index.js"

const blueprint = benchmarkChatBlueprint({
  model: { provider: "cohere", name: "command-a-vision-07-2025", parameters: { temperature: 0.3 } },
})

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

runAdapterBenchmarks("@pl/provider-cohere", {
  convert: () => cohere.toRequest(blueprint),
  request: cohere.toRequest(blueprint),
  accumulator: () => cohere.accumulator(),
  chunkAt: eventAt,
  unit: "event",
})
