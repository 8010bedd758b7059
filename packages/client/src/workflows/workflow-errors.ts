import { PromptLayerAPITimeoutError, PromptLayerError } from "../errors.js"
import type { WorkflowResults } from "./workflow-results.js"

/**
 * A workflow ran and a node failed. `failedNodes` names each, with its error message; `results` holds
 * every node's result.
 *
 * @example
 * catch (e) { if (e instanceof PromptLayerWorkflowError) console.log(e.failedNodes[0]?.name) }
 */
export class PromptLayerWorkflowError extends PromptLayerError {
  override readonly name: string = "PromptLayerWorkflowError"
  readonly workflowName: string
  readonly executionId: number
  readonly failedNodes: readonly { name: string; error_message: string | null }[]
  readonly results: WorkflowResults

  constructor(options: {
    workflowName: string
    executionId: number
    failedNodes: readonly { name: string; error_message: string | null }[]
    results: WorkflowResults
  }) {
    const nodes = options.failedNodes
      .map((node) => `"${node.name}"${node.error_message ? ` (${node.error_message})` : ""}`)
      .join(", ")
    super(
      `Workflow "${options.workflowName}" (execution ${options.executionId}) failed in node${options.failedNodes.length === 1 ? "" : "s"} ${nodes}`,
    )
    this.workflowName = options.workflowName
    this.executionId = options.executionId
    this.failedNodes = options.failedNodes
    this.results = options.results
  }
}

/**
 * A workflow did not finish within `timeout`. It may still be running on PromptLayer; `results` holds
 * the nodes' state at the last poll.
 */
export class PromptLayerWorkflowTimeoutError extends PromptLayerAPITimeoutError {
  override readonly name: string = "PromptLayerWorkflowTimeoutError"
  readonly workflowName: string
  readonly executionId: number
  readonly timeoutMs: number
  readonly results: WorkflowResults | undefined

  constructor(options: {
    workflowName: string
    executionId: number
    timeoutMs: number
    results?: WorkflowResults | undefined
  }) {
    super(
      `Workflow "${options.workflowName}" (execution ${options.executionId}) did not finish within ${options.timeoutMs} ms`,
    )
    this.workflowName = options.workflowName
    this.executionId = options.executionId
    this.timeoutMs = options.timeoutMs
    this.results = options.results
  }
}
