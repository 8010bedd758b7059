import type { TemplateFormat } from "@pl/blueprint"
import type { Engines } from "./engine.js"
import type { RenderOptions } from "./options.js"
import { RenderSession } from "./render-session.js"
import { resolveEngine } from "./resolve-engine.js"
import { VariableMap } from "./variable-map.js"

/** Renders one text with the given engines; the entry points bind the engines. */
export function renderTextWith(
  engines: Engines,
  text: string,
  variables: Readonly<Record<string, unknown>>,
  format: TemplateFormat = "f-string",
  options: RenderOptions = {},
): string {
  if (typeof text !== "string") throw new TypeError("text must be a string")
  const session = new RenderSession(new VariableMap(variables), options)
  const rendered = session.renderText(resolveEngine(engines, format), text)
  session.finish()
  return rendered
}
