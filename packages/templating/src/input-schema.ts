import { messageSchema, type PromptTemplate } from "@pl/blueprint"
import * as z from "zod/mini"
import type { Engines } from "./engine.js"
import { type TemplateVariable, templateVariables } from "./get-variables.js"

/** Any value but `undefined`: a variable that is looked into, looped over or compared. */
const presentValue = z.custom<unknown>((value) => value !== undefined, { message: "Required" })

function schemaFor(variable: TemplateVariable): z.ZodMiniType {
  const schema =
    variable.kind === "text"
      ? z.string()
      : variable.kind === "placeholder"
        ? z.array(messageSchema)
        : variable.kind === "media"
          ? z.array(z.string())
          : presentValue
  return variable.required ? schema : z.optional(schema)
}

/** The zod object schema of a template's variables, with the given engines. */
export function inputSchemaWith(engines: Engines, template: PromptTemplate): z.ZodMiniObject {
  // No prototype: a variable named `__proto__` is a key like any other.
  const shape: Record<string, z.ZodMiniType> = Object.create(null)
  for (const variable of templateVariables(engines, template)) shape[variable.name] = schemaFor(variable)
  return z.object(shape)
}
