import { messageSchema, type PromptTemplate } from "@pl/blueprint"
import * as z from "zod/mini"
import { describeValue } from "./describe-value.js"
import type { Engines } from "./engine.js"
import { type TemplateVariable, templateVariables } from "./get-variables.js"

/** What a variable must be, by what the template does with it: the start of each issue's message. */
const WANTED: Readonly<Record<TemplateVariable["kind"], string>> = {
  text: "a string (the template prints it)",
  value: "a value (the template looks into it, loops over it, compares or formats it)",
  placeholder: "an array of blueprint messages (it fills a placeholder)",
  media: "an array of media URLs or base64 strings (a media variable)",
}

/**
 * Issue messages in English that say what the variable is for (zod/mini has no messages of its own):
 * `missing: ...` when it was not passed, else what it must be and what it was.
 */
function says(variable: TemplateVariable, wanted = WANTED[variable.kind]) {
  return {
    error: (issue: { input?: unknown }) =>
      issue.input === undefined
        ? `missing: ${variable.name} must be ${wanted}`
        : `expected ${wanted}, received ${describeValue(issue.input)}`,
  }
}

function schemaFor(variable: TemplateVariable): z.ZodMiniType {
  const schema =
    variable.kind === "text"
      ? z.string(says(variable))
      : variable.kind === "placeholder"
        ? z.array(messageSchema, says(variable))
        : variable.kind === "media"
          ? z.array(z.string(says(variable, "a media URL or base64 string")), says(variable))
          : // Any value but `undefined`.
            z.custom<unknown>((value) => value !== undefined, says(variable))
  return variable.required ? schema : z.optional(schema)
}

/** The zod object schema of a template's variables, with the given engines. */
export function inputSchemaWith(engines: Engines, template: PromptTemplate): z.ZodMiniObject {
  // No prototype: a variable named `__proto__` is a key like any other.
  const shape: Record<string, z.ZodMiniType> = Object.create(null)
  for (const variable of templateVariables(engines, template)) shape[variable.name] = schemaFor(variable)
  return z.object(shape)
}
