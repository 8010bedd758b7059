import type { Annotation, ConversionWarning } from "@pl/blueprint"
import type { CohereCitation, CohereSource } from "./types.js"
import { field, isObject, type JsonObject, optionalNumber, optionalString, PROVIDER } from "./wire.js"

/**
 * Cohere citations ↔ blueprint annotations.
 *
 * A Cohere citation is a span of the answer (`start`, `end`, `text`) with the sources it came from: documents
 * (`documents` in the request, or document blocks in tool results) or tool results. In the blueprint each
 * (citation, source) pair becomes one `file_citation` annotation on the text part the span is in:
 * `file_id` is the source's id, `filename` the document's `title`, `start_index`/`end_index`/`cited_text` the
 * span, and the source itself is kept whole as `document` or `tool_output` so the citation can be replayed.
 */

/** Where a citation's span lies, by its `type`: the answer's text, the tool plan, or the reasoning. */
export type CitationTarget =
  | { kind: "text"; contentIndex: number | undefined }
  | { kind: "plan" }
  | { kind: "thinking" }

/** Where a citation (SDK or wire shape) points. */
export function citationTarget(citation: JsonObject): CitationTarget {
  const type = citation.type
  if (type === "PLAN") return { kind: "plan" }
  if (type === "THINKING_CONTENT") return { kind: "thinking" }
  return { kind: "text", contentIndex: optionalNumber(field(citation, "contentIndex", "content_index")) }
}

/** One citation (SDK or wire shape) → its annotations, one per source. */
export function citationToAnnotations(citation: JsonObject): Annotation[] {
  const span: JsonObject = {}
  const start = optionalNumber(citation.start)
  const end = optionalNumber(citation.end)
  const text = optionalString(citation.text)
  if (start !== undefined) span.start_index = start
  if (end !== undefined) span.end_index = end
  if (text !== undefined) span.cited_text = text
  const sources = Array.isArray(citation.sources) ? citation.sources : []
  const annotations: Annotation[] = []
  for (const source of sources) {
    if (!isObject(source)) continue
    const annotation: JsonObject = { type: "file_citation", file_id: optionalString(source.id) ?? "" }
    const toolOutput = field(source, "toolOutput", "tool_output")
    if (source.type === "tool" || isObject(toolOutput)) {
      Object.assign(annotation, span)
      if (isObject(toolOutput)) annotation.tool_output = toolOutput
    } else {
      const title = isObject(source.document) ? optionalString(source.document.title) : undefined
      if (title !== undefined) annotation.filename = title
      Object.assign(annotation, span)
      if (isObject(source.document)) annotation.document = source.document
    }
    annotations.push(annotation as Annotation)
  }
  return annotations
}

const sameSpan = (a: JsonObject, b: JsonObject) =>
  a.start_index === b.start_index && a.end_index === b.end_index && a.cited_text === b.cited_text

function toSource(annotation: JsonObject): CohereSource {
  const id = optionalString(annotation.file_id)
  const source: CohereSource = isObject(annotation.tool_output)
    ? { type: "tool", toolOutput: annotation.tool_output }
    : { type: "document" }
  if (id) source.id = id
  if (source.type === "document" && isObject(annotation.document)) source.document = annotation.document
  return source
}

/**
 * A text part's annotations → Cohere citations: consecutive `file_citation`s over the same span become one
 * citation with several sources. Other annotation types (web pages, map places) have no Cohere form and
 * are reported through `onWarning`.
 */
export function annotationsToCitations(
  annotations: readonly Annotation[],
  target: { type: "TEXT_CONTENT" | "PLAN"; contentIndex?: number | undefined },
  path: string,
  onWarning: ((warning: ConversionWarning) => void) | undefined,
): CohereCitation[] {
  const citations: CohereCitation[] = []
  let previous: JsonObject | undefined
  for (const [i, annotation] of annotations.entries()) {
    if (annotation.type !== "file_citation") {
      onWarning?.({
        provider: PROVIDER,
        feature: `annotations.${annotation.type}`,
        path: `${path}.annotations[${i}]`,
        message: "Cohere citations point at documents and tool results only; the annotation was not sent",
      })
      continue
    }
    const current = annotation as JsonObject
    const last = citations.at(-1)
    if (last && previous && sameSpan(previous, current)) {
      last.sources?.push(toSource(current))
    } else {
      const citation: CohereCitation = {}
      const start = optionalNumber(current.start_index)
      const end = optionalNumber(current.end_index)
      const text = optionalString(current.cited_text)
      if (start !== undefined) citation.start = start
      if (end !== undefined) citation.end = end
      if (text !== undefined) citation.text = text
      citation.sources = [toSource(current)]
      citation.type = target.type
      if (target.contentIndex !== undefined) citation.contentIndex = target.contentIndex
      citations.push(citation)
    }
    previous = current
  }
  return citations
}
