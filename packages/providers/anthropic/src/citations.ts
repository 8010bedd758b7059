import type { TextCitation, TextCitationParam } from "@anthropic-ai/sdk/resources/messages"
import type { Annotation } from "@pl/blueprint"

/** Anthropic's citation types all end so (`char_location`, `page_location`, ...); the blueprint's none do. */
const NATIVE_CITATION = /_location$/

/**
 * An Anthropic citation → a blueprint annotation. A web search result becomes a `url_citation` (what
 * every provider's web citations map to) that keeps `encrypted_index`, which Anthropic needs to accept
 * the citation back; document and search-result locations have no portable form and stay as received.
 */
export function fromCitation(citation: TextCitation | TextCitationParam): Annotation {
  if (citation.type !== "web_search_result_location") return { ...citation }
  const { url, title, cited_text, encrypted_index } = citation
  return { type: "url_citation", url, title, cited_text, encrypted_index }
}

/** The inverse of {@link fromCitation}; `undefined` for an annotation Anthropic cannot take. */
export function toCitation(annotation: Annotation): TextCitationParam | undefined {
  if (annotation.type === "url_citation") {
    const { url, title, cited_text, encrypted_index } = annotation
    if (typeof encrypted_index !== "string" || typeof cited_text !== "string" || typeof url !== "string")
      return undefined
    return {
      type: "web_search_result_location",
      url,
      title: typeof title === "string" ? title : null,
      cited_text,
      encrypted_index,
    }
  }
  if (!NATIVE_CITATION.test(annotation.type)) return undefined
  // Responses add `file_id`, which request citations do not take.
  const { file_id: _fileId, ...citation } = annotation
  return citation as unknown as TextCitationParam
}
