import { mkdir, readdir, readFile } from "node:fs/promises"
import { join, resolve } from "node:path"
import { type BlueprintMetadata, type PromptTemplate, safeParseBlueprint } from "@pl/blueprint"
import type {
  ListedTemplate,
  ListTemplatesParams,
  LogRequestBody,
  LogRequestResponse,
  PublishTemplateInput,
  PublishTemplateResponse,
  TemplateResponse,
  TemplateSelector,
  TrackGroupInput,
  TrackMetadataInput,
  TrackPromptInput,
  TrackScoreInput,
} from "../api-types.js"
import { PromptLayerNotFoundError, PromptLayerValidationError } from "../errors.js"
import type { Registry } from "../registry.js"
import { AppendLog } from "./append-log.js"
import { createFileExclusive, writeFileAtomic } from "./atomic-write.js"
import { withLock } from "./lock.js"

/** Options of {@link LocalRegistry}. */
export interface LocalRegistryOptions {
  /** The registry folder: one sub-folder per prompt. */
  directory: string
  /** The request log, one JSON object per line (default `<directory>/.pl/requests.jsonl`). */
  logFile?: string
  /**
   * Log lines are written in the background (see {@link LocalRegistry.flush}); this hears of a batch
   * that could not be written. Default: a process warning.
   */
  onLogError?: (error: Error) => void
}

/** One version file, `<prompt>/v<N>.json`, as written (pretty JSON, stable key order). */
interface VersionFile {
  version: number
  prompt_template: PromptTemplate
  metadata?: BlueprintMetadata | null
  commit_message?: string | null
  tags?: string[]
  created_at?: string
}

const VERSION_FILE = /^v(\d+)\.json$/

/**
 * A prompt registry in a folder, for work without a PromptLayer account: human-readable,
 * diff-friendly files, the same interface as the PromptLayer API.
 *
 * ```
 * prompts/
 *   support-agent/
 *     v1.json          { "version": 1, "prompt_template": {...}, "metadata": {...}, "commit_message": "..." }
 *     v2.json
 *     labels.json      { "prod": 1, "staging": 2 }
 *   .pl/requests.jsonl one JSON object per logged request (and per score, metadata, group)
 * ```
 *
 * Writes are atomic (temp file + rename, or + hard link for new versions), so a crash never leaves a
 * half-written file; concurrent `publish` calls, from any number of processes, each get their own
 * version (a version file is created exclusively) and label updates are serialised by a lock file.
 * The request log is written in the background, in batches of whole lines ({@link flush}).
 *
 * @example
 * const pl = new PromptLayer({ registry: new LocalRegistry({ directory: "prompts" }) })
 */
export class LocalRegistry implements Registry {
  readonly kind = "local"
  readonly directory: string
  readonly logFile: string
  #sequence = 0
  readonly #log: AppendLog

  constructor(options: LocalRegistryOptions) {
    this.directory = resolve(options.directory)
    this.logFile = resolve(options.logFile ?? join(this.directory, ".pl", "requests.jsonl"))
    this.#log = new AppendLog(this.logFile, { onError: options.onLogError })
  }

  async getTemplate(name: string, selector: TemplateSelector): Promise<TemplateResponse> {
    const folder = this.#folder(name)
    const labels = await this.#labels(name)
    let version = selector.version
    if (version === undefined && selector.label !== undefined) {
      version = labels[selector.label]
      if (version === undefined)
        throw notFound(`Prompt "${name}" has no release label "${selector.label}"`, folder)
    }
    version ??= (await this.#versions(name)).at(-1)
    if (version === undefined) throw notFound(`Prompt "${name}" not found in ${this.directory}`, folder)
    const file = await this.#readVersion(name, version)
    return {
      id: promptId(name),
      prompt_name: name,
      version,
      prompt_template: file.prompt_template,
      metadata: file.metadata ?? null,
      commit_message: file.commit_message ?? null,
      tags: file.tags ?? [],
      llm_kwargs: null,
      release_labels: Object.keys(labels).filter((label) => labels[label] === version),
    }
  }

  async publishTemplate(input: PublishTemplateInput): Promise<PublishTemplateResponse> {
    const parsed = safeParseBlueprint({ prompt_template: input.prompt_template, metadata: input.metadata })
    if (!parsed.success) {
      throw new PromptLayerValidationError(`Cannot publish "${input.prompt_name}": ${parsed.error.message}`, {
        issues: parsed.error.issues,
      })
    }
    const folder = this.#folder(input.prompt_name)
    await mkdir(folder, { recursive: true })
    let version = ((await this.#versions(input.prompt_name)).at(-1) ?? 0) + 1
    for (;;) {
      const file: VersionFile = {
        version,
        prompt_template: input.prompt_template,
        metadata: input.metadata ?? null,
        commit_message: input.commit_message ?? null,
        tags: input.tags ?? [],
        created_at: new Date().toISOString(),
      }
      if (await createFileExclusive(join(folder, `v${version}.json`), toJson(file))) break
      version++ // another publish took this number first
    }
    const labels = input.release_labels ?? []
    if (labels.length > 0) {
      await this.#updateLabels(input.prompt_name, (current) => {
        // Concurrent publishes with one label: the label ends on the newest of them.
        // Entries, not assignments: a label named `__proto__` stays a label.
        const moved = labels.map((label) => [
          label,
          Math.max(version, Object.hasOwn(current, label) ? current[label]! : 0),
        ])
        return { ...current, ...Object.fromEntries(moved) }
      })
    }
    const id = promptId(input.prompt_name)
    return {
      id,
      prompt_name: input.prompt_name,
      prompt_version_id: id * 100_000 + version,
      version_number: version,
      tags: input.tags ?? [],
      release_labels: labels,
      prompt_template: input.prompt_template,
      metadata: input.metadata ?? null,
      commit_message: input.commit_message ?? null,
    }
  }

  /**
   * Moves (or sets) a release label to a version.
   *
   * @example
   * await registry.setLabel("greet", "prod", 3)
   */
  async setLabel(name: string, label: string, version: number): Promise<void> {
    await this.#readVersion(name, version)
    await this.#updateLabels(name, (current) => ({ ...current, [label]: version }))
  }

  async listTemplates(params: ListTemplatesParams): Promise<ListedTemplate[]> {
    const entries = await readdir(this.directory, { withFileTypes: true }).catch(() => [])
    const names = entries
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith("."))
      .map((entry) => decodeName(entry.name))
      .filter((name) => !params.name || name.toLowerCase().includes(params.name.toLowerCase()))
      .sort()
    const out: ListedTemplate[] = []
    for (const name of names) {
      try {
        out.push(await this.getTemplate(name, { label: params.label }))
      } catch (error) {
        if (!(error instanceof PromptLayerNotFoundError)) throw error
      }
    }
    const perPage = params.perPage ?? 30
    const page = params.page ?? 1
    return out.slice((page - 1) * perPage, page * perPage)
  }

  async logRequest(body: LogRequestBody): Promise<LogRequestResponse> {
    const id = this.#newId()
    this.#append({ type: "request", id, logged_at: new Date().toISOString(), ...body })
    return { id, prompt_version: null }
  }

  async trackScore(input: TrackScoreInput): Promise<boolean> {
    const { score_name, name, ...rest } = input
    this.#append({ type: "score", ...rest, name: name ?? score_name ?? "default" })
    return true
  }

  async trackMetadata(input: TrackMetadataInput): Promise<boolean> {
    this.#append({ type: "metadata", ...input })
    return true
  }

  async trackPrompt(input: TrackPromptInput): Promise<boolean> {
    this.#append({ type: "prompt", ...input })
    return true
  }

  async trackGroup(input: TrackGroupInput): Promise<boolean> {
    this.#append({ type: "group", ...input })
    return true
  }

  async createGroup(): Promise<number> {
    const id = this.#newId()
    this.#append({ type: "group_created", id })
    return id
  }

  /**
   * Writes the request log's waiting lines now. Lines are appended in batches, at most 20 ms after they
   * were logged and when the process exits; call this before reading the log file yourself.
   */
  async flush(): Promise<void> {
    this.#log.flush()
  }

  #folder(name: string): string {
    return join(this.directory, encodeName(name))
  }

  async #versions(name: string): Promise<number[]> {
    const files = await readdir(this.#folder(name)).catch(() => [] as string[])
    return files
      .map((file) => VERSION_FILE.exec(file)?.[1])
      .filter((n): n is string => n !== undefined)
      .map(Number)
      .sort((a, b) => a - b)
  }

  async #readVersion(name: string, version: number): Promise<VersionFile> {
    const path = join(this.#folder(name), `v${version}.json`)
    let text: string
    try {
      text = await readFile(path, "utf8")
    } catch {
      throw notFound(`Prompt "${name}" has no version ${version}`, path)
    }
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch (error) {
      throw new PromptLayerValidationError(`${path} is not valid JSON: ${(error as Error).message}`, { path })
    }
    const parsed = safeParseBlueprint(json)
    if (!parsed.success) {
      throw new PromptLayerValidationError(`${path}: ${parsed.error.message}`, {
        path,
        issues: parsed.error.issues,
      })
    }
    return { ...(json as VersionFile), ...parsed.data, version }
  }

  async #labels(name: string): Promise<Record<string, number>> {
    const path = join(this.#folder(name), "labels.json")
    const text = await readFile(path, "utf8").catch(() => "{}")
    const labels = JSON.parse(text) as unknown
    if (labels === null || typeof labels !== "object" || Array.isArray(labels)) {
      throw new PromptLayerValidationError(`${path} must map label names to version numbers`, { path })
    }
    return Object.fromEntries(
      Object.entries(labels).filter((entry): entry is [string, number] => Number.isInteger(entry[1])),
    )
  }

  async #updateLabels(
    name: string,
    update: (labels: Record<string, number>) => Record<string, number>,
  ): Promise<void> {
    const path = join(this.#folder(name), "labels.json")
    await withLock(`${path}.lock`, async () => {
      const next = update(await this.#labels(name))
      const sorted = Object.fromEntries(Object.entries(next).sort(([a], [b]) => a.localeCompare(b)))
      await writeFileAtomic(path, toJson(sorted))
    })
  }

  #append(record: Record<string, unknown>): void {
    this.#log.append(JSON.stringify(record))
  }

  /** Unique per process and increasing: milliseconds × 1000 plus a sequence. */
  #newId(): number {
    this.#sequence = (this.#sequence + 1) % 1000
    return Date.now() * 1000 + this.#sequence
  }
}

function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`
}

function notFound(message: string, path: string): PromptLayerNotFoundError {
  return new PromptLayerNotFoundError(message, { status: 404, path })
}

/** A folder name for a prompt name: readable when it can be, percent-encoded when it must be. */
export function encodeName(name: string): string {
  if (/^[A-Za-z0-9_-][A-Za-z0-9._-]*$/.test(name)) return name
  return encodeURIComponent(name).replace(/^\./, "%2E").replace(/\*/g, "%2A")
}

function decodeName(folder: string): string {
  try {
    return decodeURIComponent(folder)
  } catch {
    return folder
  }
}

/** A stable positive integer id for a prompt name (FNV-1a, 31 bits). */
function promptId(name: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 1 || 1
}
