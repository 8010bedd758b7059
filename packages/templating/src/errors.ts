import type { BlueprintIssue, TemplateFormat } from "@pl/blueprint"

/** Where in a template text an error is: 1-based line and column. */
export interface TextPosition {
  line: number
  column: number
}

/**
 * The base of every error this package throws, so one `instanceof` check catches them all. `path` says
 * which part of a template was being rendered (`prompt_template.messages[1].content[0]`), when known.
 *
 * @example
 * try { renderTemplate(template, variables) } catch (e) { if (e instanceof TemplateError) console.error(e.path, e.message) }
 */
export class TemplateError extends Error {
  override readonly name: string = "TemplateError"
  /** The template part being rendered, e.g. `prompt_template.messages[1].content[0]`; set by `renderTemplate`. */
  path: string | undefined

  constructor(message: string, options?: { cause?: unknown; path?: string }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause })
    this.path = options?.path
  }
}

/** Records the template part an error came from, once, in `path` and at the front of the message. */
export function attachPath<E extends TemplateError>(error: E, path: string): E {
  if (error.path === undefined) {
    error.path = path
    error.message = `${path}: ${error.message}`
  }
  return error
}

function at(position: Partial<TextPosition> | undefined): string {
  return position?.line === undefined ? "" : ` (line ${position.line}, column ${position.column ?? 1})`
}

/**
 * The template text cannot be parsed, or uses a form this package does not support (an f-string positional
 * field `{0}`, a jinja2 `{% include %}`, an unknown filter). The message says how to fix it; for the
 * classic f-string trap, JSON in a prompt, it says to double the braces or switch to jinja2.
 *
 * @example
 * renderText('Reply as {"a": 1}', {}) // throws TemplateSyntaxError: ... escape its braces as {{ and }} ...
 */
export class TemplateSyntaxError extends TemplateError {
  override readonly name = "TemplateSyntaxError"
  readonly format: TemplateFormat
  readonly line: number | undefined
  readonly column: number | undefined

  constructor(format: TemplateFormat, message: string, position?: Partial<TextPosition>, cause?: unknown) {
    super(`${format} template: ${message}${at(position)}`, { cause })
    this.format = format
    this.line = position?.line
    this.column = position?.column
  }
}

/** A variable the template needs and the caller did not pass, and every place it is used. */
export interface MissingVariable {
  /** The variable, or the attribute/index path that was not found (`user.name`, `items[3]`). */
  name: string
  /** Where it is used, e.g. `prompt_template.messages[1].content[0]`; empty for `renderText`. */
  paths: string[]
}

/**
 * Variables the template uses were not passed. Names every missing variable (not only the first) and
 * where each is used. Render with `{ lenient: true }` to have them render as empty text instead.
 *
 * @example
 * try { renderTemplate(t, {}) } catch (e) { if (e instanceof MissingVariablesError) e.missing.map((m) => m.name) }
 */
export class MissingVariablesError extends TemplateError {
  override readonly name = "MissingVariablesError"
  readonly missing: readonly MissingVariable[]
  /**
   * Every missing variable and where it is used, as the message lists them (`city (used in
   * prompt_template.messages[0].content[0]); name`): for a caller that says in its own words how to pass them.
   */
  readonly list: string

  constructor(missing: readonly MissingVariable[]) {
    const list = missing
      .map(({ name, paths }) => (paths.length > 0 ? `${name} (used in ${paths.join(", ")})` : name))
      .join("; ")
    super(
      `Missing template variable${missing.length === 1 ? "" : "s"}: ${list}. Pass ${missing.length === 1 ? "it" : "them"}, or render with { lenient: true } to leave missing variables empty.`,
    )
    this.missing = missing
    this.list = list
  }
}

/**
 * The template tried to reach something rendering must never reach: a forbidden member (`constructor`,
 * `__proto__`, `prototype`, ...), a host function, template loading, or code injection through the
 * template compiler. Nothing was executed.
 *
 * @example
 * renderText('{{ range.constructor("return process")() }}', {}, "jinja2") // throws TemplateSecurityError
 */
export class TemplateSecurityError extends TemplateError {
  override readonly name = "TemplateSecurityError"
  readonly format: TemplateFormat
  readonly line: number | undefined
  readonly column: number | undefined

  constructor(format: TemplateFormat, message: string, position?: Partial<TextPosition>) {
    super(`${format} template refused: ${message}${at(position)}`)
    this.format = format
    this.line = position?.line
    this.column = position?.column
  }
}

/** The limits `RenderOptions` sets, plus the fixed ones (`nesting`: template or call depth; `precision`). */
export type TemplateLimit = "maxOutputLength" | "maxLoopIterations" | "timeoutMs" | "nesting" | "precision"

/**
 * Rendering stopped at a limit: too much output, too many loop iterations or macro calls, too deep, or
 * too slow. Limits are enforced while rendering, so a runaway template stops early.
 *
 * @example
 * renderText("{% for i in range(10**9) %}x{% endfor %}", {}, "jinja2") // throws TemplateLimitError (maxLoopIterations)
 */
export class TemplateLimitError extends TemplateError {
  override readonly name = "TemplateLimitError"
  readonly limit: TemplateLimit
  /** The limit's value. */
  readonly max: number

  constructor(limit: TemplateLimit, max: number, message: string) {
    super(`Template limit reached (${limit} = ${max}): ${message}`)
    this.limit = limit
    this.max = max
  }
}

/**
 * The template is valid but failed while rendering: calling something that is not a function, a filter
 * given the wrong kind of value, an f-string format spec that does not fit the value (`{name:.2f}` with a
 * string), a value that cannot be printed.
 */
export class TemplateRenderError extends TemplateError {
  override readonly name = "TemplateRenderError"
  readonly format: TemplateFormat
  readonly line: number | undefined
  readonly column: number | undefined

  constructor(format: TemplateFormat, message: string, position?: Partial<TextPosition>, cause?: unknown) {
    super(`${format} template failed: ${message}${at(position)}`, { cause })
    this.format = format
    this.line = position?.line
    this.column = position?.column
  }
}

/**
 * A `placeholder` message's variable does not hold an array of blueprint messages. `issues` name each
 * problem by its path inside the variable (`history[1].content[0].type`).
 *
 * @example
 * try { renderTemplate(t, { history: "hi" }) } catch (e) { if (e instanceof PlaceholderError) e.placeholder // "history" }
 */
export class PlaceholderError extends TemplateError {
  override readonly name = "PlaceholderError"
  /** The placeholder's name, which is also the variable's. */
  readonly placeholder: string
  readonly issues: readonly BlueprintIssue[]

  constructor(placeholder: string, issues: readonly BlueprintIssue[]) {
    const lines = issues.slice(0, 5).map((issue) => `${issue.path}: ${issue.message}`)
    if (issues.length > 5) lines.push(`... and ${issues.length - 5} more`)
    super(
      `Placeholder "${placeholder}" needs an array of prompt blueprint messages in the variable "${placeholder}": ${lines.join("; ")}`,
    )
    this.placeholder = placeholder
    this.issues = issues
  }
}

/**
 * A `media_variable` part's variable does not hold an array of media strings (http(s) URLs, `data:` URLs
 * or base64), or one of them is none of these.
 */
export class MediaVariableError extends TemplateError {
  override readonly name = "MediaVariableError"
  /** The media variable's name. */
  readonly variable: string
  /** The index of the bad entry, when one entry is the problem. */
  readonly index: number | undefined

  constructor(variable: string, message: string, index?: number) {
    super(
      `Media variable "${variable}"${index === undefined ? "" : `[${index}]`}: ${message}. Pass an array of http(s) URLs, data: URLs or base64 strings.`,
    )
    this.variable = variable
    this.index = index
  }
}

/**
 * A template uses a format this build cannot render: jinja2 from the browser/edge entry (import
 * `@pl/templating/jinja2`), or jinja2 where the runtime forbids compiling code (`new Function`), as
 * Cloudflare Workers, Vercel Edge and pages with a strict Content-Security-Policy do.
 */
export class EngineUnavailableError extends TemplateError {
  override readonly name = "EngineUnavailableError"
  readonly format: TemplateFormat

  constructor(format: TemplateFormat, message: string, cause?: unknown) {
    super(message, { cause })
    this.format = format
  }
}
