import { spawnSync } from "node:child_process"
import { fileURLToPath } from "node:url"
import { describe, expect, it, vi } from "vitest"

// The f-string build must work without nunjucks ever loading: make loading it fail loudly.
vi.mock("nunjucks", () => {
  throw new Error("nunjucks was loaded by the f-string build")
})

describe("the f-string build (@pl/templating outside Node)", () => {
  it("is checked for real: the jinja2 build cannot load here", async () => {
    await expect(import("../src/jinja2.js")).rejects.toThrow(/error when mocking a module/)
  })

  it("renders f-string templates without loading nunjucks", async () => {
    const { renderText, renderTemplate, getVariables, inputSchema } = await import("../src/index.js")
    expect(renderText("Hi {name}", { name: "Ada" })).toBe("Hi Ada")
    const template = {
      type: "chat" as const,
      messages: [{ role: "user" as const, content: [{ type: "text" as const, text: "{q}" }] }],
    }
    expect(renderTemplate(template, { q: "x" }).messages[0]?.content?.[0]).toEqual({
      type: "text",
      text: "x",
    })
    expect(getVariables(template)).toEqual(["q"])
    expect(inputSchema(template).safeParse({ q: "x" }).success).toBe(true)
  })

  it("refuses jinja2 templates with an error that says where jinja2 is", async () => {
    const { renderText, EngineUnavailableError } = await import("../src/index.js")
    const attempt = () => renderText("{{ name }}", { name: "Ada" }, "jinja2")
    expect(attempt).toThrow(EngineUnavailableError)
    expect(attempt).toThrow(/@pl\/templating\/jinja2/)
  })
})

describe("a runtime that forbids code generation (Cloudflare Workers, Vercel Edge, strict CSP)", () => {
  it("renders f-string templates and refuses jinja2 with EngineUnavailableError", () => {
    const script = fileURLToPath(new URL("./scripts/no-code-generation.ts", import.meta.url))
    const run = spawnSync(
      process.execPath,
      ["--disallow-code-generation-from-strings", "--conditions=@pl/source", "--import", "tsx", script],
      {
        encoding: "utf8",
        timeout: 30_000,
      },
    )
    expect(run.status, run.stderr).toBe(0)
    const result = JSON.parse(run.stdout.trim().split("\n").at(-1) ?? "{}")
    expect(result.fString).toEqual({ output: "Hi Ada" })
    expect(result.jinja2.error).toBe("EngineUnavailableError")
    expect(result.jinja2.message).toMatch(/new Function/)
  })
})
