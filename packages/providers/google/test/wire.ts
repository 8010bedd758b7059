/**
 * What the real `@google/genai` sends for a request: the SDK turns `GenerateContentParameters` into the
 * REST body itself (`config` split into `generationConfig`, `systemInstruction`, `tools`, ...), so that
 * body, not our request, is what the protos must accept. The SDK is given a `fetch` that records the
 * request and answers with a canned response: no server, so a property test can run it thousands of times.
 */

import type { GenerateContentParameters } from "@google/genai"
import { GoogleGenAI } from "@google/genai"
import { google } from "../src/index.js"

const ANSWER = {
  candidates: [{ content: { role: "model", parts: [{ text: "ok" }] }, finishReason: "STOP", index: 0 }],
}

export interface SentRequest {
  url: string
  body: Record<string, unknown>
}

/** Sends `request` through `google.send` and the real SDK; returns the URL and JSON body it sent. */
export async function sentBody(
  request: GenerateContentParameters,
  options: { vertexai?: boolean; stream?: boolean } = {},
): Promise<SentRequest> {
  let sent: SentRequest | undefined
  const fetch = async (url: string | URL | Request, init?: RequestInit) => {
    sent = { url: String(url), body: JSON.parse(String(init?.body)) as Record<string, unknown> }
    return options.stream
      ? new Response(`data: ${JSON.stringify(ANSWER)}\n\n`, {
          headers: { "content-type": "text/event-stream" },
        })
      : new Response(JSON.stringify(ANSWER), { headers: { "content-type": "application/json" } })
  }
  const client = new GoogleGenAI({
    apiKey: "test-key",
    ...(options.vertexai ? { vertexai: true } : {}),
    httpOptions: { fetch },
  })
  const response = await google.send!(request, { client, ...(options.stream ? { stream: true } : {}) })
  if (Symbol.asyncIterator in response) for await (const _ of response);
  if (!sent) throw new Error("the SDK sent nothing")
  return sent
}
