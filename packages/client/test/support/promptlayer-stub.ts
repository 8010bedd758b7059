/**
 * A local PromptLayer API for tests: the endpoints the client calls, with the paths, bodies and status
 * codes of PromptLayer's API reference, an in-memory store, and fault injection per path.
 */
import type { ServerResponse } from "node:http"
import { type RecordedRequest, sendJson, startServer, type TestServer } from "@pl/devtools/fixtures"

/** What the stub does instead of answering, for the next request to a path. */
export type Fault =
  | { status: number; body?: unknown; headers?: Record<string, string> }
  | "reset"
  | "hang"
  | "malformed"

interface StoredVersion {
  version: number
  prompt_template: unknown
  metadata: unknown
  commit_message: unknown
  labels: string[]
}

interface StoredPrompt {
  id: number
  name: string
  tags: string[]
  versions: StoredVersion[]
  extra: Record<string, unknown>
}

export interface PromptLayerStub extends TestServer {
  apiKey: string
  /** Adds a prompt (its versions in order); `extra` fields go into every template response. */
  addPrompt(
    name: string,
    versions: Omit<StoredVersion, "version" | "labels">[],
    options?: { labels?: Record<string, number>; extra?: Record<string, unknown> },
  ): void
  /** Queues faults for the next requests whose path starts with `path`. */
  fail(path: string, ...faults: Fault[]): void
  /**
   * Adds a workflow: each run of it answers the result polls with `polls` in order (the last one
   * repeats), as `GET /workflow-version-execution-results` does: 202 while running, 200 when done.
   */
  addWorkflow(name: string, polls: WorkflowPoll[], options?: { warning?: string }): void
  /** Logged request bodies, in order. */
  logs: Record<string, unknown>[]
  /** Requests to a path (prefix match). */
  calls(path: string): RecordedRequest[]
}

/** One answer of the workflow results endpoint. */
export interface WorkflowPoll {
  status: 200 | 202
  body: unknown
}

export async function startPromptLayerStub(apiKey = "pl_test_key"): Promise<PromptLayerStub> {
  const prompts = new Map<string, StoredPrompt>()
  const faults: { path: string; fault: Fault }[] = []
  const logs: Record<string, unknown>[] = []
  let nextId = 1000
  const workflows = new Map<string, { polls: WorkflowPoll[]; warning?: string | undefined }>()
  const executions = new Map<number, { polls: WorkflowPoll[]; next: number }>()

  const handler = async (request: RecordedRequest, res: ServerResponse) => {
    const url = new URL(request.url, "http://stub")
    const faultAt = faults.findIndex((f) => url.pathname.startsWith(f.path))
    if (faultAt >= 0) {
      const fault = faults.splice(faultAt, 1)[0]!.fault
      if (fault === "reset") {
        res.socket?.destroy()
        return
      }
      if (fault === "hang") return // never answers; the client's timeout ends it
      if (fault === "malformed") {
        res.writeHead(200, { "content-type": "application/json" })
        res.end('{"id": 12, "prompt_templ')
        return
      }
      return sendJson(
        res,
        fault.body ?? { success: false, message: `injected ${fault.status}` },
        fault.status,
        fault.headers,
      )
    }
    const body = request.body ? (JSON.parse(request.body) as Record<string, unknown>) : {}
    const keyInBody = url.pathname.startsWith("/rest/track-") || url.pathname === "/create-group"
    const key = keyInBody ? body.api_key : request.headers["x-api-key"]
    if (key !== apiKey) return sendJson(res, { success: false, message: "Invalid API key" }, 401)

    if (request.method === "POST" && url.pathname.startsWith("/prompt-templates/")) {
      const name = decodeURIComponent(url.pathname.slice("/prompt-templates/".length))
      const prompt = prompts.get(name)
      if (
        body.version !== undefined &&
        body.version !== null &&
        !(Number.isInteger(body.version) && (body.version as number) > 0)
      ) {
        return sendJson(
          res,
          { detail: [{ loc: ["body", "version"], msg: "must be a positive integer", type: "value_error" }] },
          422,
        )
      }
      const version = prompt?.versions.find((v) =>
        body.version != null
          ? v.version === body.version
          : body.label != null
            ? v.labels.includes(body.label as string)
            : true,
      )
      const chosen = body.version == null && body.label == null ? prompt?.versions.at(-1) : version
      if (!prompt || !chosen)
        return sendJson(res, { success: false, message: "Prompt template not found." }, 404)
      return sendJson(res, templateResponse(prompt, chosen))
    }
    if (request.method === "POST" && url.pathname === "/rest/prompt-templates") {
      const template = body.prompt_template as { prompt_name?: string; tags?: string[] } | undefined
      const version = body.prompt_version as
        | { prompt_template?: unknown; metadata?: unknown; commit_message?: unknown }
        | undefined
      if (!template?.prompt_name || !version?.prompt_template) {
        return sendJson(
          res,
          { detail: [{ loc: ["body", "prompt_version"], msg: "field required", type: "missing" }] },
          422,
        )
      }
      let prompt = prompts.get(template.prompt_name)
      if (!prompt) {
        prompt = {
          id: nextId++,
          name: template.prompt_name,
          tags: template.tags ?? [],
          versions: [],
          extra: {},
        }
        prompts.set(prompt.name, prompt)
      }
      const labels = (body.release_labels as string[] | undefined) ?? []
      for (const v of prompt.versions) v.labels = v.labels.filter((l) => !labels.includes(l))
      const stored = {
        version: prompt.versions.length + 1,
        prompt_template: version.prompt_template,
        metadata: version.metadata ?? null,
        commit_message: version.commit_message ?? null,
        labels,
      }
      prompt.versions.push(stored)
      return sendJson(res, {
        id: prompt.id,
        prompt_name: prompt.name,
        prompt_version_id: nextId++,
        version_number: stored.version,
        tags: prompt.tags,
        release_labels: labels,
        prompt_template: stored.prompt_template,
        metadata: stored.metadata,
        commit_message: stored.commit_message,
      })
    }
    if (request.method === "GET" && url.pathname === "/prompt-templates") {
      const label = url.searchParams.get("label")
      const perPage = Number(url.searchParams.get("per_page") ?? 30)
      const page = Number(url.searchParams.get("page") ?? 1)
      const all = [...prompts.values()]
        .map((p) => {
          const v = label ? p.versions.find((x) => x.labels.includes(label)) : p.versions.at(-1)
          return v ? templateResponse(p, v) : undefined
        })
        .filter((x) => x !== undefined)
      const items = all.slice((page - 1) * perPage, page * perPage)
      return sendJson(res, {
        items,
        page,
        pages: Math.max(1, Math.ceil(all.length / perPage)),
        total: all.length,
        has_next: page * perPage < all.length,
        has_prev: page > 1,
        next_num: page + 1,
        prev_num: page - 1,
      })
    }
    if (request.method === "POST" && url.pathname === "/log-request") {
      const missing = [
        "provider",
        "model",
        "input",
        "output",
        "request_start_time",
        "request_end_time",
      ].filter((field) => body[field] === undefined)
      if (missing.length > 0) {
        return sendJson(
          res,
          { detail: missing.map((m) => ({ loc: ["body", m], msg: "Field required", type: "missing" })) },
          422,
        )
      }
      const id = nextId++
      logs.push(body)
      return sendJson(res, { id, prompt_version: null, status: body.status ?? "SUCCESS" }, 201)
    }
    const track = /^\/rest\/track-(score|metadata|prompt|group)$/.exec(url.pathname)
    if (request.method === "POST" && track) {
      if (typeof body.request_id !== "number")
        return sendJson(res, { success: false, message: "request_id is required" }, 400)
      return sendJson(res, { success: true, message: "Request tracked successfully" })
    }
    const run = /^\/workflows\/([^/]+)\/run$/.exec(url.pathname)
    if (request.method === "POST" && run) {
      const workflow = workflows.get(decodeURIComponent(run[1]!))
      if (!workflow) return sendJson(res, { success: false, message: "Workflow not found" }, 404)
      const id = nextId++
      executions.set(id, { polls: workflow.polls, next: 0 })
      return sendJson(
        res,
        {
          success: true,
          message: "Workflow execution created successfully",
          workflow_version_execution_id: id,
          ...(workflow.warning && { warning: workflow.warning }),
        },
        201,
      )
    }
    if (request.method === "GET" && url.pathname === "/workflow-version-execution-results") {
      const execution = executions.get(Number(url.searchParams.get("workflow_version_execution_id")))
      if (!execution) return sendJson(res, { detail: "Workflow version execution not found" }, 404)
      const poll = execution.polls[Math.min(execution.next++, execution.polls.length - 1)]!
      return sendJson(res, poll.body, poll.status)
    }
    if (request.method === "POST" && url.pathname === "/create-group") {
      return sendJson(res, { success: true, id: nextId++ })
    }
    sendJson(res, { detail: "Not Found" }, 404)
  }

  const server = await startServer(handler)
  return {
    ...server,
    apiKey,
    logs,
    addPrompt(name, versions, options = {}) {
      const labels = options.labels ?? {}
      prompts.set(name, {
        id: nextId++,
        name,
        tags: [],
        extra: options.extra ?? {},
        versions: versions.map((v, i) => ({
          ...v,
          version: i + 1,
          labels: Object.keys(labels).filter((label) => labels[label] === i + 1),
        })),
      })
    },
    addWorkflow(name, polls, options = {}) {
      workflows.set(name, { polls, warning: options.warning })
    },
    fail(path, ...more) {
      for (const fault of more) faults.push({ path, fault })
    },
    calls(path) {
      return server.requests.filter((r) => r.url.startsWith(path))
    },
  }
}

function templateResponse(prompt: StoredPrompt, version: StoredVersion) {
  return {
    id: prompt.id,
    prompt_name: prompt.name,
    version: version.version,
    workspace_id: 1,
    prompt_template: version.prompt_template,
    metadata: version.metadata,
    commit_message: version.commit_message,
    tags: prompt.tags,
    llm_kwargs: null,
    ...prompt.extra,
  }
}
