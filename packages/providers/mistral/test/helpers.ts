/**
 * Test helpers: what the SDK puts on the wire for a request, the spec check, and a local server the real SDK
 * talks to.
 */

import type { ServerResponse } from "node:http"
import {
  ChatCompletionRequest$outboundSchema,
  ChatCompletionStreamRequest$outboundSchema,
} from "@mistralai/mistralai/models/components"
import type { RecordedRequest, TestServer } from "@pl/devtools/fixtures"
import { readJsonFixture, sendJson, sendSse, specsDir, startServer, toSse } from "@pl/devtools/fixtures"
import { openApiValidator } from "@pl/devtools/openapi"
import type { MistralRequest } from "../src/index.js"

export const SPEC_PATH = `${specsDir}/mistral/openapi.yaml`

/** Ajv errors of a wire body against the spec's `ChatCompletionRequest` (`[]` when valid). */
export function specErrors(body: unknown): string[] {
  return openApiValidator(SPEC_PATH).errors("ChatCompletionRequest", body)
}

/**
 * The body the SDK would send: its own outbound schema (the zod validation and camelCase → snake_case
 * renaming `chat.complete` / `chat.stream` run before `JSON.stringify`). Throws what the SDK would throw.
 */
export function sdkWireBody(request: MistralRequest): unknown {
  const schema = request.stream
    ? ChatCompletionStreamRequest$outboundSchema
    : ChatCompletionRequest$outboundSchema
  return JSON.parse(JSON.stringify(schema.parse(request)))
}

/** A server that answers chat completions with a recorded text answer (JSON, or SSE when asked to stream). */
export function answeringServer(): Promise<TestServer> {
  const json = readJsonFixture("mistral", "mistral-text")
  const sse = toSse(
    [
      JSON.stringify({
        id: "x",
        object: "chat.completion.chunk",
        created: 1,
        model: "m",
        choices: [{ index: 0, delta: { role: "assistant", content: "ok" }, finish_reason: "stop" }],
      }),
    ],
    { done: true },
  )
  return startServer((request: RecordedRequest, response: ServerResponse) => {
    const body = JSON.parse(request.body) as { stream?: boolean }
    if (body.stream) sendSse(response, sse)
    else sendJson(response, json)
  })
}

/** Drains an async iterable (an SDK stream). */
export async function drain<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const item of stream) out.push(item)
  return out
}
