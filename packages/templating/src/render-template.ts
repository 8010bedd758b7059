import type { Content, Message, PromptTemplate, TemplateFormat } from "@pl/blueprint"
import type { Engines } from "./engine.js"
import { attachPath, TemplateError } from "./errors.js"
import { expandMediaVariable } from "./expand-media-variable.js"
import { expandPlaceholder } from "./expand-placeholder.js"
import type { RenderOptions } from "./options.js"
import { RenderSession } from "./render-session.js"
import { resolveEngine } from "./resolve-engine.js"
import { TEMPLATE_PATH } from "./template-slots.js"
import { hasVariable, toVariableMap } from "./variable-map.js"

/**
 * Renders a whole template with the given engines; the entry points bind the engines (see `index.ts`).
 * Returns a new template: text parts rendered, placeholders and media variables expanded,
 * `input_variables` filled; everything else is shared with the input, which is never modified.
 */
export function renderTemplateWith<T extends PromptTemplate>(
  engines: Engines,
  template: T,
  variables: Readonly<Record<string, unknown>>,
  options: RenderOptions = {},
): T {
  const session = new RenderSession(toVariableMap(variables), options)
  const used = new Set<string>()
  const renderer = new TemplateRenderer(engines, session, used)
  let result: T
  if (template.type === "completion") {
    const content = renderer.content(template.content, template.template_format, `${TEMPLATE_PATH}.content`)
    result = { ...template, content }
  } else {
    const messages: Message[] = []
    template.messages.forEach((message, i) => {
      messages.push(...renderer.message(message, `${TEMPLATE_PATH}.messages[${i}]`))
    })
    result = { ...template, messages }
  }
  session.finish()
  result.input_variables = [...used]
  return result
}

class TemplateRenderer {
  constructor(
    private readonly engines: Engines,
    private readonly session: RenderSession,
    private readonly used: Set<string>,
  ) {}

  message(message: Message, path: string): Message[] {
    if (message.role === "placeholder") return this.placeholder(message.name, path)
    if (!Array.isArray(message.content)) return [message]
    const messageVariables = Array.isArray(message.input_variables) ? new Set<string>() : undefined
    const content = this.content(
      message.content,
      message.template_format,
      `${path}.content`,
      messageVariables,
    )
    const rendered = { ...message, content } as Message
    if (messageVariables) rendered.input_variables = [...messageVariables]
    return [rendered]
  }

  content(
    parts: readonly Content[],
    format: TemplateFormat | null | undefined,
    path: string,
    messageVariables?: Set<string>,
  ): Content[] {
    const out: Content[] = []
    parts.forEach((part, j) => {
      const partPath = `${path}[${j}]`
      if (part.type === "text" && typeof part.text === "string") {
        const engine = resolveEngine(this.engines, format)
        const text = this.session.renderText(engine, part.text, partPath, (use) =>
          this.use(use.name, messageVariables),
        )
        out.push({ ...part, text })
      } else if (part.type === "media_variable" && typeof part.name === "string") {
        this.use(part.name, messageVariables)
        out.push(...this.media(part.name, partPath))
      } else {
        out.push(part)
      }
    })
    return out
  }

  private placeholder(name: string, path: string): Message[] {
    this.use(name)
    const value = this.session.variables[name]
    if (!hasVariable(this.session.variables, name)) {
      if (!this.session.lenient) this.session.missing(name, path)
      return []
    }
    return guard(path, () => expandPlaceholder(name, value))
  }

  private media(name: string, path: string): Content[] {
    const value = this.session.variables[name]
    if (!hasVariable(this.session.variables, name)) {
      if (!this.session.lenient) this.session.missing(name, path)
      return []
    }
    return guard(path, () => expandMediaVariable(name, value))
  }

  private use(name: string, messageVariables?: Set<string>) {
    this.used.add(name)
    messageVariables?.add(name)
  }
}

function guard<R>(path: string, run: () => R): R {
  try {
    return run()
  } catch (error) {
    if (error instanceof TemplateError) throw attachPath(error, path)
    throw error
  }
}
