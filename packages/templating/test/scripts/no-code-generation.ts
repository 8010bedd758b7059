// Run with `node --disallow-code-generation-from-strings`, as Cloudflare Workers and Vercel Edge run code:
// prints what rendering each format does there, as JSON.
import { renderText } from "../../src/jinja2.js"

const outcome = (run: () => string) => {
  try {
    return { output: run() }
  } catch (error) {
    return { error: (error as Error).name, message: (error as Error).message }
  }
}

console.log(
  JSON.stringify({
    fString: outcome(() => renderText("Hi {name}", { name: "Ada" })),
    jinja2: outcome(() => renderText("Hi {{ name }}", { name: "Ada" }, "jinja2")),
  }),
)
