import type { PromptTemplate, TemplateFormat } from "@pl/blueprint"
import type { Engines, VariableUse } from "./engine.js"
import { attachPath, TemplateError } from "./errors.js"
import { resolveEngine } from "./resolve-engine.js"
import { visitSlots } from "./template-slots.js"

/** A variable of a whole template, with how it is used: in text, as a placeholder, as media. */
export interface TemplateVariable {
  name: string
  kind: VariableUse["kind"] | "placeholder" | "media"
  required: boolean
}

/** The variables of a text or a template, in first-use order, without duplicates. */
export function getVariablesWith(
  engines: Engines,
  templateOrText: PromptTemplate | string,
  format: TemplateFormat = "f-string",
): string[] {
  return templateVariables(engines, templateOrText, format).map((variable) => variable.name)
}

/**
 * Every variable with its merged use: a name used in several ways is a `value` (anything) unless all uses
 * agree, and required when any use requires it.
 */
export function templateVariables(
  engines: Engines,
  templateOrText: PromptTemplate | string,
  format: TemplateFormat = "f-string",
): TemplateVariable[] {
  const found = new Map<string, TemplateVariable>()
  const add = (name: string, kind: TemplateVariable["kind"], required: boolean) => {
    const known = found.get(name)
    if (known === undefined) found.set(name, { name, kind, required })
    else {
      if (known.kind !== kind) known.kind = "value"
      known.required ||= required
    }
  }
  const text = (source: string, textFormat: TemplateFormat | null | undefined, path?: string) => {
    const engine = resolveEngine(engines, textFormat)
    try {
      for (const use of engine.prepare(source).variables) add(use.name, use.kind, use.required)
    } catch (error) {
      if (error instanceof TemplateError && path !== undefined) throw attachPath(error, path)
      throw error
    }
  }
  if (typeof templateOrText === "string") text(templateOrText, format)
  else {
    visitSlots(templateOrText, {
      text,
      placeholder: (name) => add(name, "placeholder", true),
      media: (name) => add(name, "media", true),
    })
  }
  return [...found.values()]
}
