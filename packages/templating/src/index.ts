/**
 * @pl/templating, f-string build: what browsers, edge runtimes and other bundles get from
 * `@pl/templating`. Renders f-string templates with no code generation and without nunjucks; a jinja2
 * template throws `EngineUnavailableError` pointing to `@pl/templating/jinja2`. Node resolves
 * `@pl/templating` to the jinja2 build (`./jinja2.ts`), which has the same API and both formats.
 */
import type { PromptTemplate, TemplateFormat } from "@pl/blueprint"
import type { ZodMiniObject } from "zod/mini"
import type { Engines } from "./engine.js"
import { fStringEngine } from "./fstring/fstring-engine.js"
import { getVariablesWith } from "./get-variables.js"
import { inputSchemaWith } from "./input-schema.js"
import type { RenderOptions } from "./options.js"
import { renderTemplateWith } from "./render-template.js"
import { renderTextWith } from "./render-text.js"

export {
  EngineUnavailableError,
  MediaVariableError,
  type MissingVariable,
  MissingVariablesError,
  PlaceholderError,
  TemplateError,
  type TemplateLimit,
  TemplateLimitError,
  TemplateRenderError,
  TemplateSecurityError,
  TemplateSyntaxError,
  type TextPosition,
} from "./errors.js"
export { UNKNOWN_MEDIA_TYPE } from "./expand-media-variable.js"
export { DEFAULT_MAX_LOOP_ITERATIONS, DEFAULT_MAX_OUTPUT_LENGTH, type RenderOptions } from "./options.js"

const engines: Engines = { "f-string": fStringEngine }

/**
 * Renders a chat or completion template: every text part with its message's `template_format`
 * (`f-string` when unset; a completion template's own `template_format`), each `placeholder` message
 * expanded from a variable holding blueprint messages, each `media_variable` part expanded into `media`
 * parts, `input_variables` set to the variables the template uses. Returns a new template; everything
 * else (tool calls, thinking and signatures, metadata, unknown fields) is kept as it is, and the input is
 * never modified.
 *
 * @throws {MissingVariablesError} naming every missing variable and where it is used (unless `lenient`).
 * @throws {TemplateSyntaxError} / {@link TemplateSecurityError} / {@link TemplateLimitError} /
 * {@link TemplateRenderError} / {@link PlaceholderError} / {@link MediaVariableError} /
 * {@link EngineUnavailableError}, all {@link TemplateError}s with the failing part's `path`.
 * @example
 * const rendered = renderTemplate(
 *   { type: "chat", messages: [{ role: "user", content: [{ type: "text", text: "Hi {name}" }] }] },
 *   { name: "Ada" },
 * ) // messages[0].content[0].text === "Hi Ada"
 */
export function renderTemplate<T extends PromptTemplate>(
  template: T,
  variables: Readonly<Record<string, unknown>>,
  options?: RenderOptions,
): T {
  return renderTemplateWith(engines, template, variables, options)
}

/**
 * Renders one text. `format` defaults to `f-string`.
 *
 * @example
 * renderText("{name:>6}|{n:.2f}", { name: "Ada", n: 3.14159 }) // "   Ada|3.14"
 */
export function renderText(
  text: string,
  variables: Readonly<Record<string, unknown>>,
  format?: TemplateFormat,
  options?: RenderOptions,
): string {
  return renderTextWith(engines, text, variables, format, options)
}

/**
 * The variables a text or a whole template needs, in first-use order, without duplicates. For a template,
 * placeholder and media variables are included and each message's own format is used (`format` applies
 * to a text only).
 *
 * @example
 * getVariables("{greeting}, {name}! {name}?") // ["greeting", "name"]
 */
export function getVariables(templateOrText: PromptTemplate | string, format?: TemplateFormat): string[] {
  return getVariablesWith(engines, templateOrText, format)
}

/**
 * A zod object schema of a template's variables, to validate inputs before rendering: a string for a
 * variable that is only printed, an array of blueprint messages for a placeholder, an array of strings
 * for a media variable, any value (but `undefined`) for a variable the template looks into, loops over
 * or formats as a number; optional when the template copes without it (jinja2 `is defined`,
 * `| default`, `{% if x %}`).
 *
 * @example
 * const result = inputSchema(template).safeParse(variables)
 * if (!result.success) console.error(result.error.issues)
 */
export function inputSchema(template: PromptTemplate): ZodMiniObject {
  return inputSchemaWith(engines, template)
}

/**
 * Empties the caches of parsed templates (f-string parses here; jinja2 compiled templates too in the
 * jinja2 build). The caches are bounded, so this is only needed to free memory at once. A template
 * object that has been rendered keeps its own texts' parsed forms (for its next render) until it is
 * garbage collected.
 *
 * @example
 * clearTemplateCache()
 */
export function clearTemplateCache(): void {
  fStringEngine.clearCache()
}
