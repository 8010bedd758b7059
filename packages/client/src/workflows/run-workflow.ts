import { PromptLayerAPIStatusError } from "../errors.js"
import type { HttpClient } from "../http/http-client.js"
import { formatDelay, type Logger } from "../logger.js"
import { PromptLayerWorkflowError, PromptLayerWorkflowTimeoutError } from "./workflow-errors.js"
import { failedNodes, finalOutput, isWorkflowResults, type WorkflowResults } from "./workflow-results.js"

/** `runWorkflow()` parameters, as in the official SDK. */
export interface RunWorkflowParams {
  workflowName: string
  inputVariables?: Record<string, unknown> | undefined
  metadata?: Record<string, string> | undefined
  /** Run the version with this release label. */
  workflowLabelName?: string | undefined
  /** Run this version number (default: the latest). */
  workflowVersion?: number | undefined
  /** Resolve every node's result instead of the output node's value. */
  returnAllOutputs?: boolean | undefined
  /** How long to wait for the result, in milliseconds (default one hour, as in the official SDK). */
  timeout?: number | undefined
  /** Stops waiting (the execution itself goes on on PromptLayer). */
  signal?: AbortSignal | undefined
}

/** What running a workflow needs from the client. */
export interface WorkflowDeps {
  http: HttpClient
  logger: Logger
  now: () => number
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>
}

/** One hour, the official SDK's default. */
export const DEFAULT_WORKFLOW_TIMEOUT_MS = 3_600_000

/**
 * The wait before each poll: 0.5 s, 1 s, 2 s, 4 s, then every 5 s. A short workflow is seen finished
 * soon; a long one costs a request every 5 s.
 */
export function pollDelay(poll: number): number {
  return Math.min(5_000, 500 * 2 ** poll)
}

const RESULTS_PATH = "/workflow-version-execution-results"

/**
 * Runs a workflow (agent) and waits for its result: `POST /workflows/{name}/run` (201 with
 * `workflow_version_execution_id`), then `GET /workflow-version-execution-results` until it answers 200
 * (202: still running), waiting {@link pollDelay} between polls, until `timeout`. Results are asked for
 * with `return_all_outputs=true` whatever `returnAllOutputs` says, since only the per-node map tells
 * which node failed.
 *
 * @returns the output node's value, or with `returnAllOutputs` every node's result by name.
 * @throws {PromptLayerWorkflowError} when a node failed, naming it.
 * @throws {PromptLayerWorkflowTimeoutError} when the result did not come within `timeout`.
 */
export async function runWorkflow(params: RunWorkflowParams, deps: WorkflowDeps): Promise<unknown> {
  const { workflowName, signal } = params
  const timeoutMs = params.timeout ?? DEFAULT_WORKFLOW_TIMEOUT_MS
  const deadline = deps.now() + timeoutMs
  const runPath = `/workflows/${encodeURIComponent(workflowName)}/run`
  const started = await deps.http.request<unknown>({
    method: "POST",
    path: runPath,
    signal,
    body: {
      input_variables: params.inputVariables ?? {},
      metadata: params.metadata,
      workflow_label_name: params.workflowLabelName,
      workflow_version_number: params.workflowVersion,
      return_all_outputs: params.returnAllOutputs ?? false,
    },
  })
  const executionId = executionIdOf(started, runPath)
  deps.logger.debug(`workflow "${workflowName}" started: execution ${executionId}`)

  let last: WorkflowResults | undefined
  for (let poll = 0; ; poll++) {
    const { status, body } = await deps.http.send<unknown>({
      method: "GET",
      path: RESULTS_PATH,
      query: { workflow_version_execution_id: executionId, return_all_outputs: true },
      signal,
    })
    if (isWorkflowResults(body)) last = body
    if (status !== 202) return finish(body, params, executionId)
    const remaining = deadline - deps.now()
    if (remaining <= 0) {
      throw new PromptLayerWorkflowTimeoutError({ workflowName, executionId, timeoutMs, results: last })
    }
    const delay = Math.min(pollDelay(poll), remaining)
    deps.logger.debug(
      `workflow "${workflowName}" (execution ${executionId}) is running; next look in ${formatDelay(delay)}`,
    )
    await deps.sleep(delay, signal)
  }
}

function executionIdOf(body: unknown, path: string): number {
  const record = (body ?? {}) as {
    success?: unknown
    message?: unknown
    workflow_version_execution_id?: unknown
  }
  const id = record.workflow_version_execution_id
  if (record.success === false || typeof id !== "number") {
    const message = typeof record.message === "string" ? `: ${record.message}` : ""
    throw new PromptLayerAPIStatusError(`PromptLayer API did not start the workflow at ${path}${message}`, {
      status: 200,
      body,
      path,
    })
  }
  return id
}

function finish(body: unknown, params: RunWorkflowParams, executionId: number): unknown {
  if (!isWorkflowResults(body)) {
    // Not the per-node map: the API answered with the output alone.
    if (!params.returnAllOutputs) return body
    throw new PromptLayerAPIStatusError(
      `PromptLayer API 200 from ${RESULTS_PATH}: unexpected body, expected the result of each node`,
      { status: 200, body, path: RESULTS_PATH },
    )
  }
  const failed = failedNodes(body)
  if (failed.length > 0) {
    throw new PromptLayerWorkflowError({
      workflowName: params.workflowName,
      executionId,
      failedNodes: failed,
      results: body,
    })
  }
  return params.returnAllOutputs ? body : finalOutput(body)
}
