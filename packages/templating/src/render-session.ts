import type { TemplateFormat } from "@pl/blueprint"
import type { PreparedText, RenderContext, TemplateEngine } from "./engine.js"
import { attachPath, MissingVariablesError, TemplateError, TemplateRenderError } from "./errors.js"
import { Budget, type RenderOptions } from "./options.js"
import { contentPath } from "./template-slots.js"
import type { VariableMap } from "./variable-map.js"

/**
 * One render of a template or text: its limits, its mode, and the missing variables found so far, so
 * that one error can name all of them and every place each is used.
 */
export class RenderSession implements RenderContext {
  readonly budget: Budget
  readonly lenient: boolean
  /** Each missing variable's paths; made on the first one, as most renders miss nothing. */
  private missingPaths: Map<string, string[]> | undefined
  private location: PartLocation | undefined

  constructor(
    readonly variables: VariableMap,
    options: RenderOptions = {},
  ) {
    this.budget = new Budget(options)
    this.lenient = options.lenient === true
  }

  missing(name: string, path = pathOf(this.location)): void {
    this.missingPaths ??= new Map()
    let paths = this.missingPaths.get(name)
    if (paths === undefined) {
      paths = []
      this.missingPaths.set(name, paths)
    }
    if (path !== undefined && !paths.includes(path)) paths.push(path)
  }

  /** Renders one text, at `location` in a template (errors and missing variables name it). */
  renderText(engine: TemplateEngine, text: string, location?: PartLocation): string {
    return this.render(engine, this.prepare(engine, text, location), text, location)
  }

  /** Parses (and compiles) a text. Its path is built from `location` only if an error needs it. */
  prepare(engine: TemplateEngine, text: string, location?: PartLocation): PreparedText {
    try {
      return engine.prepare(text)
    } catch (error) {
      throw located(error, engine.format, pathOf(location))
    }
  }

  /**
   * Renders a prepared text; in strict mode a text whose variables are missing, and whose engine cannot
   * render without them, is recorded and left as it is (the error comes at the end, naming everything).
   */
  render(engine: TemplateEngine, prepared: PreparedText, text: string, location?: PartLocation): string {
    this.location = location
    try {
      if (!this.lenient && !prepared.reportsMissing) {
        let complete = true
        for (const use of prepared.variables) {
          if (use.required && !this.variables.has(use.name)) {
            this.missing(use.name)
            complete = false
          }
        }
        if (!complete) return text
      }
      this.budget.checkTime()
      return prepared.render(this.variables, this)
    } catch (error) {
      throw located(error, engine.format, pathOf(location))
    }
  }

  /** Throws {@link MissingVariablesError} when anything was missing. */
  finish(): void {
    if (this.missingPaths === undefined) return
    throw new MissingVariablesError([...this.missingPaths].map(([name, paths]) => ({ name, paths })))
  }
}

/**
 * Where a text part is: `message` is its message's index (undefined for a completion template's content),
 * `part` its index in the content. Kept as numbers; the path string is built only when it is needed.
 */
export interface PartLocation {
  message: number | undefined
  part: number
}

function pathOf(location: PartLocation | undefined): string | undefined {
  return location === undefined ? undefined : contentPath(location.message, location.part)
}

/** Our errors get the template path; anything else (a bug, never expected) is wrapped, not leaked raw. */
export function located(error: unknown, format: TemplateFormat, path: string | undefined): TemplateError {
  const typed =
    error instanceof TemplateError
      ? error
      : new TemplateRenderError(
          format,
          error instanceof Error ? error.message : String(error),
          undefined,
          error,
        )
  return path === undefined ? typed : attachPath(typed, path)
}
