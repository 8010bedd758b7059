import type { Content, Message, PromptTemplate, TemplateFormat } from "@pl/blueprint"

/** What a template is made of, as the functions that read it see it. */
export interface SlotVisitor {
  /** A text part to render with `format`. */
  text(text: string, format: TemplateFormat | null | undefined, path: string): void
  /** A placeholder message, filled from the variable `name`. */
  placeholder(name: string, path: string): void
  /** A media_variable part, filled from the variable `name`. */
  media(name: string, path: string): void
}

export const TEMPLATE_PATH = "prompt_template"

/** `prompt_template.messages[1]`. */
export function messagePath(message: number): string {
  return `${TEMPLATE_PATH}.messages[${message}]`
}

/** `prompt_template.messages[1].content[0]`, or `prompt_template.content[0]` for a completion template. */
export function contentPath(message: number | undefined, part: number): string {
  return message === undefined
    ? `${TEMPLATE_PATH}.content[${part}]`
    : `${messagePath(message)}.content[${part}]`
}

/** Visits every text part, placeholder and media variable of a template, in order. */
export function visitSlots(template: PromptTemplate, visitor: SlotVisitor): void {
  if (template.type === "completion") {
    visitContent(template.content, template.template_format, `${TEMPLATE_PATH}.content`, visitor)
    return
  }
  template.messages.forEach((message: Message, i) => {
    const path = `${TEMPLATE_PATH}.messages[${i}]`
    if (message.role === "placeholder") visitor.placeholder(message.name, path)
    else if (Array.isArray(message.content)) {
      visitContent(message.content, message.template_format, `${path}.content`, visitor)
    }
  })
}

function visitContent(
  content: readonly Content[],
  format: TemplateFormat | null | undefined,
  path: string,
  visitor: SlotVisitor,
): void {
  content.forEach((part, j) => {
    if (part.type === "text" && typeof part.text === "string")
      visitor.text(part.text, format, `${path}[${j}]`)
    else if (part.type === "media_variable" && typeof part.name === "string")
      visitor.media(part.name, `${path}[${j}]`)
  })
}
