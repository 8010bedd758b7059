import type { GroundingMetadata, Segment } from "@google/genai"
import type { Annotation } from "@pl/blueprint"

type UrlCitation = Extract<Annotation, { type: "url_citation" }>

/**
 * Grounding metadata (Google Search, URL context, Maps, retrieval) → `url_citation` annotations for the
 * answer's `text`: one per (support, source) pair, with the supported segment's character range and text,
 * then one per source no support refers to. Gemini measures segments in UTF-8 bytes of a part; when that
 * range does not hold the segment's text in `text` (a streamed answer joins many parts), the segment is
 * looked up by its text, and left without a range if it is not found.
 */
export function groundingCitations(metadata: GroundingMetadata, text: string): UrlCitation[] {
  const chunks = metadata.groundingChunks ?? []
  const sources = chunks.map((chunk) => {
    const source = chunk.web ?? chunk.retrievedContext ?? chunk.maps
    return source?.uri ? { url: source.uri, title: source.title } : undefined
  })
  const cited = new Set<number>()
  const citations: UrlCitation[] = []
  for (const support of metadata.groundingSupports ?? []) {
    const range = support.segment ? locate(support.segment, text) : undefined
    for (const index of support.groundingChunkIndices ?? []) {
      const source = sources[index]
      if (!source) continue
      cited.add(index)
      const citation = citationOf(source)
      if (range) {
        citation.start_index = range[0]
        citation.end_index = range[1]
      }
      if (support.segment?.text !== undefined) citation.cited_text = support.segment.text
      citations.push(citation)
    }
  }
  for (const [index, source] of sources.entries())
    if (source && !cited.has(index)) citations.push(citationOf(source))
  return citations
}

function citationOf(source: { url: string; title: string | undefined }): UrlCitation {
  const citation: UrlCitation = { type: "url_citation", url: source.url }
  if (source.title !== undefined) citation.title = source.title
  return citation
}

function locate(segment: Segment, text: string): [number, number] | undefined {
  const start = charIndex(text, segment.startIndex ?? 0)
  const end = charIndex(text, segment.endIndex ?? 0)
  if (segment.text === undefined || text.slice(start, end) === segment.text) return [start, end]
  const found = text.indexOf(segment.text)
  return found < 0 ? undefined : [found, found + segment.text.length]
}

// The UTF-16 index in `text` of a UTF-8 byte offset.
function charIndex(text: string, bytes: number): number {
  let remaining = bytes
  let i = 0
  while (i < text.length && remaining > 0) {
    const code = text.codePointAt(i)!
    remaining -= code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4
    i += code >= 0x10000 ? 2 : 1
  }
  return i
}
