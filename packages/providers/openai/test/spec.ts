/**
 * The official OpenAI OpenAPI document (`../shared/specs/openai/openapi.yaml`) as a request validator.
 */
import { specsDir } from "@pl/devtools/fixtures"
import { openApiValidator } from "@pl/devtools/openapi"

const spec = openApiValidator(`${specsDir}/openai/openapi.yaml`)

/** Spec errors of a Chat Completions request (`[]` when valid). */
export function chatSpecErrors(request: unknown): string[] {
  return spec.errors("CreateChatCompletionRequest", request)
}

/**
 * Spec errors of a Responses API request (`[]` when valid). `input` is a wide union whose errors list
 * every branch, so a failing request is reported item by item.
 */
export function responsesSpecErrors(request: unknown): string[] {
  const errors = spec.errors("CreateResponse", withSpecDefectsPatched(request))
  if (errors.length === 0) return errors
  const input = (request as { input?: unknown }).input
  if (!Array.isArray(input)) return errors
  const items = input.flatMap((item, i) => {
    const itemErrors = spec.errors("InputItem", patchItem(item))
    return itemErrors.length === 0
      ? []
      : [`input[${i}] ${JSON.stringify(item).slice(0, 200)}: ${itemErrors.slice(0, 6).join("; ")}`]
  })
  return items.length > 0 ? items : errors
}

/**
 * The document's `MCPApprovalResponse` (openapi.yaml line 43264) lists `request_id` as required, a property
 * it does not define (the field is `approval_request_id`, which it also requires; the SDK's type has no
 * `request_id`). Every valid approval response fails that line, so the validator sees a copy of the field.
 */
function withSpecDefectsPatched(request: unknown): unknown {
  const input = (request as { input?: unknown }).input
  return Array.isArray(input) ? { ...(request as object), input: input.map(patchItem) } : request
}

function patchItem(item: unknown): unknown {
  const approval = item as { type?: unknown; approval_request_id?: unknown }
  return approval.type === "mcp_approval_response"
    ? { ...approval, request_id: approval.approval_request_id }
    : item
}
