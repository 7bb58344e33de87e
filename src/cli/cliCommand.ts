import type { CliIo } from "./cliIo.js";

/**
 * A command of `regionsim`, as `runCli` dispatches it: the name typed after `regionsim`, its
 * usage, and how it runs. Each command declares itself in its own module; `runCli` finds it in
 * its table by name, and the main usage lists the commands that have a summary.
 */
export interface CliCommand {
  /** What follows `regionsim` on the command line, e.g. `"assess"`. */
  readonly name: string;
  /** Other spellings that run the command, e.g. `"--help"` for `help`. */
  readonly aliases?: readonly string[];
  /** One line in the main usage's list of commands; a command without one is not listed. */
  readonly summary?: string;
  /** The full usage, printed by `--help`; its first line follows a usage error. */
  readonly usage: string;
  /**
   * Runs the command on the arguments after its name, writing to `io`.
   *
   * @returns the exit code (see `EXIT`).
   * @throws `CliFailure` for bad usage or bad input, which `runCli` reports with its exit code.
   */
  run(args: readonly string[], io: CliIo): Promise<number>;
}
