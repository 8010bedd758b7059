import type { Annotation, Content, TextContent } from "@pl/blueprint"
import { type Warn, warn } from "./context.js"
import type { CohereCitation, CohereSource } from "./types.js"
import { field, isObject, type JsonObject, optionalNumber, optionalString } from "./wire.js"

/**
 * Cohere citations ↔ blueprint annotations.
 *
 * A Cohere citation is a span of the answer (`start`, `end`, `text`) with the sources it came from: documents
 * (`documents` in the request, or document blocks in tool results) or tool results. In the blueprint each
 * (citation, source) pair becomes one `file_citation` annotation on the text part the span is in:
 * `file_id` is the source's id, `filename` the document's `title`, `start_index`/`end_index`/`cited_text` the
 * span, and the source itself is kept whole as `document` or `tool_output` so the citation can be replayed.
 */

/** The text parts a citation may point at: the tool plan, the last text block, and the block at an index. */
export interface CitableParts {
  plan: TextContent | undefined
  last: TextContent | undefined
  at(index: number): Content | undefined
}

/**
 * Adds a citation (SDK or wire shape) to the text it cites, by its `type`: `PLAN` → the tool plan,
 * `TEXT_CONTENT` → the block at `content_index`, or the last text block when there is none. Thinking
 * parts carry no annotations in the blueprint, so citations of the reasoning are not kept.
 */
export function addCitation(citation: unknown, parts: CitableParts): void {
  if (!isObject(citation)) return
  const index = optionalNumber(field(citation, "contentIndex", "content_index"))
  const part =
    citation.type === "PLAN"
      ? parts.plan
      : citation.type === "THINKING_CONTENT"
        ? undefined
        : index === undefined
          ? parts.last
          : parts.at(index)
  if (part?.type !== "text") return
  const text = part as TextContent
  const annotations = citationToAnnotations(citation)
  if (text.annotations) text.annotations.push(...annotations)
  else if (annotations.length > 0) text.annotations = annotations
}

// A citation's span, and the annotation fields that hold it.
const SPAN = [
  ["start", "start_index"],
  ["end", "end_index"],
  ["text", "cited_text"],
] as const

/** The fields of `from` named first in `names`, set, under the second names. */
function copy(from: JsonObject, names: readonly (readonly [string, string])[], reverse = false): JsonObject {
  const to: JsonObject = {}
  for (const [a, b] of names) {
    const value = from[reverse ? b : a]
    if (value != null) to[reverse ? a : b] = value
  }
  return to
}

/** One citation (SDK or wire shape) → its annotations, one per source. */
function citationToAnnotations(citation: JsonObject): Annotation[] {
  const span = copy(citation, SPAN)
  const annotations: Annotation[] = []
  for (const source of Array.isArray(citation.sources) ? citation.sources : []) {
    if (!isObject(source)) continue
    const toolOutput = field(source, "toolOutput", "tool_output")
    const document = isObject(source.document) ? source.document : undefined
    const title = optionalString(document?.title)
    annotations.push({
      type: "file_citation",
      file_id: optionalString(source.id) ?? "",
      ...(title === undefined ? {} : { filename: title }),
      ...span,
      ...(isObject(toolOutput) ? { tool_output: toolOutput } : document ? { document } : {}),
    } as Annotation)
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
 * citation with several sources; spans move by `target.offset`. Other annotation types (web pages, map
 * places) have no Cohere form and are reported through `onWarning`.
 */
export function annotationsToCitations(
  annotations: readonly Annotation[],
  target: { type: "TEXT_CONTENT" | "PLAN"; contentIndex?: number | undefined; offset?: number },
  path: string,
  onWarning: Warn,
): CohereCitation[] {
  const citations: CohereCitation[] = []
  let previous: JsonObject | undefined
  for (const [i, annotation] of annotations.entries()) {
    if (annotation.type !== "file_citation") {
      warn(
        onWarning,
        `annotations.${annotation.type}`,
        `${path}.annotations[${i}]`,
        "Cohere cites documents and tools only",
      )
      continue
    }
    const current = annotation as JsonObject
    const last = citations.at(-1)
    if (last && previous && sameSpan(previous, current)) {
      last.sources?.push(toSource(current))
    } else {
      const citation: CohereCitation = copy(current, SPAN, true)
      // Text parts joined into one tool plan: spans of the later parts move by the text before them.
      if (target.offset) {
        if (citation.start !== undefined) citation.start += target.offset
        if (citation.end !== undefined) citation.end += target.offset
      }
      citation.sources = [toSource(current)]
      citation.type = target.type
      if (target.contentIndex !== undefined) citation.contentIndex = target.contentIndex
      citations.push(citation)
    }
    previous = current
  }
  return citations
}
