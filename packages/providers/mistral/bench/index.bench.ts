// The BARS.md rows for @pl/provider-mistral: conversion against JSON.stringify of its result, stream
// accumulation against JSON.parse of the same chunks, and linear scaling of accumulation.

import { benchmarkChatBlueprint } from "@pl/blueprint/testing"
import { runAdapterBenchmarks } from "@pl/devtools/bench"
import { readChunks } from "@pl/devtools/fixtures"
import { mistral } from "../src/index.js"

const blueprint = benchmarkChatBlueprint({
  model: { provider: "mistral", name: "pixtral-large-latest", parameters: { temperature: 0.3 } },
})

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

runAdapterBenchmarks("@pl/provider-mistral", {
  convert: () => mistral.toRequest(blueprint),
  request: mistral.toRequest(blueprint),
  accumulator: () => mistral.accumulator(),
  chunkAt,
  unit: "chunk",
})
