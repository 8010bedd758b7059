/**
 * The official OpenAI OpenAPI document (`../shared/specs/openai/openapi.yaml`) as a request validator
 * (devtools adjusts the document as shared/README.md says, and patches its `MCPApprovalResponse` defect).
 */
import { specsDir } from "@pl/devtools/fixtures"
import { openApiValidator } from "@pl/devtools/openapi"

const SPEC = `${specsDir}/openai/openapi.yaml`

function errors(name: string, value: unknown): string[] {
  return openApiValidator(SPEC).errors(name, value)
}

/** Spec errors of a Chat Completions request (`[]` when valid). */
export function chatSpecErrors(request: unknown): string[] {
  return errors("CreateChatCompletionRequest", request)
}

/**
 * Spec errors of a Responses API request (`[]` when valid). `input` is a wide union whose errors list
 * every branch, so a failing request is reported item by item.
 */
export function responsesSpecErrors(request: unknown): string[] {
  const all = errors("CreateResponse", request)
  if (all.length === 0) return all
  const input = (request as { input?: unknown }).input
  if (!Array.isArray(input)) return all
  const items = input.flatMap((item, i) => {
    const itemErrors = errors("InputItem", item)
    return itemErrors.length === 0
      ? []
      : [`input[${i}] ${JSON.stringify(item).slice(0, 200)}: ${itemErrors.slice(0, 6).join("; ")}`]
  })
  return items.length > 0 ? items : all
}
