import type { Completion, PromptTemplate } from "@pl/blueprint"
import type { ErrorType, LogRequestBody, RequestStatus } from "./api-types.js"
import { EMPTY_REPLY } from "./conversation.js"

/** What a request log says about one model call. */
export interface LogFacts {
  provider: string
  model: string
  apiType?: string | null | undefined
  functionName: string
  input: PromptTemplate
  parameters: Record<string, unknown>
  startedAt: number
  endedAt: number
  completion?: Completion | undefined
  status: RequestStatus
  errorType?: ErrorType | undefined
  errorMessage?: string | undefined
  tags?: string[] | undefined
  metadata?: Record<string, string> | undefined
  promptName?: string | undefined
  promptId?: number | undefined
  promptVersion?: number | undefined
  inputVariables?: Record<string, unknown> | undefined
}

/**
 * The `POST /log-request` body for a model call: input and output as blueprints, ISO times, tokens,
 * parameters, tags, metadata, the prompt's name, id, version and input variables, and the status with
 * PromptLayer's `error_type` on failure. Built only from the blueprint and the completion: no
 * provider key or header can reach it.
 *
 * @example
 * buildLogBody({ provider: "openai", model: "gpt-4o", functionName: "openai.chat.completions.create", ... })
 */
export function buildLogBody(facts: LogFacts): LogRequestBody {
  const usage = facts.completion?.usage
  const body: LogRequestBody = {
    provider: facts.provider,
    model: facts.model,
    input: facts.input,
    output: { type: "chat", messages: [facts.completion?.message ?? EMPTY_REPLY], input_variables: [] },
    request_start_time: new Date(facts.startedAt).toISOString(),
    request_end_time: new Date(facts.endedAt).toISOString(),
    parameters: facts.parameters,
    tags: facts.tags ?? [],
    metadata: facts.metadata ?? {},
    prompt_input_variables: facts.inputVariables ?? {},
    input_tokens: usage?.input_tokens ?? 0,
    output_tokens: usage?.output_tokens ?? 0,
    function_name: facts.functionName,
    status: facts.status,
  }
  if (facts.apiType) body.api_type = facts.apiType
  if (facts.promptName !== undefined) body.prompt_name = facts.promptName
  if (facts.promptId !== undefined) body.prompt_id = facts.promptId
  if (facts.promptVersion !== undefined) body.prompt_version_number = facts.promptVersion
  if (facts.errorType !== undefined) body.error_type = facts.errorType
  if (facts.errorMessage !== undefined) body.error_message = facts.errorMessage
  return body
}
