/**
 * What `GET /workflow-version-execution-results` returns with `return_all_outputs=true`: one entry per
 * node, by node name (docs.promptlayer.com/reference/workflow-version-execution-results).
 */

/** A node's status: final (`SUCCESS`, `FAILED`, `SKIPPED`) or not yet (`QUEUED`, `RUNNING`). */
export type WorkflowNodeStatus = "SUCCESS" | "FAILED" | "SKIPPED" | "QUEUED" | "RUNNING"

/** One node's result. Unknown fields are kept. */
export interface WorkflowNodeResult {
  status: WorkflowNodeStatus | (string & {})
  /** The node's output: text, a boolean, an object, ... (`null` until it has run). */
  value: unknown
  error_message: string | null
  raw_error_message?: string | null
  /** Whether this node's value is the workflow's output. */
  is_output_node: boolean
  [key: string]: unknown
}

/** Every node's result, by node name. */
export type WorkflowResults = Record<string, WorkflowNodeResult>

/** Whether a results body is the per-node map (and not, say, a bare output value). */
export function isWorkflowResults(body: unknown): body is WorkflowResults {
  if (body === null || typeof body !== "object" || Array.isArray(body)) return false
  return Object.values(body).every(
    (node) =>
      node !== null &&
      typeof node === "object" &&
      typeof (node as { status?: unknown }).status === "string" &&
      "value" in node,
  )
}

/** The nodes that failed, by name. */
export function failedNodes(results: WorkflowResults): { name: string; error_message: string | null }[] {
  return Object.entries(results)
    .filter(([, node]) => node.status === "FAILED")
    .map(([name, node]) => ({ name, error_message: node.error_message ?? node.raw_error_message ?? null }))
}

/**
 * The workflow's output: the value of its output node (what the API returns as the "main output" without
 * `return_all_outputs`); `null` when no node is marked as the output.
 *
 * @example
 * finalOutput({ "Node 1": { status: "SUCCESS", value: "draft", ... }, "Node 2": { ..., value: "final", is_output_node: true } }) // "final"
 */
export function finalOutput(results: WorkflowResults): unknown {
  const output = Object.values(results).find((node) => node.is_output_node)
  return output === undefined ? null : output.value
}
