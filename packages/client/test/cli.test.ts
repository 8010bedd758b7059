import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { readChunkLines, readJsonFixture, sendJson, sendSse, startServer, toSse } from "@pl/devtools/fixtures"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { main } from "../src/cli/cli.js"
import { EXIT } from "../src/cli/exit-codes.js"

const examples = fileURLToPath(new URL("../../../examples/prompts", import.meta.url))
let registry: string

beforeAll(async () => {
  registry = await mkdtemp(join(tmpdir(), "pl-cli-"))
  await cp(examples, registry, { recursive: true })
})
afterAll(() => rm(registry, { recursive: true, force: true }))

async function pl(args: string[], env: Record<string, string> = {}, signal?: AbortSignal) {
  let stdout = ""
  let stderr = ""
  const code = await main(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: { PL_REGISTRY: registry, ...env },
    cwd: registry,
    signal,
    version: "1.2.3",
  })
  return { code, stdout, stderr }
}

const supportVars = ["--var", "product=Acme", "--var", "question=How do I reset my password?"]

/** The local request log of the copied registry, one object per line, oldest first. */
async function requestLog(): Promise<Record<string, unknown>[]> {
  const text = await readFile(join(registry, ".pl", "requests.jsonl"), "utf8")
  return text
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line))
}

describe("pl run --dry-run", () => {
  it("prints the provider request for the latest version, and where it would go", async () => {
    const { code, stdout, stderr } = await pl(["run", "support-agent", ...supportVars, "--dry-run"])
    expect(code).toBe(EXIT.OK)
    const request = JSON.parse(stdout)
    expect(request).toMatchObject({ model: "gpt-4o-mini", temperature: 0.2 })
    expect(request.messages[0].content).toContain("friendly support agent for Acme")
    expect(request.messages[1].content).toContain("How do I reset my password?")
    expect(stderr).toContain("# openai gpt-4o-mini → the SDK's default endpoint")
  })

  it("selects a release label, switches provider, and speaks JSON with --json", async () => {
    const { code, stdout } = await pl([
      "run",
      "support-agent",
      ...supportVars,
      "--label",
      "prod",
      "--provider",
      "anthropic",
      "--model",
      "claude-sonnet-5",
      "--dry-run",
      "--json",
    ])
    expect(code).toBe(EXIT.OK)
    const out = JSON.parse(stdout)
    expect(out).toMatchObject({ provider: "anthropic", model: "claude-sonnet-5", baseURL: null })
    expect(JSON.stringify(out.request.system)).toContain("You are a support agent for Acme")
    expect(out.request.messages).toHaveLength(1)
  })

  it.each([
    [
      "chat-with-history",
      [
        "--var",
        "question=And in French?",
        "--var-json",
        'history=[{"role":"user","content":[{"type":"text","text":"Say hello"}]},{"role":"assistant","content":[{"type":"text","text":"Hello!"}]}]',
      ],
    ],
    ["weather-tools", ["--var", "city=Lisbon"]],
    ["describe-image", ["--var", "style=noir", "--var-json", 'image=["https://example.com/cat.png"]']],
  ])("dry-runs the %s example", async (name, vars) => {
    const { code, stdout, stderr } = await pl(["run", name, ...vars, "--dry-run", "--json"])
    expect(stderr).toBe("")
    expect(code).toBe(EXIT.OK)
    const { request } = JSON.parse(stdout)
    const text = JSON.stringify(request)
    if (name === "chat-with-history") expect(text).toContain("Say hello")
    if (name === "weather-tools") expect(text).toContain("get_weather")
    if (name === "describe-image") expect(text).toContain("https://example.com/cat.png")
  })

  it("without the provider's key, says which variable to set and shows the dry run", async () => {
    const { code, stdout, stderr } = await pl(["run", "support-agent", ...supportVars])
    expect(code).toBe(EXIT.MISSING_CREDENTIALS)
    expect(stderr).toContain("No key for openai: set OPENAI_API_KEY to send this request")
    expect(JSON.parse(stdout).model).toBe("gpt-4o-mini")
  })

  it("prints its version", async () => {
    for (const flag of ["--version", "-v"])
      expect(await pl([flag])).toEqual({ code: EXIT.OK, stdout: "1.2.3\n", stderr: "" })
  })

  it("exits 3 naming a missing variable or model, 4 for an unknown prompt, 2 for a bad flag", async () => {
    const missing = await pl(["run", "support-agent", "--var", "product=Acme", "--dry-run"])
    expect(missing.code).toBe(EXIT.INVALID)
    expect(missing.stderr).toBe(
      "pl: Missing input variable: question (used in prompt_template.messages[1].content[0]). Pass each with --var name=value, or --var-json name=<json> for lists, numbers and messages.\n",
    )
    const noModel = await pl(["run", "support-agent", ...supportVars, "--provider", "anthropic", "--dry-run"])
    expect(noModel.code).toBe(EXIT.INVALID)
    expect(noModel.stderr).toContain("names a model for openai, not for anthropic: pass model")
    expect((await pl(["run", "nope", "--dry-run"])).code).toBe(EXIT.NOT_FOUND)
    expect((await pl(["run", "support-agent", "--frobnicate"])).code).toBe(EXIT.USAGE)
    expect((await pl(["run", "support-agent", "--version", "x"])).code).toBe(EXIT.USAGE)
    expect((await pl(["launch"])).code).toBe(EXIT.USAGE)
  })
})

describe("pl run (sending)", () => {
  it("streams the answer from the provider and logs the request locally", async () => {
    const lines = readChunkLines("openai-chat", "openai-text")
    const server = await startServer((_request, res) => sendSse(res, toSse(lines, { done: true })))
    try {
      const env = { OPENAI_API_KEY: "sk-test", OPENAI_BASE_URL: `${server.url}/v1` }
      const { code, stdout, stderr } = await pl(["run", "support-agent", ...supportVars, "--stream"], env)
      expect(stderr).toMatch(/request_id: \d+/)
      expect(code).toBe(EXIT.OK)
      const expected = lines
        .map(
          (line) =>
            (JSON.parse(line) as { choices: { delta: { content?: string | null } }[] }).choices[0]?.delta
              .content ?? "",
        )
        .join("")
      expect(expected.length).toBeGreaterThan(100)
      expect(stdout).toBe(`${expected}\n`)
      const sent = JSON.parse(server.requests[0]?.body ?? "{}")
      expect(sent).toMatchObject({ model: "gpt-4o-mini", stream: true })
      const log = await requestLog()
      expect(log.at(-1)).toMatchObject({
        type: "request",
        provider: "openai",
        status: "SUCCESS",
        prompt_name: "support-agent",
      })
      expect(JSON.stringify(log)).not.toContain("sk-test")
    } finally {
      await server.close()
    }
  })

  it("prints a streamed tool call once, whole, after its arguments have arrived piece by piece", async () => {
    // A Responses API stream whose function-call arguments arrive in six deltas.
    const lines = readChunkLines("openai-responses", "azure-tool-call.1")
    const server = await startServer((_request, res) => sendSse(res, toSse(lines, { eventField: "type" })))
    try {
      const env = { OPENAI_API_KEY: "sk-test", OPENAI_BASE_URL: `${server.url}/v1` }
      const args = ["--provider", "openai.responses", "--model", "gpt-5.1", "--stream"]
      const { code, stdout } = await pl(["run", "support-agent", ...supportVars, ...args], env)
      expect(code).toBe(EXIT.OK)
      expect(stdout).toBe('→ weather({"location":"San Francisco"})\n')
    } finally {
      await server.close()
    }
  })

  it("says on stderr why a reply ended early, streamed or not", async () => {
    // Anthropic's recorded refusal: no text, stop_reason "refusal".
    const lines = readChunkLines("anthropic", "anthropic-refusal")
    const server = await startServer((request, res) =>
      JSON.parse(request.body).stream
        ? sendSse(res, toSse(lines, { eventField: "type" }))
        : sendJson(res, readJsonFixture("anthropic", "anthropic-refusal")),
    )
    try {
      const env = { ANTHROPIC_API_KEY: "sk-ant-test", ANTHROPIC_BASE_URL: server.url }
      const vars = ["--var", "question=Q", "--var-json", "history=[]"]
      for (const stream of [[], ["--stream"]]) {
        const { code, stdout, stderr } = await pl(["run", "chat-with-history", ...vars, ...stream], env)
        expect(code).toBe(EXIT.OK)
        expect(stdout).toBe("\n")
        expect(stderr).toContain("stopped early: the model refused (refusal)\nrequest_id: ")
      }
    } finally {
      await server.close()
    }
  })

  it("stops a stream on Ctrl-C, keeps and logs what arrived, and exits 130", async () => {
    const lines = readChunkLines("openai-chat", "openai-text").slice(0, 6)
    const interrupt = new AbortController()
    // Six chunks, then nothing: the stream stays open until the user interrupts.
    const server = await startServer((_request, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" })
      res.write(toSse(lines))
      setTimeout(() => interrupt.abort(), 100)
    })
    try {
      const env = { OPENAI_API_KEY: "sk-test", OPENAI_BASE_URL: `${server.url}/v1` }
      const args = ["run", "support-agent", ...supportVars, "--stream"]
      const { code, stdout, stderr } = await pl(args, env, interrupt.signal)
      expect(code).toBe(EXIT.INTERRUPTED)
      const arrived = lines
        .map(
          (line) =>
            (JSON.parse(line) as { choices: { delta: { content?: string } }[] }).choices[0]?.delta.content ??
            "",
        )
        .join("")
      expect(arrived.length).toBeGreaterThan(0)
      expect(stdout).toBe(arrived)
      expect(stderr).toContain("pl: interrupted")
      expect((await requestLog()).at(-1)).toMatchObject({
        status: "WARNING",
        error_type: "PROVIDER_PARTIAL_RESPONSE",
        error_message: "the stream was aborted by the caller's signal after 6 chunks",
        output: { messages: [{ content: [{ type: "text", text: arrived }] }] },
      })
    } finally {
      await server.close()
    }
  })

  it("reads a provider's JSON error body into one line: Google's quota error", async () => {
    const server = await startServer((_request, res) =>
      sendJson(res, readJsonFixture("google", "google-429-retry-info"), 429),
    )
    try {
      const env = { GEMINI_API_KEY: "test-key", GOOGLE_GEMINI_BASE_URL: server.url }
      const vars = ["--var", "style=short", "--var-json", 'image=["https://example.com/cat.png"]']
      const { code, stderr } = await pl(["run", "describe-image", ...vars], env)
      expect(code).toBe(EXIT.FAILURE)
      expect(stderr).toBe(
        "pl: google: 429 RESOURCE_EXHAUSTED: You exceeded your current quota, please check your plan. (retry in 34.4s)\n",
      )
      expect((await requestLog()).at(-1)).toMatchObject({
        status: "ERROR",
        error_type: "PROVIDER_RATE_LIMIT",
      })
    } finally {
      await server.close()
    }
  })

  it("says which key the provider refused, exits 1, and logs the failure", async () => {
    // OpenAI's documented error body for a bad key.
    const error = {
      message: "Incorrect API key provided",
      type: "invalid_request_error",
      code: "invalid_api_key",
    }
    const server = await startServer((_request, res) => sendJson(res, { error }, 401))
    try {
      const env = { OPENAI_API_KEY: "sk-wrong", OPENAI_BASE_URL: `${server.url}/v1` }
      const { code, stderr } = await pl(["run", "support-agent", ...supportVars], env)
      expect(code).toBe(EXIT.FAILURE)
      expect(stderr).toContain("pl: openai refused the key in OPENAI_API_KEY: 401 Incorrect API key provided")
      expect((await requestLog()).at(-1)).toMatchObject({
        status: "ERROR",
        error_type: "PROVIDER_AUTH_ERROR",
      })
    } finally {
      await server.close()
    }
  })
})

describe("pl validate, convert, templates", () => {
  it("validates the example registry, and names the path of each problem in a broken file", async () => {
    const ok = await pl(["validate", "."])
    expect(ok.code).toBe(EXIT.OK)
    expect(ok.stdout.split("\n").filter((l) => l.startsWith("ok"))).toHaveLength(5)
    await writeFile(
      join(registry, "broken.json"),
      JSON.stringify({ prompt_template: { type: "chat", messages: [{ role: "user", content: "hi" }] } }),
    )
    const bad = await pl(["validate", "broken.json"])
    expect(bad.code).toBe(EXIT.INVALID)
    expect(bad.stdout).toContain("invalid  broken.json: prompt_template.messages[0].content: expected array")
    await rm(join(registry, "broken.json"))
  })

  it("reports a file that is not JSON as such, and a missing file or a folder without .json files as not found", async () => {
    await writeFile(join(registry, "not-json.json"), '{"prompt_template": {"type": "chat",')
    const notJson = await pl(["validate", "not-json.json", "--json"])
    expect(notJson.code).toBe(EXIT.INVALID)
    const [entry] = JSON.parse(notJson.stdout)
    expect(entry).toMatchObject({ file: "not-json.json", valid: false })
    expect(entry.issues).toHaveLength(1)
    expect(entry.issues[0]).toEqual({ path: "", message: expect.stringMatching(/^not valid JSON: \w/) })
    await rm(join(registry, "not-json.json"))
    for (const args of [
      ["validate", "nope.json"],
      ["convert", "nope.json", "--to", "openai"],
    ])
      expect(await pl(args)).toMatchObject({
        code: EXIT.NOT_FOUND,
        stderr: "pl: no such file or folder: nope.json\n",
      })
    const empty = await mkdtemp(join(tmpdir(), "pl-cli-empty-"))
    const none = await pl(["validate", empty])
    expect(none).toMatchObject({
      code: EXIT.NOT_FOUND,
      stdout: "",
      stderr: `pl: no .json files in ${empty}\n`,
    })
    await rm(empty, { recursive: true })
  })

  it("converts a blueprint to a provider request and back", async () => {
    const to = await pl(["convert", "weather-tools/v1.json", "--to", "openai"])
    expect(to.code).toBe(EXIT.OK)
    const request = JSON.parse(to.stdout)
    expect(request.tools[0].function.name).toBe("get_weather")
    expect(to.stderr).toContain(
      "note: mistral-large-latest is a mistral model; pass --model to name one for openai",
    )
    const named = await pl(["convert", "weather-tools/v1.json", "--to", "openai", "--model", "gpt-4.1"])
    expect(JSON.parse(named.stdout).model).toBe("gpt-4.1")
    expect(named.stderr).not.toContain("note:")
    // OpenAI's two APIs take the same models.
    const responses = await pl(["convert", "support-agent/v2.json", "--to", "openai.responses"])
    expect(JSON.parse(responses.stdout).model).toBe("gpt-4o-mini")
    expect(responses.stderr).not.toContain("note:")
    await writeFile(join(registry, "request.json"), to.stdout)
    const from = await pl(["convert", "--from", "openai", "request.json"])
    expect(from.code).toBe(EXIT.OK)
    expect(JSON.parse(from.stdout).prompt_template.tools[0].function.name).toBe("get_weather")
    await rm(join(registry, "request.json"))
    expect((await pl(["convert", "weather-tools/v1.json"])).code).toBe(EXIT.USAGE)
  })

  it("renders the template first when given variables, and says so when a placeholder needs them", async () => {
    const unrendered = await pl(["convert", "chat-with-history/v1.json", "--to", "openai"])
    expect(unrendered.code).toBe(EXIT.INVALID)
    expect(unrendered.stderr).toBe(
      "pl: openai cannot express placeholder at prompt_template.messages[1]: pass its variables with --var / --var-json to render the template first\n",
    )
    const history = '[{"role":"user","content":[{"type":"text","text":"Say hello"}]}]'
    const rendered = await pl([
      "convert",
      "chat-with-history/v1.json",
      "--to",
      "openai",
      "--model",
      "gpt-4.1",
      "--var",
      "question=And in French?",
      "--var-json",
      `history=${history}`,
    ])
    expect(rendered.code).toBe(EXIT.OK)
    expect(JSON.parse(rendered.stdout).messages.slice(1)).toEqual([
      { role: "user", content: "Say hello" },
      { role: "user", content: "And in French?" },
    ])
  })

  it("says so on stderr when no prompt is listed", async () => {
    const none = await pl(["templates", "list", "--label", "nope", "--name", "support"])
    expect(none).toMatchObject({ code: EXIT.OK, stdout: "" })
    expect(none.stderr).toBe(`no prompts labelled nope and named like "support" in ${registry}\n`)
    const empty = await pl(["templates", "list", "--registry", "empty-folder"])
    expect(empty.stderr).toBe(`no prompts in ${join(registry, "empty-folder")}\n`)
    expect((await pl(["templates", "list", "--label", "nope", "--json"])).stdout).toBe("[]\n")
  })

  it("lists, gets and publishes templates in the local registry", async () => {
    const list = await pl(["templates", "list"])
    expect(list.stdout.split("\n").filter(Boolean)).toEqual([
      "chat-with-history  v1  anthropic/claude-sonnet-5",
      "describe-image  v1  google/gemini-2.5-flash",
      "support-agent  v2  openai/gpt-4o-mini  [staging]",
      "weather-tools  v1  mistral/mistral-large-latest",
    ])
    const published = await pl([
      "templates",
      "publish",
      "support-agent/v1.json",
      "--name",
      "support-agent",
      "--label",
      "prod",
    ])
    expect(published.stdout).toBe("published support-agent v3\n")
    const got = await pl(["templates", "get", "support-agent", "--label", "prod", ...supportVars])
    expect(JSON.parse(got.stdout)).toMatchObject({ version: 3, llm_kwargs: { model: "gpt-4o-mini" } })
    expect(JSON.parse(await readFile(join(registry, "support-agent", "labels.json"), "utf8"))).toEqual({
      prod: 3,
      staging: 2,
    })
  })
})
