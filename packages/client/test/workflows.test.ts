/** pl.runWorkflow() against the local PromptLayer API stub, on a fake clock. */
import { afterEach, describe, expect, it } from "vitest"
import {
  PromptLayer,
  PromptLayerError,
  PromptLayerNotFoundError,
  PromptLayerWorkflowError,
  PromptLayerWorkflowTimeoutError,
  type WorkflowNodeResult,
} from "../src/index.js"
import { type PromptLayerStub, startPromptLayerStub, type WorkflowPoll } from "./support/promptlayer-stub.js"

let stub: PromptLayerStub | undefined
afterEach(async () => {
  await stub?.close()
  stub = undefined
})

const node = (
  status: string,
  value: unknown,
  extra: Partial<WorkflowNodeResult> = {},
): WorkflowNodeResult => ({
  status,
  value,
  error_message: null,
  raw_error_message: null,
  is_output_node: false,
  ...extra,
})

const running: WorkflowPoll = {
  status: 202,
  body: { Draft: node("SUCCESS", "a draft"), Polish: node("RUNNING", null, { is_output_node: true }) },
}
const done: WorkflowPoll = {
  status: 200,
  body: {
    Draft: node("SUCCESS", "a draft"),
    Polish: node("SUCCESS", "the answer", { is_output_node: true }),
  },
}

/** A client on a fake clock: `sleep` moves the clock and records each wait. */
async function setup(polls: WorkflowPoll[], options: { warning?: string; sleepUntilAborted?: boolean } = {}) {
  stub = await startPromptLayerStub()
  stub.addWorkflow("support agent", polls, options)
  let clock = 1_000_000
  const waits: number[] = []
  const warnings: string[] = []
  const pl = new PromptLayer({
    apiKey: stub.apiKey,
    baseURL: stub.url,
    now: () => clock,
    sleep: async (ms, signal) => {
      signal?.throwIfAborted()
      waits.push(ms)
      clock += ms
      if (options.sleepUntilAborted) {
        await new Promise((_, reject) => signal?.addEventListener("abort", () => reject(signal.reason)))
      }
    },
    logger: { warn: (message) => warnings.push(message) },
  })
  const resultPolls = () => stub!.calls("/workflow-version-execution-results")
  return { stub, pl, waits, warnings, resultPolls }
}

describe("pl.runWorkflow()", () => {
  it("starts the run, polls with backoff until the results are ready, and resolves the output node's value", async () => {
    const s = await setup([running, running, done])
    const output = await s.pl.runWorkflow({
      workflowName: "support agent",
      inputVariables: { question: "How do I reset my password?" },
      metadata: { user: "42" },
      workflowLabelName: "prod",
    })
    expect(output).toBe("the answer")
    const [run] = s.stub.calls("/workflows/")
    expect(run?.url).toBe("/workflows/support%20agent/run")
    expect(JSON.parse(run?.body ?? "{}")).toEqual({
      input_variables: { question: "How do I reset my password?" },
      metadata: { user: "42" },
      workflow_label_name: "prod",
      return_all_outputs: false,
    })
    expect(s.resultPolls()).toHaveLength(3)
    const query = new URL(s.resultPolls()[0]!.url, "http://stub").searchParams
    expect(query.get("workflow_version_execution_id")).toMatch(/^\d+$/)
    expect(query.get("return_all_outputs")).toBe("true")
    expect(s.waits).toEqual([500, 1_000])
  })

  it("resolves every node's result with returnAllOutputs", async () => {
    const s = await setup([running, done])
    const results = await s.pl.runWorkflow({
      workflowName: "support agent",
      returnAllOutputs: true,
      workflowVersion: 3,
    })
    expect(results).toEqual(done.body)
    expect(JSON.parse(s.stub.calls("/workflows/")[0]?.body ?? "{}")).toMatchObject({
      workflow_version_number: 3,
      return_all_outputs: true,
    })
  })

  it("fails with an error naming the node that failed", async () => {
    const failed: WorkflowPoll = {
      status: 200,
      body: {
        Draft: node("SUCCESS", "a draft"),
        Polish: node("FAILED", null, { error_message: "Rate limit exceeded", is_output_node: true }),
        Review: node("SKIPPED", null),
      },
    }
    const s = await setup([running, failed])
    const error = await s.pl.runWorkflow({ workflowName: "support agent" }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PromptLayerWorkflowError)
    const workflowError = error as PromptLayerWorkflowError
    expect(workflowError.failedNodes).toEqual([{ name: "Polish", error_message: "Rate limit exceeded" }])
    expect(workflowError.message).toContain('failed in node "Polish" (Rate limit exceeded)')
    expect(workflowError.results).toEqual(failed.body)
    expect(workflowError.executionId).toBeTypeOf("number")
  })

  it("gives up after timeout, never waiting past it", async () => {
    const s = await setup([running])
    const error = await s.pl
      .runWorkflow({ workflowName: "support agent", timeout: 5_000 })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PromptLayerWorkflowTimeoutError)
    expect((error as PromptLayerWorkflowTimeoutError).timeoutMs).toBe(5_000)
    expect((error as PromptLayerWorkflowTimeoutError).results).toEqual(running.body)
    // 0.5 + 1 + 2 s, then the last 1.5 s up to the deadline, and a last look.
    expect(s.waits).toEqual([500, 1_000, 2_000, 1_500])
    expect(s.resultPolls()).toHaveLength(5)
  })

  it("stops waiting when cancelled, with the signal's reason", async () => {
    const s = await setup([running], { sleepUntilAborted: true })
    const controller = new AbortController()
    const reason = new Error("the user left")
    const pending = s.pl.runWorkflow({ workflowName: "support agent", signal: controller.signal })
    while (s.waits.length === 0) await new Promise((resolve) => setTimeout(resolve, 5))
    controller.abort(reason)
    await expect(pending).rejects.toBe(reason)
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(s.resultPolls()).toHaveLength(1)
  })

  it("reports the API's warning and names an unknown workflow", async () => {
    const s = await setup([done], { warning: "input variable 'question' is missing" })
    await s.pl.runWorkflow({ workflowName: "support agent" })
    expect(s.warnings).toEqual([
      "PromptLayer API warning from /workflows/support%20agent/run: input variable 'question' is missing",
    ])
    await expect(s.pl.runWorkflow({ workflowName: "nobody" })).rejects.toBeInstanceOf(
      PromptLayerNotFoundError,
    )
  })

  it("needs the PromptLayer API", async () => {
    const pl = new PromptLayer({ registry: (await setup([done])).pl.registry, apiKey: undefined, env: {} })
    await expect(pl.runWorkflow({ workflowName: "support agent" })).rejects.toThrow(PromptLayerError)
  })
})
