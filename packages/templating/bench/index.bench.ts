// pnpm bench: f-string against jinja2 on the same 20-message template, and a cached jinja2 render against a
// first render (compile included). Bars from BARS.md: f-string ≥ 10× faster than jinja2 (ratio ≤ 0.1),
// cached jinja2 ≥ 20× faster than a first render (ratio ≤ 0.05). Three rows without a bar put them in
// context: a template without `input_variables` against the same with them (about 1×: a copy that gains a
// key is built without V8's slow path, see render-template.ts), the same comparison as the first without
// the template walk both share, and what the sandbox costs against plain nunjucks (which runs template
// code, see test/ssti.test.ts).

import type { ChatTemplate, Message, TemplateFormat } from "@pl/blueprint"
import { runBenchmarks } from "@pl/devtools/bench"
import { clearTemplateCache, renderTemplate } from "@pl/templating/jinja2"
import nunjucks from "nunjucks"
import type { TemplateEngine } from "../src/engine.js"
import { fStringEngine } from "../src/fstring/fstring-engine.js"
import { jinja2Engine } from "../src/jinja2/jinja2-engine.js"
import { RenderSession } from "../src/render-session.js"
import { VariableMap } from "../src/variable-map.js"

/**
 * A 20-message support conversation; `v` writes a variable in the format's syntax. `nonce` makes every
 * text new, so neither our cache nor V8's cache of compiled code (keyed by source text) can help.
 */
function conversation(format: TemplateFormat, nonce = ""): ChatTemplate {
  const v = (name: string) => (format === "jinja2" ? `{{ ${name} }}` : `{${name}}`)
  const messages: Message[] = [
    {
      role: "system",
      template_format: format,
      content: [
        {
          type: "text",
          text: `${nonce}You are ${v("assistant_name")}, the support assistant of ${v("company")}. Answer in ${v("language")}, in a ${v("tone")} tone, in at most ${v("max_words")} words. Today is ${v("date")}.`,
        },
      ],
    },
  ]
  for (let i = 1; i < 20; i++) {
    messages.push({
      role: i % 2 === 1 ? "user" : "assistant",
      template_format: format,
      content: [
        {
          type: "text",
          text: `Turn ${i}${nonce}: ${v("customer")} asked about order ${v("order_id")} placed on ${v("order_date")}; the product is ${v("product")} and the status is ${v("status")}. Keep the answer short and mention the tracking number when there is one.`,
        },
      ],
    })
  }
  return { type: "chat", messages, input_variables: [] }
}

const variables = {
  assistant_name: "Ada",
  company: "Acme",
  language: "English",
  tone: "friendly",
  max_words: "120",
  date: "2026-11-21",
  customer: "Grace Hopper",
  order_id: "A-1042",
  order_date: "2026-11-02",
  product: "a mechanical keyboard",
  status: "shipped",
}

const fString = conversation("f-string")
const { input_variables: _, ...fStringWithoutNames } = fString
const jinja2 = conversation("jinja2")
let firstRenders = 0

const textsOf = (template: ChatTemplate): string[] =>
  template.messages.flatMap((message) =>
    (message.content ?? []).flatMap((part) =>
      part.type === "text" && typeof part.text === "string" ? [part.text] : [],
    ),
  )
/** Renders each text through an engine directly, in one session: no template walk, no copies. */
function engineOnly(engine: TemplateEngine, texts: string[]) {
  return () => {
    const session = new RenderSession(new VariableMap(variables))
    return texts.map((text) => engine.prepare(text).render(session.variables, session))
  }
}
const stockEnvironment = new nunjucks.Environment([], { autoescape: false })
const stockTemplates = textsOf(jinja2).map(
  (text) => new nunjucks.Template(text, stockEnvironment, undefined, true),
)

runBenchmarks(
  "@pl/templating",
  [
    {
      name: "renderTemplate, 20-message chat, f-string",
      ours: () => renderTemplate(fString, variables),
      baseline: () => renderTemplate(jinja2, variables),
      baselineLabel: "the same template in jinja2 (compiled, cached)",
      bar: { max: 0.1 },
    },
    {
      name: "renderTemplate, 20-message chat, jinja2, cached (second) render",
      ours: () => renderTemplate(jinja2, variables),
      baseline: () => {
        clearTemplateCache()
        return renderTemplate(conversation("jinja2", ` #${++firstRenders}`), variables)
      },
      baselineLabel: "its first render (cache cleared: parse, check, compile)",
      bar: { max: 0.05 },
    },
    {
      name: "renderTemplate, 20-message chat, f-string, no input_variables in the template",
      ours: () => renderTemplate(fStringWithoutNames, variables),
      baseline: () => renderTemplate(fString, variables),
      baselineLabel: "the same template with input_variables: []",
    },
    {
      name: "the 20 texts through the engine only, f-string",
      ours: engineOnly(fStringEngine, textsOf(fString)),
      baseline: engineOnly(jinja2Engine, textsOf(jinja2)),
      baselineLabel: "the same texts through the jinja2 engine",
    },
    {
      name: "the 20 texts through the engine only, jinja2 (checked, sandboxed)",
      ours: engineOnly(jinja2Engine, textsOf(jinja2)),
      baseline: () => stockTemplates.map((template) => template.render(variables)),
      baselineLabel: "plain nunjucks, compiled Template.render (unsafe)",
    },
  ],
  // More rounds than the default: this machine is shared, and the median of more rounds is steadier.
  { rounds: 15 },
)
