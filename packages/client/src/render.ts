import type { PromptTemplate } from "@pl/blueprint"
import { MissingVariablesError, renderTemplate, TemplateError } from "@pl/templating"
import { PromptLayerValidationError } from "./errors.js"

/**
 * Renders every message of a template, strictly unless `lenient`: the templating error (every missing
 * variable, a syntax error, a forbidden jinja2 access, a placeholder or media variable of the wrong
 * shape) becomes a {@link PromptLayerValidationError} naming each problem by path, with the templating
 * error as `cause`. Values are not type-checked beyond what rendering needs: a number prints as it
 * would in Python, as PromptLayer renders it (stricter checks: `inputSchema(template)` of
 * `@pl/templating`).
 *
 * @example
 * renderPrompt(template, { name: "Ada" }) // the template with `{name}` replaced
 */
export function renderPrompt(
  template: PromptTemplate,
  variables: Record<string, unknown>,
  options: { lenient?: boolean } = {},
): PromptTemplate {
  try {
    return renderTemplate(template, variables, { lenient: options.lenient ?? false })
  } catch (error) {
    if (error instanceof MissingVariablesError) {
      const issues = error.missing.map(({ name, paths }) => ({
        path: `inputVariables.${name}`,
        message: paths.length > 0 ? `missing (used in ${paths.join(", ")})` : "missing",
      }))
      const message = missingVariablesMessage(
        error,
        "Pass each in inputVariables, or create the client with { lenientVariables: true } to leave missing variables empty.",
      )
      throw new PromptLayerValidationError(message, { issues, cause: error })
    }
    if (error instanceof TemplateError) {
      throw new PromptLayerValidationError(error.message, {
        issues: [{ path: error.path ?? "prompt_template", message: error.message }],
        cause: error,
      })
    }
    throw error
  }
}

/**
 * Names every missing variable and where it is used (the templating error's list), then says how to
 * pass them: `run()` and the CLI pass variables differently.
 *
 * @example
 * missingVariablesMessage(error, "Pass it.")
 * // "Missing input variable: city (used in prompt_template.messages[0].content[0]). Pass it."
 */
export function missingVariablesMessage(error: MissingVariablesError, howToPass: string): string {
  return `Missing input variable${error.missing.length === 1 ? "" : "s"}: ${error.list}. ${howToPass}`
}
