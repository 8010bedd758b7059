import type { Content, Message, PromptTemplate, TemplateFormat } from "@pl/blueprint"
import type { Engines, PreparedText, TemplateEngine } from "./engine.js"
import { attachPath, TemplateError } from "./errors.js"
import { expandMediaVariable } from "./expand-media-variable.js"
import { expandPlaceholder } from "./expand-placeholder.js"
import type { RenderOptions } from "./options.js"
import { type PartLocation, RenderSession } from "./render-session.js"
import { resolveEngine } from "./resolve-engine.js"
import { contentPath, messagePath } from "./template-slots.js"
import { VariableMap } from "./variable-map.js"

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
  const session = new RenderSession(new VariableMap(variables), options)
  const renderer = new TemplateRenderer(template, engines, session)
  // The copy is a spread (V8's fast clone) only when the template has `input_variables` already: in V8's
  // optimized code (Node 20), an object literal that starts with a spread gets a hidden class of its own
  // for every key added to it later, which made a render of a template without them 4× slower and left
  // every later read of the copy an inline-cache miss.
  const cloneable = "input_variables" in template
  let result: T
  if (template.type === "completion") {
    const content = renderer.content(template.content, template.template_format, undefined)
    result = cloneable ? { ...template, content } : Object.assign({}, template, { content })
  } else {
    const messages: Message[] = []
    const source = template.messages
    for (let i = 0; i < source.length; i++) renderer.message(source[i] as Message, i, messages)
    result = cloneable ? { ...template, messages } : Object.assign({}, template, { messages })
  }
  session.finish()
  result.input_variables = renderer.sources.names()
  return result
}

/** A text part as a render met it: the engine that prepared it, and its prepared form. */
interface TextSource {
  readonly text: string
  readonly engine: TemplateEngine
  readonly prepared: PreparedText
}

/** Where a template's variables come from: a text part, or a placeholder or media variable name. */
type Source = TextSource | string

/** The sources met in the last render of a template, and the variable names they gave. */
interface LastRender {
  readonly sources: readonly Source[]
  readonly names: readonly string[]
}
const lastRenders = new WeakMap<PromptTemplate, LastRender>()

/**
 * The template's variables in first-use order, from where they came from: its text parts' prepared forms
 * and its placeholder and media variable names. Rendering the same template again (the usual case) meets
 * the same sources in the same order: each is compared with the last render's as it comes, a text the
 * last render prepared with the same engine is not looked up again, and the last render's names are
 * reused. The sources are listed only from the first one that differs.
 */
class TemplateSources {
  private readonly last: LastRender | undefined
  /** How many sources so far are the last render's. */
  private matched = 0
  /** All sources so far, once one differed from the last render's. */
  private sources: Source[] | undefined

  constructor(private readonly template: PromptTemplate) {
    this.last = lastRenders.get(template)
  }

  /** The last render's prepared form of `text` when it comes next, counted as met; else undefined. */
  reuse(engine: TemplateEngine, text: string): PreparedText | undefined {
    if (this.sources === undefined) {
      const source = this.last?.sources[this.matched]
      if (typeof source === "object" && source.text === text && source.engine === engine) {
        this.matched++
        return source.prepared
      }
    }
    return undefined
  }

  /** A text part the last render did not meet here (see {@link reuse}). */
  addText(engine: TemplateEngine, text: string, prepared: PreparedText): PreparedText {
    this.listed().push({ text, engine, prepared })
    return prepared
  }

  addName(name: string): void {
    if (this.sources === undefined && this.last?.sources[this.matched] === name) this.matched++
    else this.listed().push(name)
  }

  names(): string[] {
    const last = this.last
    if (this.sources === undefined && last !== undefined && this.matched === last.sources.length) {
      return last.names.slice()
    }
    const sources = this.listed()
    const names = new Set<string>()
    for (const source of sources) {
      if (typeof source === "string") names.add(source)
      else for (const use of source.prepared.variables) names.add(use.name)
    }
    lastRenders.set(this.template, { sources, names: [...names] })
    return [...names]
  }

  private listed(): Source[] {
    this.sources ??= this.last?.sources.slice(0, this.matched) ?? []
    return this.sources
  }
}

/** Walks a template once, in order, building the rendered copy. Paths are built only when needed. */
class TemplateRenderer {
  /** Where the template's variables come from, in order. */
  readonly sources: TemplateSources
  /** Reused for every part: the session reads it only while that part is prepared and rendered. */
  private readonly location: PartLocation = { message: undefined, part: 0 }
  private lastFormat: TemplateFormat | null | undefined
  private lastEngine: TemplateEngine | undefined

  constructor(
    template: PromptTemplate,
    private readonly engines: Engines,
    private readonly session: RenderSession,
  ) {
    this.sources = new TemplateSources(template)
  }

  message(message: Message, i: number, out: Message[]): void {
    if (message.role === "placeholder") {
      for (const expanded of this.placeholder(message.name, messagePath(i))) out.push(expanded)
      return
    }
    if (!Array.isArray(message.content)) {
      out.push(message)
      return
    }
    const messageVariables = Array.isArray(message.input_variables) ? new Set<string>() : undefined
    const content = this.content(message.content, message.template_format, i, messageVariables)
    const rendered = { ...message, content } as Message
    if (messageVariables) rendered.input_variables = [...messageVariables]
    out.push(rendered)
  }

  content(
    parts: readonly Content[],
    format: TemplateFormat | null | undefined,
    message: number | undefined,
    messageVariables?: Set<string>,
  ): Content[] {
    const out: Content[] = []
    for (let j = 0; j < parts.length; j++) {
      const part = parts[j] as Content
      if (part.type === "text" && typeof part.text === "string") {
        const engine = this.engine(format)
        const location = this.location
        location.message = message
        location.part = j
        const prepared =
          this.sources.reuse(engine, part.text) ??
          this.sources.addText(engine, part.text, this.session.prepare(engine, part.text, location))
        if (messageVariables) for (const use of prepared.variables) messageVariables.add(use.name)
        out.push({ ...part, text: this.session.render(engine, prepared, part.text, location) })
      } else if (part.type === "media_variable" && typeof part.name === "string") {
        this.use(part.name, messageVariables)
        for (const media of this.media(part.name, contentPath(message, j))) out.push(media)
      } else {
        out.push(part)
      }
    }
    return out
  }

  /** The engine for a format; the previous part's when the format is the same (the usual case). */
  private engine(format: TemplateFormat | null | undefined): TemplateEngine {
    if (this.lastEngine === undefined || format !== this.lastFormat) {
      this.lastEngine = resolveEngine(this.engines, format)
      this.lastFormat = format
    }
    return this.lastEngine
  }

  private placeholder(name: string, path: string): Message[] {
    this.use(name)
    const value = this.session.variables.get(name)
    if (value === undefined) {
      if (!this.session.lenient) this.session.missing(name, path)
      return []
    }
    return guard(path, () => expandPlaceholder(name, value))
  }

  private media(name: string, path: string): Content[] {
    const value = this.session.variables.get(name)
    if (value === undefined) {
      if (!this.session.lenient) this.session.missing(name, path)
      return []
    }
    return guard(path, () => expandMediaVariable(name, value))
  }

  private use(name: string, messageVariables?: Set<string>) {
    this.sources.addName(name)
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
