import type { TemplateFormat } from "@pl/blueprint"
import type { Budget } from "./options.js"
import type { VariableMap } from "./variable-map.js"

/**
 * How a template uses a variable: `text` when it is only printed (a string is expected), `value` when it
 * is looked into, looped over, compared or filtered (any value). `required` is false when the template
 * copes with its absence (jinja2 `x is defined`, `x | default(...)`, `{% if x %}`).
 */
export interface VariableUse {
  name: string
  kind: "text" | "value"
  required: boolean
}

/** What an engine reports while rendering one text. */
export interface RenderContext {
  readonly budget: Budget
  readonly lenient: boolean
  /** Records a missing attribute or index (`user.name`) found while rendering, in strict mode. */
  missing(name: string): void
}

/** A parsed (and, for jinja2, compiled) template text, cached by its text. */
export interface PreparedText {
  /** The variables it uses, in first-use order, without duplicates. */
  readonly variables: readonly VariableUse[]
  /**
   * Whether rendering copes with missing variables itself, reporting each through `context.missing`
   * (f-string). Otherwise, in strict mode a text with missing variables is not rendered at all (a jinja2
   * template would fail on them in ways that hide the real problem).
   */
  readonly reportsMissing: boolean
  render(variables: VariableMap, context: RenderContext): string
}

/** A template language. Engines are plain objects: an entry point decides which ones it offers. */
export interface TemplateEngine {
  readonly format: TemplateFormat
  /** Parses (and compiles) `text`, from a bounded cache when seen before. Throws on invalid templates. */
  prepare(text: string): PreparedText
  clearCache(): void
}

/** The engines an entry point offers, by format. */
export type Engines = Readonly<Partial<Record<TemplateFormat, TemplateEngine>>>
