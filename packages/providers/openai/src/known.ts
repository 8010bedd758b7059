/**
 * TODO(shared): `isKnownContent` and `isKnownTool` live in @pl/blueprint's `content.ts` and `tool.ts`, beside
 * the zod schemas built at module level, so importing them bundles zod into the converter. Until they move
 * to zod-free modules these local copies are used; the `Record` types make the compiler check that they
 * list exactly the blueprint's types.
 */
import type { BuiltInToolType, Content, ContentType, KnownContent, KnownTool, Tool } from "@pl/blueprint"

const CONTENT_TYPES: Readonly<Record<ContentType, true>> = {
  text: true,
  thinking: true,
  redacted_thinking: true,
  image_url: true,
  media: true,
  media_variable: true,
  output_media: true,
  code: true,
  server_tool_use: true,
  web_search_tool_result: true,
  mcp_list_tools: true,
  mcp_call: true,
  mcp_approval_request: true,
  mcp_approval_response: true,
  shell_call: true,
  shell_call_output: true,
  apply_patch_call: true,
  apply_patch_call_output: true,
}

/** Blueprint built-in tool type → Responses API tool type; Gemini's have none. */
export const BUILT_IN_TOOLS: Readonly<Record<BuiltInToolType, string | undefined>> = {
  web_search: "web_search",
  file_search: "file_search",
  code_interpreter: "code_interpreter",
  image_generation: "image_generation",
  mcp: "mcp",
  shell: "shell",
  apply_patch: "apply_patch",
  computer_use: "computer_use_preview",
  url_context: undefined,
  google_search: undefined,
  google_maps: undefined,
}

export function isKnownContent(part: Content): part is KnownContent {
  return Object.hasOwn(CONTENT_TYPES, part.type)
}

export function isKnownTool(tool: Tool): tool is KnownTool {
  return tool.type === "function" || tool.type === "tool_variable" || Object.hasOwn(BUILT_IN_TOOLS, tool.type)
}
