import { describe, expect, it } from "vitest"
import { failedNodes, finalOutput, isWorkflowResults, type WorkflowNodeResult } from "./workflow-results.js"

const node = (
  status: string,
  value: unknown,
  extra: Partial<WorkflowNodeResult> = {},
): WorkflowNodeResult => ({
  status,
  value,
  error_message: null,
  is_output_node: false,
  ...extra,
})

describe("workflow results", () => {
  const results = {
    Fetch: node("SUCCESS", { rows: 3 }),
    Summarise: node("FAILED", null, { raw_error_message: "context length exceeded" }),
    Answer: node("RUNNING", null, { is_output_node: true }),
  }

  it("tells the per-node map from a bare output value", () => {
    expect(isWorkflowResults(results)).toBe(true)
    expect(isWorkflowResults("Final result")).toBe(false)
    expect(isWorkflowResults({ status: "SUCCESS", value: 1 })).toBe(false)
  })

  it("names the failed nodes, with the raw error when there is no other", () => {
    expect(failedNodes(results)).toEqual([{ name: "Summarise", error_message: "context length exceeded" }])
  })

  it("reads the output node's value", () => {
    expect(finalOutput({ ...results, Answer: node("SUCCESS", false, { is_output_node: true }) })).toBe(false)
    expect(finalOutput({ Fetch: results.Fetch })).toBeNull()
  })
})
