import type { GenerateContentResponse } from "@google/genai"
import { describe, expect, it } from "vitest"
import { GoogleAccumulator } from "./accumulator.js"
import { fromResponse } from "./from-response.js"
import { groundingCitations } from "./grounding.js"

const metadata = {
  webSearchQueries: ["euro 2024 winner"],
  groundingChunks: [
    { web: { uri: "https://a.test/euro", title: "a.test" } },
    { web: { uri: "https://b.test/final", title: "b.test" } },
    { web: { uri: "https://c.test/unused" } },
  ],
  groundingSupports: [
    {
      segment: { startIndex: 0, endIndex: 30, text: "Spain won Euro 2024 — again." },
      groundingChunkIndices: [0, 1],
    },
    {
      segment: { partIndex: 0, startIndex: 31, endIndex: 51, text: "The final was 2–1." },
      groundingChunkIndices: [1],
    },
  ],
}

describe("grounding metadata", () => {
  it("becomes url_citation annotations with character ranges from Gemini's UTF-8 byte offsets", () => {
    const text = "Spain won Euro 2024 — again. The final was 2–1."
    expect(groundingCitations(metadata, text)).toEqual([
      {
        type: "url_citation",
        url: "https://a.test/euro",
        title: "a.test",
        start_index: 0,
        end_index: 28,
        cited_text: "Spain won Euro 2024 — again.",
      },
      {
        type: "url_citation",
        url: "https://b.test/final",
        title: "b.test",
        start_index: 0,
        end_index: 28,
        cited_text: "Spain won Euro 2024 — again.",
      },
      {
        type: "url_citation",
        url: "https://b.test/final",
        title: "b.test",
        start_index: 29,
        end_index: 47,
        cited_text: "The final was 2–1.",
      },
      { type: "url_citation", url: "https://c.test/unused" },
    ])
  })

  it("finds a segment by its text when the byte range does not hold it", () => {
    const [citation] = groundingCitations(
      {
        groundingChunks: [{ web: { uri: "https://a.test" } }],
        groundingSupports: [
          { segment: { startIndex: 0, endIndex: 4, text: "two" }, groundingChunkIndices: [0] },
        ],
      },
      "one two",
    )
    expect(citation).toMatchObject({ start_index: 4, end_index: 7, cited_text: "two" })
  })

  it("annotates the answer's text part in a response and in a stream", () => {
    const answer = "Spain won Euro 2024 — again. The final was 2–1."
    const response = {
      candidates: [
        {
          index: 0,
          content: { role: "model", parts: [{ text: answer }] },
          finishReason: "STOP",
          groundingMetadata: metadata,
        },
      ],
    } as GenerateContentResponse
    const completion = fromResponse(response)
    expect(completion.message.content).toEqual([
      { type: "text", text: answer, annotations: groundingCitations(metadata, answer) },
    ])

    const accumulator = new GoogleAccumulator()
    accumulator.push({
      candidates: [
        { index: 0, content: { role: "model", parts: [{ text: "Spain won Euro 2024 — again." }] } },
      ],
    } as GenerateContentResponse)
    accumulator.push({
      candidates: [
        {
          index: 0,
          content: { role: "model", parts: [{ text: " The final was 2–1." }] },
          finishReason: "STOP",
          groundingMetadata: metadata,
        },
      ],
    } as GenerateContentResponse)
    expect(accumulator.result()).toEqual(completion)
  })
})
