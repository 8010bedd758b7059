import type { z } from "zod"
import { type PromptBlueprint, promptBlueprintSchema } from "./blueprint.js"

/** One problem found in a blueprint: where (`prompt_template.messages[2].content[0].text`) and what. */
export interface BlueprintIssue {
  path: string
  message: string
}

/**
 * Thrown by {@link parseBlueprint}: the blueprint is not valid. `issues` lists every problem with its path.
 *
 * @example
 * try { parseBlueprint(json) } catch (e) { if (e instanceof BlueprintValidationError) console.log(e.issues) }
 */
export class BlueprintValidationError extends Error {
  override readonly name = "BlueprintValidationError"
  readonly issues: readonly BlueprintIssue[]

  constructor(issues: readonly BlueprintIssue[]) {
    const lines = issues.slice(0, 10).map((issue) => `  ${issue.path || "(root)"}: ${issue.message}`)
    if (issues.length > 10) lines.push(`  ... and ${issues.length - 10} more`)
    super(
      `Invalid prompt blueprint (${issues.length} issue${issues.length === 1 ? "" : "s"}):\n${lines.join("\n")}`,
    )
    this.issues = issues
  }
}

export type SafeParseBlueprintResult =
  | { success: true; data: PromptBlueprint }
  | { success: false; error: BlueprintValidationError }

/**
 * Parses and validates a prompt blueprint, as the PromptLayer API sends it. Unknown fields are kept.
 *
 * @throws {BlueprintValidationError} naming the path of every problem.
 * @example
 * const blueprint = parseBlueprint(JSON.parse(text))
 * blueprint.prompt_template.type // "chat" | "completion"
 */
export function parseBlueprint(value: unknown): PromptBlueprint {
  const result = safeParseBlueprint(value)
  if (!result.success) throw result.error
  return result.data
}

/**
 * Like {@link parseBlueprint}, without throwing.
 *
 * @example
 * const result = safeParseBlueprint(json)
 * if (!result.success) for (const { path, message } of result.error.issues) console.error(path, message)
 */
export function safeParseBlueprint(value: unknown): SafeParseBlueprintResult {
  const result = promptBlueprintSchema.safeParse(value, { reportInput: true })
  if (result.success) return { success: true, data: result.data }
  return { success: false, error: new BlueprintValidationError(toBlueprintIssues(result.error.issues)) }
}

/**
 * Turns zod issues into path-named issues. A failed union reports the issues of its most specific branch
 * (the one that got deepest into the value), not a wall of every branch's complaints.
 */
export function toBlueprintIssues(issues: readonly z.core.$ZodIssue[]): BlueprintIssue[] {
  const out: BlueprintIssue[] = []
  const visit = (issue: z.core.$ZodIssue, prefix: readonly PropertyKey[]) => {
    const path = [...prefix, ...issue.path]
    if (issue.code === "invalid_union" && issue.errors.length > 0) {
      for (const inner of mostSpecificBranch(issue.errors)) visit(inner, path)
      return
    }
    out.push({ path: formatPath(path), message: describeIssue(issue) })
  }
  for (const issue of issues) visit(issue, [])
  return out
}

function mostSpecificBranch(branches: readonly (readonly z.core.$ZodIssue[])[]): readonly z.core.$ZodIssue[] {
  let best = branches[0] ?? []
  let bestDepth = depth(best)
  for (const branch of branches.slice(1)) {
    const d = depth(branch)
    if (d > bestDepth) {
      best = branch
      bestDepth = d
    }
  }
  return best
}

function depth(issues: readonly z.core.$ZodIssue[]): number {
  let max = 0
  for (const issue of issues) {
    const nested =
      issue.code === "invalid_union" && issue.errors.length > 0 ? depth(mostSpecificBranch(issue.errors)) : 0
    max = Math.max(max, issue.path.length + nested)
  }
  return max
}

/**
 * The message of an issue, in English whatever zod's configured locale (the schemas use zod/mini,
 * which ships none).
 */
function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return `expected ${issue.expected}, received ${describeInput(issue.input)}`
    case "invalid_value":
      return `expected ${issue.values.map((v) => JSON.stringify(v)).join(" | ")}, received ${describeInput(issue.input)}`
    case "invalid_union":
      if (issue.inclusive === false) return "matches more than one of the allowed shapes"
      if (issue.discriminator !== undefined && issue.options !== undefined) {
        const key = issue.discriminator
        const options = issue.options.map((v) => JSON.stringify(v)).join(" | ")
        const input = issue.input as Record<string, unknown> | undefined
        return `unknown ${key} ${describeInput(input?.[key])}, expected ${options}`
      }
      return `matches none of the allowed shapes, received ${describeInput(issue.input)}`
    case "too_small":
      return issue.origin === "string"
        ? `must not be empty`
        : `must be at least ${String(issue.minimum)}, received ${describeInput(issue.input)}`
    case "too_big":
      return `must be at most ${String(issue.maximum)}`
    case "invalid_format":
      return `expected a valid ${issue.format}`
    default:
      return issue.message
  }
}

function describeInput(input: unknown): string {
  if (input === undefined) return "nothing (the field is missing)"
  if (input === null) return "null"
  if (Array.isArray(input)) return "an array"
  if (typeof input === "string") return JSON.stringify(input.length > 40 ? `${input.slice(0, 40)}…` : input)
  if (typeof input === "number" || typeof input === "boolean") return `${typeof input} ${String(input)}`
  return typeof input === "object" ? "an object" : typeof input
}

/** `["prompt_template", "messages", 2, "content"]` → `prompt_template.messages[2].content`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = ""
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`
    else if (typeof key === "string" && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key
    else out += `[${JSON.stringify(String(key))}]`
  }
  return out
}
