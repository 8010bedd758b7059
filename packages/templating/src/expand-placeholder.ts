import { type BlueprintIssue, type Message, messageSchema, toBlueprintIssues } from "@pl/blueprint"
import { describeValue } from "./describe-value.js"
import { PlaceholderError } from "./errors.js"

/**
 * The messages a `placeholder` message expands into: the variable must hold an array of blueprint
 * messages, each validated with `messageSchema`. They are inserted as they are, not rendered (they are
 * conversation history, not template text), and a placeholder may not hold another placeholder.
 *
 * @throws {PlaceholderError} naming the placeholder and the path of every problem (`history[1].role`).
 */
export function expandPlaceholder(name: string, value: unknown): Message[] {
  if (!Array.isArray(value)) {
    throw new PlaceholderError(name, [
      { path: name, message: `expected an array of messages, received ${describeValue(value)}` },
    ])
  }
  const messages: Message[] = []
  const issues: BlueprintIssue[] = []
  value.forEach((item: unknown, index) => {
    const result = messageSchema.safeParse(item, { reportInput: true })
    if (!result.success) {
      const prefixed = result.error.issues.map((issue) => ({ ...issue, path: [name, index, ...issue.path] }))
      issues.push(...toBlueprintIssues(prefixed))
    } else if (result.data.role === "placeholder") {
      issues.push({
        path: `${name}[${index}].role`,
        message: "a placeholder cannot hold another placeholder",
      })
    } else {
      messages.push(result.data)
    }
  })
  if (issues.length > 0) throw new PlaceholderError(name, issues)
  return messages
}
