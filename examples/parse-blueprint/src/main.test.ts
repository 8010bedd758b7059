import { execFileSync } from "node:child_process"
import { readFileSync } from "node:fs"
import { parseBlueprint } from "@pl/blueprint"
import { describe, expect, it } from "vitest"
import { describe as describeBlueprint } from "./main.js"

const here = new URL("..", import.meta.url)

describe("the parse-blueprint example", () => {
  it("describes a valid blueprint", () => {
    const blueprint = parseBlueprint(
      JSON.parse(readFileSync(new URL("blueprints/support-agent.json", here), "utf8")),
    )
    expect(describeBlueprint(blueprint)).toEqual([
      "chat template for openai gpt-4o",
      "messages: 5 (system, placeholder(history), user, assistant, tool)",
      "tools: get_weather",
      'tool calls: get_weather({"city": "Paris"})',
      "content: 4 text, 1 image_url, 1 media_variable, 1 thinking",
      "input variables: customer, history",
      "structured output: json_schema (answer)",
    ])
  })

  it("prints every problem of a broken file with its path, and exits 1 only with --strict", () => {
    const run = (args: string[]) =>
      execFileSync(process.execPath, ["--conditions=@pl/source", "--import", "tsx", "src/main.ts", ...args], {
        cwd: here,
        encoding: "utf8",
      })
    const out = run(["blueprints/broken.json"])
    expect(out).toContain("✗ broken.json: 5 problem(s)")
    expect(out).toContain("prompt_template.messages[0].content[0].text: expected string, received number 42")
    expect(out).toContain(
      "prompt_template.messages[1].content[0].image_url.url: expected string, received nothing",
    )
    expect(out).toContain("prompt_template.messages[2].tool_call_id")
    expect(out).toContain('prompt_template.messages[3].role: unknown role "narrator"')
    expect(out).toContain("metadata.model.name")
    expect(() => run(["--strict", "blueprints/broken.json"])).toThrow()
  })
})
