import type { PromptTemplate } from "@pl/blueprint"
import { inputSchema, renderTemplate, TemplateError } from "@pl/templating"
import { PromptLayerValidationError } from "./errors.js"

/**
 * Validates the input variables against the template's input schema, then renders every message.
 * Templating errors (missing variables, a syntax error, a forbidden jinja2 access) become a
 * {@link PromptLayerValidationError} naming each problem, with the templating error as `cause`.
 *
 * @example
 * renderPrompt(template, { name: "Ada" }) // the template with `{name}` replaced
 */
/**
 * Input schemas per template object: building one costs far more than validating with it, and a cached
 * template is the same object run after run.
 */
const schemas = new WeakMap<PromptTemplate, ReturnType<typeof inputSchema>>()

function schemaOf(template: PromptTemplate) {
  let schema = schemas.get(template)
  if (!schema) {
    schema = inputSchema(template)
    schemas.set(template, schema)
  }
  return schema
}

export function renderPrompt(
  template: PromptTemplate,
  variables: Record<string, unknown>,
  options: { lenient?: boolean } = {},
): PromptTemplate {
  if (!options.lenient) {
    const result = schemaOf(template).safeParse(variables)
    if (!result.success) {
      const issues = result.error.issues.map((issue) => ({
        path: ["inputVariables", ...issue.path.map(String)].join("."),
        message: issue.message,
      }))
      throw new PromptLayerValidationError(
        `Invalid input variables: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join("; ")}`,
        { issues },
      )
    }
  }
  try {
    return renderTemplate(template, variables, { lenient: options.lenient ?? false })
  } catch (error) {
    if (error instanceof TemplateError) {
      throw new PromptLayerValidationError(error.message, {
        issues: [{ path: "prompt_template", message: error.message }],
        cause: error,
      })
    }
    throw error
  }
}
