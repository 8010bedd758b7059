// Parses blueprint files with @pl/blueprint and prints what each holds, or every problem with its path.
// Usage: tsx src/main.ts [--strict] <file.json>...   (--strict: exit 1 when a file is invalid)
import { readFileSync } from "node:fs"
import { basename } from "node:path"
import { isKnownContent, isKnownTool, type PromptBlueprint, safeParseBlueprint } from "@pl/blueprint"

export function describe(blueprint: PromptBlueprint): string[] {
  const template = blueprint.prompt_template
  const model = blueprint.metadata?.model
  const lines = [`${template.type} template${model ? ` for ${model.provider} ${model.name}` : ""}`]
  const parts =
    template.type === "chat" ? template.messages.flatMap((m) => m.content ?? []) : template.content
  if (template.type === "chat") {
    const roles = template.messages.map((m) => (m.role === "placeholder" ? `placeholder(${m.name})` : m.role))
    lines.push(`messages: ${template.messages.length} (${roles.join(", ")})`)
    const tools = (template.tools ?? []).map((t) =>
      isKnownTool(t) && t.type === "function" ? t.function.name : t.type,
    )
    if (tools.length > 0) lines.push(`tools: ${tools.join(", ")}`)
    const calls = template.messages.flatMap((m) => (m.role === "assistant" ? (m.tool_calls ?? []) : []))
    if (calls.length > 0)
      lines.push(`tool calls: ${calls.map((c) => `${c.function.name}(${c.function.arguments})`).join(", ")}`)
  }
  const counts = new Map<string, number>()
  for (const part of parts) {
    const key = isKnownContent(part) ? part.type : `${part.type} (unknown type, kept)`
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  lines.push(`content: ${[...counts].map(([type, n]) => `${n} ${type}`).join(", ") || "none"}`)
  if (template.input_variables?.length) lines.push(`input variables: ${template.input_variables.join(", ")}`)
  const format = blueprint.metadata?.model?.parameters?.response_format
  if (format)
    lines.push(
      `structured output: ${format.type}${format.type === "json_schema" ? ` (${format.json_schema.name})` : ""}`,
    )
  return lines
}

function main(argv: string[]): number {
  const strict = argv.includes("--strict")
  const files = argv.filter((arg) => arg !== "--strict")
  let invalid = 0
  for (const file of files) {
    const result = safeParseBlueprint(JSON.parse(readFileSync(file, "utf8")))
    if (result.success) {
      console.log(`✓ ${basename(file)}`)
      for (const line of describe(result.data)) console.log(`    ${line}`)
    } else {
      invalid++
      console.log(`✗ ${basename(file)}: ${result.error.issues.length} problem(s)`)
      for (const issue of result.error.issues) console.log(`    ${issue.path || "(root)"}: ${issue.message}`)
    }
  }
  console.log(`\n${files.length - invalid} valid, ${invalid} invalid`)
  return strict && invalid > 0 ? 1 : 0
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main(process.argv.slice(2))
