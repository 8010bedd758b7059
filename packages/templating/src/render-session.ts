import type { TemplateFormat } from "@pl/blueprint"
import type { RenderContext, TemplateEngine, VariableUse } from "./engine.js"
import { attachPath, MissingVariablesError, TemplateError, TemplateRenderError } from "./errors.js"
import { Budget, type RenderOptions } from "./options.js"
import { hasVariable, type VariableMap } from "./variable-map.js"

/**
 * One render of a template or text: its limits, its mode, and the missing variables found so far, so
 * that one error can name all of them and every place each is used.
 */
export class RenderSession implements RenderContext {
  readonly budget: Budget
  readonly lenient: boolean
  private readonly missingPaths = new Map<string, string[]>()
  private path: string | undefined

  constructor(
    readonly variables: VariableMap,
    options: RenderOptions = {},
  ) {
    this.budget = new Budget(options)
    this.lenient = options.lenient === true
  }

  missing(name: string, path = this.path): void {
    let paths = this.missingPaths.get(name)
    if (paths === undefined) {
      paths = []
      this.missingPaths.set(name, paths)
    }
    if (path !== undefined && !paths.includes(path)) paths.push(path)
  }

  /**
   * Renders one text with `engine`; in strict mode a text whose variables are missing is recorded and
   * left as it is (the error comes at the end, naming everything missing).
   */
  renderText(
    engine: TemplateEngine,
    text: string,
    path: string | undefined,
    onVariable?: (use: VariableUse) => void,
  ): string {
    try {
      const prepared = engine.prepare(text)
      if (onVariable) for (const use of prepared.variables) onVariable(use)
      if (!this.lenient && !prepared.reportsMissing) {
        let complete = true
        for (const use of prepared.variables) {
          if (use.required && !hasVariable(this.variables, use.name)) {
            this.missing(use.name, path)
            complete = false
          }
        }
        if (!complete) return text
      }
      this.budget.checkTime()
      this.path = path
      return prepared.render(this.variables, this)
    } catch (error) {
      throw located(error, engine.format, path)
    }
  }

  /** Throws {@link MissingVariablesError} when anything was missing. */
  finish(): void {
    if (this.missingPaths.size === 0) return
    throw new MissingVariablesError([...this.missingPaths].map(([name, paths]) => ({ name, paths })))
  }
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
