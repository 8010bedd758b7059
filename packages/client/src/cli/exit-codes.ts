/** `pl` exit codes: scripts can rely on them. */
export const EXIT = {
  /** Done. */
  OK: 0,
  /** The provider, the PromptLayer API or the network failed; or an unexpected error. */
  FAILURE: 1,
  /** Bad command line: unknown command or flag, missing argument. */
  USAGE: 2,
  /** Invalid input: a blueprint, template or input variable does not validate. */
  INVALID: 3,
  /** No such prompt, version or release label. */
  NOT_FOUND: 4,
  /** The provider's key is not set: the dry run was printed instead. */
  MISSING_CREDENTIALS: 5,
  /** Interrupted (Ctrl-C): what had arrived was printed and logged. 128 + SIGINT, as shells report it. */
  INTERRUPTED: 130,
} as const

export type ExitCode = (typeof EXIT)[keyof typeof EXIT]
