/**
 * The content, tool and annotation types this version knows, and the guards that narrow to them. Kept
 * apart from the schemas (no zod here), so converters that only need the guards bundle no validator.
 */
import type { Content, KnownContent } from "./content.js"
import type { KnownTool, Tool } from "./tool.js"

export const ANNOTATION_TYPES = [
  "url_citation",
  "file_citation",
  "map_citation",
  "container_file_citation",
] as const

/** Every content part type this version knows, in one list (`isKnownContent` checks against it). */
export const CONTENT_TYPES = [
  "text",
  "thinking",
  "redacted_thinking",
  "image_url",
  "media",
  "media_variable",
  "output_media",
  "code",
  "server_tool_use",
  "web_search_tool_result",
  "mcp_list_tools",
  "mcp_call",
  "mcp_approval_request",
  "mcp_approval_response",
  "shell_call",
  "shell_call_output",
  "apply_patch_call",
  "apply_patch_call_output",
] as const

/** Tools the provider runs itself. `config` holds the tool's own settings (e.g. MCP `server_url`). */
export const BUILT_IN_TOOL_TYPES = [
  "web_search",
  "file_search",
  "code_interpreter",
  "image_generation",
  "mcp",
  "computer_use",
  "shell",
  "apply_patch",
  "url_context",
  "google_search",
  "google_maps",
] as const

export const TOOL_TYPES = ["function", ...BUILT_IN_TOOL_TYPES, "tool_variable"] as const

const contentTypes: ReadonlySet<string> = new Set(CONTENT_TYPES)

/**
 * Narrows a part to the types this version knows; adapters use it to warn about (and drop) the rest.
 *
 * @example
 * for (const part of message.content ?? []) if (isKnownContent(part) && part.type === "text") use(part.text)
 */
export function isKnownContent(part: Content): part is KnownContent {
  return contentTypes.has(part.type)
}

/** Narrows a tool to the types this version knows. */
const toolTypes: ReadonlySet<string> = new Set(TOOL_TYPES)

/** Narrows a tool to the types this version knows. */
export function isKnownTool(tool: Tool): tool is KnownTool {
  return toolTypes.has(tool.type)
}
