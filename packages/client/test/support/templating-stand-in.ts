/**
 * TODO(shared): a stand-in for @pl/templating used by vitest.config.ts only while that package has no
 * source yet (it is being written in parallel). It follows its API, f-string only: `renderTemplate`,
 * `inputSchema`, `TemplateError`, `MissingVariablesError` (`missing`). Delete once it lands.
 */
import { type Content, isKnownContent, type Message, type PromptTemplate } from "@pl/blueprint"

export class TemplateError extends Error {
  override readonly name: string = "TemplateError"
}

export class MissingVariablesError extends TemplateError {
  override readonly name: string = "MissingVariablesError"
  readonly missing: { name: string; paths: string[] }[]
  constructor(variables: string[]) {
    super(`Missing template variables: ${variables.join(", ")}`)
    this.missing = variables.map((name) => ({ name, paths: [] }))
  }
}

const VARIABLE = /\{\{|\}\}|\{([A-Za-z_][\w]*)\}/g

function textVariables(text: string): string[] {
  return [...text.matchAll(VARIABLE)].map((m) => m[1]).filter((v): v is string => v !== undefined)
}

export function getVariables(template: PromptTemplate): string[] {
  const names = new Set<string>()
  const parts: Content[] =
    template.type === "chat"
      ? template.messages.flatMap((m) => ("content" in m && m.content) || [])
      : template.content
  for (const part of parts) {
    if (!isKnownContent(part)) continue
    if (part.type === "text") for (const v of textVariables(part.text)) names.add(v)
    if (part.type === "media_variable") names.add(part.name)
  }
  if (template.type === "chat")
    for (const m of template.messages) if (m.role === "placeholder") names.add(m.name)
  return [...names]
}

export function inputSchema(template: PromptTemplate) {
  const names = getVariables(template)
  return {
    safeParse(value: Record<string, unknown>) {
      const missing = names.filter((name) => value[name] === undefined)
      return missing.length === 0
        ? { success: true as const, data: value }
        : {
            success: false as const,
            error: { issues: missing.map((name) => ({ path: [name], message: "required" })) },
          }
    },
  }
}

function renderParts(parts: Content[], variables: Record<string, unknown>): Content[] {
  return parts.flatMap((part): Content[] => {
    if (!isKnownContent(part)) return [part]
    if (part.type === "text") {
      return [
        {
          ...part,
          text: part.text.replace(VARIABLE, (m, name?: string) =>
            name === undefined ? m[0]! : String(variables[name] ?? ""),
          ),
        },
      ]
    }
    if (part.type === "media_variable") {
      const urls = variables[part.name]
      return (Array.isArray(urls) ? urls : []).map(
        (url) =>
          ({ type: "media", media: { title: part.name, type: "image/png", url: String(url) } }) as Content,
      )
    }
    return [part]
  })
}

export function renderTemplate(
  template: PromptTemplate,
  variables: Record<string, unknown>,
  options: { lenient?: boolean } = {},
): PromptTemplate {
  if (!options.lenient) {
    const missing = getVariables(template).filter((name) => variables[name] === undefined)
    if (missing.length > 0) throw new MissingVariablesError(missing)
  }
  if (template.type === "completion")
    return { ...template, content: renderParts(template.content, variables) }
  const messages: Message[] = template.messages.flatMap((message): Message[] => {
    if (message.role === "placeholder") return (variables[message.name] as Message[] | undefined) ?? []
    if (!("content" in message) || !message.content) return [message]
    return [{ ...message, content: renderParts(message.content, variables) } as Message]
  })
  return { ...template, messages }
}
