import type { Content, KnownContent, KnownTool, Tool } from "@pl/blueprint"

// TODO(shared): `isKnownContent` and `isKnownTool` live in @pl/blueprint's content.ts and tool.ts, beside the
// zod schemas, so importing them bundles zod (9.6 KB gzip) into the converter. These copies keep the converter
// zod-free until the type lists move into a zod-free module of @pl/blueprint. The `Record` types make the
// compiler list every known type, so the copies cannot drift silently.
const CONTENT_TYPES: Record<KnownContent["type"], true> = {
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

const TOOL_TYPES: Record<KnownTool["type"], true> = {
  function: true,
  web_search: true,
  file_search: true,
  code_interpreter: true,
  image_generation: true,
  mcp: true,
  computer_use: true,
  shell: true,
  apply_patch: true,
  url_context: true,
  google_search: true,
  google_maps: true,
  tool_variable: true,
}

/** Same as `isKnownContent` from @pl/blueprint, without its zod module. */
export function isKnownContent(part: Content): part is KnownContent {
  return Object.hasOwn(CONTENT_TYPES, part.type)
}

/** Same as `isKnownTool` from @pl/blueprint, without its zod module. */
export function isKnownTool(tool: Tool): tool is KnownTool {
  return Object.hasOwn(TOOL_TYPES, tool.type)
}
