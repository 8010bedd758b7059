/**
 * Replays a recorded fixture to the real `openai` SDK: a local HTTP server answers the SDK's request with
 * the recorded body (or stream, as SSE the way OpenAI sends it), and `send` is pointed at it.
 */
import type { Completion } from "@pl/blueprint"
import {
  type RecordedRequest,
  readChunkLines,
  readJsonFixture,
  sendJson,
  sendSse,
  startServer,
  toSse,
} from "@pl/devtools/fixtures"

export interface Replay<Chunk> {
  /** The request the SDK sent, as the server received it. */
  request: RecordedRequest
  /** What the SDK yielded, chunk by chunk. */
  chunks: Chunk[]
}

/**
 * Serves `folder/name` to one SDK call made by `call(baseURL)`. A streaming request gets the recorded
 * chunks as SSE (chat streams end with `data: [DONE]`; Responses events carry `event: <type>` lines); a
 * non-streaming one gets the recorded JSON, with `status` (an error body needs its HTTP status).
 */
export async function replay<T>(
  folder: "openai-chat" | "openai-responses",
  name: string,
  call: (baseURL: string) => Promise<T>,
  status = 200,
): Promise<{ result: T; request: RecordedRequest }> {
  const server = await startServer((request, res) => {
    const streaming = (JSON.parse(request.body) as { stream?: boolean }).stream === true
    if (!streaming) return sendJson(res, readJsonFixture(folder, name), status)
    const lines = readChunkLines(folder, name)
    sendSse(
      res,
      folder === "openai-chat" ? toSse(lines, { done: true }) : toSse(lines, { eventField: "type" }),
    )
  })
  try {
    const result = await call(server.url)
    return { result, request: server.requests[0]! }
  } finally {
    await server.close()
  }
}

/** Drains an SDK stream into an accumulator, keeping the chunks; rethrows a stream error with them. */
export async function drain<Chunk>(
  stream: AsyncIterable<Chunk>,
  accumulator: { push(chunk: Chunk): Completion },
): Promise<Chunk[]> {
  const chunks: Chunk[] = []
  for await (const chunk of stream) {
    chunks.push(chunk)
    accumulator.push(chunk)
  }
  return chunks
}

/**
 * What two separate recordings of the same kind of call share: the fixtures' `.json` and `.chunks.txt`
 * were recorded by separate calls, so ids, texts, call ids, token counts and even the number of web
 * searches differ between them; the kinds of parts, the tools called and why the turn ended do not.
 */
export function shapeOf(completion: Completion) {
  return {
    content: [...new Set(completion.message.content?.map((part) => part.type))],
    tools: completion.message.tool_calls?.map((call) => call.function.name),
    finish_reason: completion.finish_reason,
    raw_finish_reason: completion.raw_finish_reason,
    usage: completion.usage ? Object.keys(completion.usage) : undefined,
  }
}
