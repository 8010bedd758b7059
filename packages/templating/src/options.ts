import { TemplateLimitError } from "./errors.js"

/**
 * How to render. Every limit is enforced while rendering (not checked afterwards), so a runaway template
 * stops early with a {@link TemplateLimitError}.
 *
 * @example
 * renderTemplate(template, variables, { lenient: true, maxOutputLength: 200_000 })
 */
export interface RenderOptions {
  /**
   * Render variables that were not passed as empty text, as PromptLayer's server does, instead of
   * throwing `MissingVariablesError`; a missing placeholder or media variable expands to nothing.
   * Default `false`.
   */
  lenient?: boolean
  /**
   * The most characters one render may produce, counted as text is produced (jinja2 text built inside
   * macros, `{% set %}` blocks and filter blocks counts when it is built and again when it is printed),
   * and the longest string a jinja2 variable may hold. Default 16,777,216 (16 Mi).
   */
  maxOutputLength?: number
  /**
   * The most jinja2 loop iterations plus macro calls in one render, counted before each loop starts.
   * Also caps `range()` and the sizes `batch`/`slice` may create. Default 100,000.
   */
  maxLoopIterations?: number
  /**
   * Give up after this many milliseconds, checked between parts, at loop starts, every 1,024 steps and
   * at macro calls. Default: no time limit (the other limits already bound the work).
   */
  timeoutMs?: number
}

/** The default `maxOutputLength`: 16 Mi characters, more than any model's context window holds. */
export const DEFAULT_MAX_OUTPUT_LENGTH = 16 * 1024 * 1024
/** The default `maxLoopIterations`: loop iterations plus macro calls in one render. */
export const DEFAULT_MAX_LOOP_ITERATIONS = 100_000
/** How deep macros may call each other, and how deep parsed templates may nest (stack safety). */
export const MAX_NESTING = 200

/** The running totals of one render, checked against its limits. One budget spans a whole template. */
export class Budget {
  readonly maxOutputLength: number
  readonly maxLoopIterations: number
  readonly timeoutMs: number | undefined
  private readonly deadline: number | undefined
  private output = 0
  private steps = 0
  private depth = 0

  constructor(options: RenderOptions = {}) {
    this.maxOutputLength = positive(options.maxOutputLength, DEFAULT_MAX_OUTPUT_LENGTH, "maxOutputLength")
    this.maxLoopIterations = positive(
      options.maxLoopIterations,
      DEFAULT_MAX_LOOP_ITERATIONS,
      "maxLoopIterations",
    )
    this.timeoutMs = options.timeoutMs === undefined ? undefined : positive(options.timeoutMs, 0, "timeoutMs")
    this.deadline = this.timeoutMs === undefined ? undefined : Date.now() + this.timeoutMs
  }

  /** Counts `length` more characters of output. */
  addOutput(length: number): void {
    this.output += length
    if (this.output > this.maxOutputLength) throw this.tooMuchOutput()
  }

  /** How many more characters of output fit, for a renderer that counts on its own between checks. */
  remainingOutput(): number {
    return this.maxOutputLength - this.output
  }

  tooMuchOutput(): TemplateLimitError {
    return new TemplateLimitError(
      "maxOutputLength",
      this.maxOutputLength,
      "the template produces more text than allowed",
    )
  }

  /** Refuses a single value (a string being stored or built) longer than the output limit. */
  checkLength(length: number, what: string): void {
    if (length > this.maxOutputLength) {
      throw new TemplateLimitError("maxOutputLength", this.maxOutputLength, `${what} would be too long`)
    }
  }

  /** Counts `count` loop iterations or calls, before they run. */
  addSteps(count: number): void {
    const before = this.steps
    this.steps += count
    if (this.steps > this.maxLoopIterations) {
      throw new TemplateLimitError(
        "maxLoopIterations",
        this.maxLoopIterations,
        "too many loop iterations and macro calls",
      )
    }
    // Checking the clock costs more than a step; every 1,024 steps keeps it cheap and still timely.
    if (this.deadline !== undefined && (count > 1 || before >>> 10 !== this.steps >>> 10)) this.checkTime()
  }

  /** Refuses a size (of a range, a batch) larger than the loop limit allows. */
  checkSize(size: number, what: string): void {
    if (!(size <= this.maxLoopIterations)) {
      throw new TemplateLimitError("maxLoopIterations", this.maxLoopIterations, `${what} is too large`)
    }
  }

  checkTime(): void {
    if (this.deadline === undefined) return
    if (Date.now() > this.deadline) {
      throw new TemplateLimitError("timeoutMs", this.timeoutMs ?? 0, "rendering took too long")
    }
  }

  /** Enters a macro call; pair with {@link leave}. */
  enter(): void {
    if (++this.depth > MAX_NESTING) {
      this.depth--
      throw new TemplateLimitError("nesting", MAX_NESTING, "macros call each other too deeply")
    }
    this.addSteps(1)
  }

  leave(): void {
    this.depth--
  }
}

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback
  if (typeof value !== "number" || !(value >= 0)) throw new TypeError(`${name} must be a number >= 0`)
  return value
}
