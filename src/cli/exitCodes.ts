/** Exit codes of `regionsim`. */
export const EXIT = {
  ok: 0,
  /** Bad input: a file that cannot be read or has errors, a file that does not validate. */
  badInput: 1,
  /** Bad usage: unknown command or option, missing or malformed argument. */
  usage: 2,
  /** A bug: an unexpected internal error (sysexits' EX_SOFTWARE). */
  internal: 70,
  /** Interrupted (128 + SIGINT). */
  interrupted: 130,
  /** The output pipe closed before the command finished (128 + SIGPIPE; see `runCliProcess`). */
  closedPipe: 141,
} as const;
