import type { Content } from "@pl/blueprint"
import { describe, expect, it } from "vitest"
import type { Warn } from "./conversion.js"
import { toMistralContent, toSystemContent } from "./convert-content.js"

function convert(parts: Content[], system = false) {
  const warnings: string[] = []
  const warn: Warn = (feature, path) => warnings.push(`${feature} @ ${path}`)
  const content = system ? toSystemContent(parts, "p", warn) : toMistralContent(parts, "p", warn)
  return { content, warnings }
}

const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB"

describe("content → Mistral chunks", () => {
  it("sends an image_url part as a plain URL, or as { url, detail } when it has a detail", () => {
    const { content } = convert([
      { type: "image_url", image_url: { url: "https://x.test/a.png" } },
      { type: "image_url", image_url: { url: "https://x.test/b.png", detail: "low" } },
    ])
    expect(content).toEqual([
      { type: "image_url", imageUrl: "https://x.test/a.png" },
      { type: "image_url", imageUrl: { url: "https://x.test/b.png", detail: "low" } },
    ])
  })

  it("turns bare base64 images into data URLs", () => {
    const { content } = convert([
      { type: "image_url", image_url: { url: PNG } },
      { type: "media", media: { type: "image/webp", url: "UklGRgAAAABXRUJQ" } },
    ])
    expect(content).toEqual([
      { type: "image_url", imageUrl: `data:image/png;base64,${PNG}` },
      { type: "image_url", imageUrl: "data:image/webp;base64,UklGRgAAAABXRUJQ" },
    ])
  })

  it("sends documents as document_url with their title as document_name", () => {
    const { content } = convert([
      { type: "media", media: { type: "application/pdf", url: "https://x.test/a.pdf", title: "a.pdf" } },
      { type: "media", media: { type: "application/pdf", url: "data:application/pdf;base64,JVBERi0=" } },
      { type: "media", media: { type: "text/plain", url: "aGVsbG8=" } },
    ])
    expect(content).toEqual([
      { type: "document_url", documentUrl: "https://x.test/a.pdf", documentName: "a.pdf" },
      { type: "document_url", documentUrl: "data:application/pdf;base64,JVBERi0=" },
      { type: "document_url", documentUrl: "data:text/plain;base64,aGVsbG8=" },
    ])
  })

  it("sends audio as input_audio: bare base64 (a data URL is unwrapped) or an http(s) URL", () => {
    const { content } = convert([
      { type: "media", media: { type: "audio/wav", url: "data:audio/wav;base64,UklGRiQAAABXQVZF" } },
      { type: "media", media: { type: "audio/mpeg", url: "https://x.test/a.mp3" } },
    ])
    expect(content).toEqual([
      { type: "input_audio", inputAudio: "UklGRiQAAABXQVZF" },
      { type: "input_audio", inputAudio: "https://x.test/a.mp3" },
    ])
  })

  it("throws for video and for URLs Mistral cannot fetch", () => {
    expect(() =>
      convert([{ type: "media", media: { type: "video/mp4", url: "https://x.test/v.mp4" } }]),
    ).toThrow(
      expect.objectContaining({ name: "UnsupportedFeatureError", feature: "content.media", path: "p[0]" }),
    )
    expect(() =>
      convert([{ type: "media", media: { type: "application/pdf", url: "gs://bucket/a.pdf" } }]),
    ).toThrow(/gs:\/\/bucket/)
    expect(() =>
      convert([{ type: "media", media: { type: "audio/wav", url: "s3://bucket/a.wav" } }]),
    ).toThrow(expect.objectContaining({ feature: "content.media" }))
  })

  it("throws for a media variable, which must be rendered first", () => {
    expect(() => convert([{ type: "media_variable", name: "photos" }], true)).toThrow(
      expect.objectContaining({ feature: "content.media_variable" }),
    )
  })

  it("drops what Mistral cannot hold, with a warning naming each part", () => {
    const { content, warnings } = convert([
      { type: "text", text: "kept" },
      { type: "redacted_thinking", data: "opaque" },
      { type: "output_media", url: "data:image/png;base64,AAAA", mime_type: "image/png" },
      { type: "code", code: "print(1)" },
      { type: "mcp_call", id: "m", server_label: "s", name: "n", arguments: "{}" },
      { type: "hologram", beam: 1 },
      { type: "text", text: "cited", annotations: [{ type: "url_citation", url: "https://x.test" }] },
    ])
    expect(content).toEqual([
      { type: "text", text: "kept" },
      { type: "text", text: "cited" },
    ])
    expect(warnings).toEqual([
      "content.redacted_thinking @ p[1]",
      "content.output_media @ p[2]",
      "content.code @ p[3]",
      "content.mcp_call @ p[4]",
      "content.hologram @ p[5]",
      "content.text.annotations @ p[6]",
    ])
  })

  it("keeps only text and thinking in system messages", () => {
    const { content, warnings } = convert(
      [
        { type: "text", text: "rules" },
        { type: "image_url", image_url: { url: "https://x.test/a.png" } },
      ],
      true,
    )
    expect(content).toBe("rules")
    expect(warnings).toEqual(["content.image_url @ p[1]"])
  })

  it("sends no parts as an empty list", () => {
    expect(convert([]).content).toEqual([])
  })
})
