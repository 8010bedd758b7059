import type { GenerateContentResponse } from "@google/genai"
import { GoogleGenAI } from "@google/genai"
import { sendJson, sendSse, startServer, type TestServer } from "@pl/devtools/fixtures"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { google } from "./index.js"

const answer = {
  candidates: [{ index: 0, content: { role: "model", parts: [{ text: "Hi!" }] }, finishReason: "STOP" }],
}
let server: TestServer
// Requests to a model named `slow` are answered after 2 s.
beforeAll(async () => {
  server = await startServer(async (request, response) => {
    if (request.url.includes("/models/slow:")) await new Promise((resolve) => setTimeout(resolve, 2000))
    if (request.url.includes(":streamGenerateContent"))
      return sendSse(response, `data: ${JSON.stringify(answer)}\n\n`)
    return sendJson(response, answer)
  })
})
afterAll(() => server.close())

const request = (model = "gemini-2.5-flash") =>
  google.toRequest({
    prompt_template: {
      type: "chat",
      messages: [{ role: "user", content: [{ type: "text", text: "Hello" }] }],
    },
    metadata: { model: { provider: "google", name: model } },
  })

describe("send", () => {
  it("calls generateContent on the Gemini API with the key, base URL and headers", async () => {
    const response = await google.send!(request(), {
      apiKey: "k-123",
      baseURL: server.url,
      headers: { "x-trace": "t1" },
    })
    expect(google.fromResponse(response as GenerateContentResponse).message.content).toEqual([
      { type: "text", text: "Hi!" },
    ])
    const sent = server.requests.at(-1)!
    expect(sent.url).toBe("/v1beta/models/gemini-2.5-flash:generateContent")
    expect(sent.headers["x-goog-api-key"]).toBe("k-123")
    expect(sent.headers["x-trace"]).toBe("t1")
  })

  it("streams a request marked by toRequest, or when the context says so", async () => {
    for (const [req, context] of [
      [google.toRequest(google.fromRequest(request()), { stream: true }), {}],
      [request(), { stream: true }],
    ] as const) {
      const stream = await google.send!(req, { apiKey: "k", baseURL: server.url, ...context })
      const accumulator = google.accumulator()
      for await (const chunk of stream as AsyncIterable<GenerateContentResponse>) accumulator.push(chunk)
      expect(accumulator.result().message.content).toEqual([{ type: "text", text: "Hi!" }])
      expect(server.requests.at(-1)!.url).toBe(
        "/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse",
      )
    }
  })

  it("sends to Vertex AI with the project, location and credentials it is given", async () => {
    const authClient = {
      getRequestHeaders: async () => new Headers({ authorization: "Bearer vertex-token" }),
    }
    await google.send!(request(), {
      vertexai: true,
      project: "my-project",
      location: "europe-west4",
      googleAuthOptions: { authClient: authClient as never },
      baseURL: server.url,
    })
    const sent = server.requests.at(-1)!
    expect(sent.url).toBe(
      "/v1beta1/projects/my-project/locations/europe-west4/publishers/google/models/gemini-2.5-flash:generateContent",
    )
    expect(sent.headers.authorization).toBe("Bearer vertex-token")
  })

  it("uses a given client, still applying the base URL and headers to the request", async () => {
    const client = new GoogleGenAI({ apiKey: "from-client" })
    await google.send!(request(), { client, baseURL: server.url, headers: { "x-extra": "1" } })
    const sent = server.requests.at(-1)!
    expect(sent.headers["x-goog-api-key"]).toBe("from-client")
    expect(sent.headers["x-extra"]).toBe("1")
  })

  it("stops on the caller's signal and on timeoutMs", async () => {
    const controller = new AbortController()
    const aborted = google.send!(request("slow"), {
      apiKey: "k",
      baseURL: server.url,
      signal: controller.signal,
    })
    setTimeout(() => controller.abort(), 50)
    await expect(aborted).rejects.toThrow(/abort/i)
    const started = Date.now()
    await expect(
      google.send!(request("slow"), { apiKey: "k", baseURL: server.url, timeoutMs: 100 }),
    ).rejects.toThrow()
    expect(Date.now() - started).toBeLessThan(1500)
  })

  it("leaves the request as it was", async () => {
    const req = request()
    const before = structuredClone(req)
    await google.send!(req, {
      apiKey: "k",
      baseURL: server.url,
      headers: { a: "b" },
      signal: new AbortController().signal,
    })
    expect(req).toEqual(before)
  })
})
