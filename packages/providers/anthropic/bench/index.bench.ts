// The BARS.md rows for @pl/provider-anthropic: conversion against JSON.stringify of its result, stream
// accumulation against JSON.parse of the same events, and linear scaling of accumulation.

import type { RawMessageStreamEvent } from "@anthropic-ai/sdk/resources/messages"
import { benchmarkChatBlueprint } from "@pl/blueprint/testing"
import { runAdapterBenchmarks } from "@pl/devtools/bench"
import { readChunks } from "@pl/devtools/fixtures"
import { anthropic } from "../src/index.js"

const blueprint = benchmarkChatBlueprint({
  model: { provider: "anthropic", name: "claude-sonnet-5-5", parameters: { max_tokens: 2048 } },
})

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

runAdapterBenchmarks("@pl/provider-anthropic", {
  convert: () => anthropic.toRequest(blueprint),
  request: anthropic.toRequest(blueprint),
  accumulator: () => anthropic.accumulator(),
  chunkAt: eventAt,
  unit: "event",
})
