/**
 * The blueprint's built-in tools as the Responses API names them.
 */
import type { BuiltInToolType } from "@pl/blueprint"

/** Blueprint built-in tool type → Responses API tool type; Gemini's (`url_context`, `google_*`) have none. */
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

/** The Responses API type of a blueprint built-in tool type; `undefined` for any other type. */
export function responsesToolType(type: string): string | undefined {
  return Object.hasOwn(BUILT_IN_TOOLS, type) ? BUILT_IN_TOOLS[type as BuiltInToolType] : undefined
}
