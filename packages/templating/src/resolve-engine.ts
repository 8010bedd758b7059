import type { TemplateFormat } from "@pl/blueprint"
import type { Engines, TemplateEngine } from "./engine.js"
import { EngineUnavailableError } from "./errors.js"

/** The engine for a format; a message with no `template_format` is f-string, PromptLayer's default. */
export function resolveEngine(engines: Engines, format: TemplateFormat | null | undefined): TemplateEngine {
  const name = format ?? "f-string"
  const engine = engines[name]
  if (engine) return engine
  if (name === "jinja2") {
    throw new EngineUnavailableError(
      "jinja2",
      'jinja2 templates need the jinja2 engine, which this entry point leaves out (it bundles nunjucks and compiles templates with new Function): import from "@pl/templating/jinja2" instead (in Node, "@pl/templating" already includes it).',
    )
  }
  throw new EngineUnavailableError(
    name,
    `unknown template_format ${JSON.stringify(name)}: use "f-string" or "jinja2"`,
  )
}
