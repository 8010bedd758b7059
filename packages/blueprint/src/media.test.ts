import { describe, expect, it } from "vitest"
import {
  guessMimeType,
  MediaSourceError,
  mediaKind,
  mimeTypeFromBase64,
  mimeTypeFromUrl,
  parseMediaSource,
  toDataUrl,
} from "./media.js"

const b64 = (bytes: number[] | string) =>
  btoa(typeof bytes === "string" ? bytes : String.fromCharCode(...bytes))

describe("parseMediaSource", () => {
  it("reads the mime type and data of a data URL", () => {
    expect(parseMediaSource("data:image/png;base64,iVBORw0KGgo=")).toEqual({
      kind: "base64",
      data: "iVBORw0KGgo=",
      mimeType: "image/png",
    })
  })

  it("accepts data URL parameters before ;base64", () => {
    expect(parseMediaSource("data:text/plain;charset=utf-8;base64,aGk=")).toMatchObject({
      kind: "base64",
      data: "aGk=",
      mimeType: "text/plain",
    })
  })

  it("rejects a data URL that is not base64", () => {
    expect(() => parseMediaSource("data:text/plain,hello")).toThrow(MediaSourceError)
  })

  it("keeps URLs of any scheme, guessing nothing", () => {
    expect(parseMediaSource("https://x.test/a/cat.JPG?size=2#top")).toEqual({
      kind: "url",
      url: "https://x.test/a/cat.JPG?size=2#top",
      mimeType: undefined,
    })
    expect(parseMediaSource("gs://bucket/doc.pdf", "application/pdf")).toMatchObject({
      kind: "url",
      mimeType: "application/pdf",
    })
  })

  it("prefers the declared mime type over a guess", () => {
    expect(parseMediaSource("https://x.test/file", "application/pdf").mimeType).toBe("application/pdf")
  })

  it("reads bare base64, with the declared mime type only", () => {
    expect(parseMediaSource(b64("%PDF-1.7\n"))).toEqual({
      kind: "base64",
      data: b64("%PDF-1.7\n"),
      mimeType: undefined,
    })
    expect(parseMediaSource(` ${b64("hi")}\n`, "text/plain")).toEqual({
      kind: "base64",
      data: b64("hi"),
      mimeType: "text/plain",
    })
  })

  it("rejects text that is neither a URL nor base64", () => {
    expect(() => parseMediaSource("not base64!")).toThrow(/not a URL, data URL or base64/)
    expect(() => parseMediaSource("")).toThrow(MediaSourceError)
  })
})

describe("guessMimeType", () => {
  it("keeps a declared type, else guesses from a URL's extension or from the bytes", () => {
    expect(guessMimeType(parseMediaSource("https://x.test/a/cat.JPG?size=2#top"))).toBe("image/jpeg")
    expect(guessMimeType(parseMediaSource("gs://bucket/doc.pdf"))).toBe("application/pdf")
    expect(guessMimeType(parseMediaSource("s3://bucket/key"))).toBeUndefined()
    expect(guessMimeType(parseMediaSource(b64([0x89, 0x50, 0x4e, 0x47, 13, 10])))).toBe("image/png")
    expect(guessMimeType(parseMediaSource("https://x.test/cat.jpg", "image/webp"))).toBe("image/webp")
  })
})

describe("mimeTypeFromBase64", () => {
  it.each([
    [[0xff, 0xd8, 0xff, 0xe0], "image/jpeg"],
    ["GIF89a", "image/gif"],
    ["RIFF\0\0\0\0WEBPVP8 ", "image/webp"],
    ["RIFF\0\0\0\0WAVEfmt ", "audio/wav"],
    ["ID3\x03\0\0", "audio/mpeg"],
    [[0xff, 0xfb, 0x90, 0x00], "audio/mpeg"],
    ["OggS\0\x02", "audio/ogg"],
    ["fLaC\0\0", "audio/flac"],
    ["\0\0\0\x18ftypmp42\0\0", "video/mp4"],
    ["\0\0\0\x14ftypqt  \0\0", "video/quicktime"],
    ["\0\0\0\x18ftypheic\0\0", "image/heic"],
    [[0x1a, 0x45, 0xdf, 0xa3, 0x01], "video/webm"],
  ] as const)("recognises %j as %s", (bytes, mime) => {
    expect(mimeTypeFromBase64(b64(typeof bytes === "string" ? bytes : [...bytes]))).toBe(mime)
  })

  it("says undefined when it cannot tell", () => {
    expect(mimeTypeFromBase64(b64("hello world"))).toBeUndefined()
  })
})

describe("helpers", () => {
  it("builds data URLs", () => {
    expect(toDataUrl("aGk=", "text/plain")).toBe("data:text/plain;base64,aGk=")
  })

  it("guesses from URLs only by a real extension", () => {
    expect(mimeTypeFromUrl("https://x.test/v1.2/file")).toBeUndefined()
    expect(mimeTypeFromUrl("https://x.test/song.mp3")).toBe("audio/mpeg")
  })

  it("groups mime types the way providers group content blocks", () => {
    expect([mediaKind("image/png"), mediaKind("audio/wav"), mediaKind("video/mp4")]).toEqual([
      "image",
      "audio",
      "video",
    ])
    expect([mediaKind("application/pdf"), mediaKind("text/plain"), mediaKind(undefined)]).toEqual([
      "document",
      "document",
      "document",
    ])
  })
})
