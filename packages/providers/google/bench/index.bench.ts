// The BARS.md rows for @pl/provider-google: conversion against JSON.stringify of its result, stream
// accumulation against JSON.parse of the same chunks, and linear scaling of accumulation.

import type { GenerateContentResponse } from "@google/genai"
import { benchmarkChatBlueprint } from "@pl/blueprint/testing"
import { runAdapterBenchmarks } from "@pl/devtools/bench"
import { readChunks } from "@pl/devtools/fixtures"
import { google } from "../src/index.js"

const blueprint = benchmarkChatBlueprint({
  model: { provider: "google", name: "gemini-2.5-flash", parameters: { max_tokens: 2048 } },
  signedCalls: true,
  extraTools: [{ type: "google_search" }],
})

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

runAdapterBenchmarks(
  "@pl/provider-google",
  {
    convert: () => google.toRequest(blueprint),
    request: google.toRequest(blueprint),
    accumulator: () => google.accumulator(),
    chunkAt,
    unit: "chunk",
  },
  { rounds: 11, minMs: 300 },
)
