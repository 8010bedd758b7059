/**
 * Test helpers shared by every adapter: the recorded provider wire data in `../shared/fixtures`, and a
 * local HTTP server that replays it to the real SDKs.
 */
import { readdirSync, readFileSync } from "node:fs"
import { createServer, type IncomingMessage, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"
import { fileURLToPath } from "node:url"

/** `../shared` beside the repository (override with PL_SHARED_DIR). */
export const sharedDir =
  process.env.PL_SHARED_DIR ?? fileURLToPath(new URL("../../../../shared/", import.meta.url))
export const fixturesDir = `${sharedDir.replace(/\/$/, "")}/fixtures`
export const specsDir = `${sharedDir.replace(/\/$/, "")}/specs`

/** The fixture names (without `.json` / `.chunks.txt`) in a provider folder. */
export function listFixtures(folder: string): { name: string; hasJson: boolean; hasChunks: boolean }[] {
  const files = readdirSync(`${fixturesDir}/${folder}`)
  const names = new Set(files.map((f) => f.replace(/\.chunks\.txt$|\.json$/, "")))
  return [...names].sort().map((name) => ({
    name,
    hasJson: files.includes(`${name}.json`),
    hasChunks: files.includes(`${name}.chunks.txt`),
  }))
}

/** A recorded non-streaming response body. */
export function readJsonFixture(folder: string, name: string): unknown {
  return JSON.parse(readFileSync(`${fixturesDir}/${folder}/${name}.json`, "utf8"))
}

/** A recorded stream: one JSON payload per line. */
export function readChunkLines(folder: string, name: string): string[] {
  return readFileSync(`${fixturesDir}/${folder}/${name}.chunks.txt`, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
}

/** A recorded stream, parsed. */
export function readChunks(folder: string, name: string): unknown[] {
  return readChunkLines(folder, name).map((line) => JSON.parse(line))
}

/**
 * SSE text for recorded lines: `data: <line>` per event, with `event: <type>` lines when `eventField`
 * names the payload field holding the event type (Anthropic, Cohere), and `data: [DONE]` when asked
 * (OpenAI chat, Mistral).
 */
export function toSse(
  lines: readonly string[],
  options: { eventField?: string; done?: boolean } = {},
): string {
  let out = ""
  for (const line of lines) {
    if (options.eventField) {
      const type = (JSON.parse(line) as Record<string, unknown>)[options.eventField]
      if (typeof type === "string") out += `event: ${type}\n`
    }
    out += `data: ${line}\n\n`
  }
  if (options.done) out += "data: [DONE]\n\n"
  return out
}

export interface RecordedRequest {
  method: string
  url: string
  headers: IncomingMessage["headers"]
  body: string
}

export interface TestServer {
  url: string
  requests: RecordedRequest[]
  close(): Promise<void>
}

/**
 * Starts a local HTTP server on 127.0.0.1 with a random port; `handler` answers each request (its body
 * already read). Every request is recorded.
 */
export async function startServer(
  handler: (request: RecordedRequest, response: ServerResponse) => void | Promise<void>,
): Promise<TestServer> {
  const requests: RecordedRequest[] = []
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const recorded = {
      method: req.method ?? "GET",
      url: req.url ?? "/",
      headers: req.headers,
      body: Buffer.concat(chunks).toString("utf8"),
    }
    requests.push(recorded)
    try {
      await handler(recorded, res)
    } catch (error) {
      res.writeHead(500, { "content-type": "application/json" })
      res.end(JSON.stringify({ error: String(error) }))
    }
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}

/** Answers with JSON. */
export function sendJson(
  res: ServerResponse,
  body: unknown,
  status = 200,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { "content-type": "application/json", ...headers })
  res.end(JSON.stringify(body))
}

/** Answers with a server-sent event stream. */
export function sendSse(res: ServerResponse, sse: string) {
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" })
  res.end(sse)
}
