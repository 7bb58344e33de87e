import { EXIT } from "./exitCodes.js";
import { runCli } from "./runCli.js";

/** An output stream of the process: written to, and reporting a failed write as "error". */
export interface CliProcessStream {
  write(text: string): unknown;
  on(event: "error", listener: (error: NodeJS.ErrnoException) => void): unknown;
}

/** The parts of a Node.js process that the command line uses (`process` has all of them). */
export interface CliProcess {
  /** The program, the script, then the arguments (`process.argv`). */
  readonly argv: readonly string[];
  readonly stdout: CliProcessStream;
  readonly stderr: CliProcessStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  cwd(): string;
  /** Set to the command's exit code when it finishes. */
  exitCode?: number | string | undefined;
  /** Ends the process with `code` at once. */
  exit(code: number): void;
  on(event: "SIGINT", listener: () => void): unknown;
}

/**
 * Runs {@link runCli} as the `regionsim` process: arguments from `proc.argv`, output to its
 * streams, and the exit code in `proc.exitCode`. Ctrl-C (SIGINT) asks a running simulation to
 * stop (exit 130 via `runCli`); a second Ctrl-C exits 130 at once.
 *
 * A closed output pipe (EPIPE, e.g. `regionsim validate data.csv | head -1`) is not an error
 * to report: the process exits quietly with the command's exit code if the command has
 * finished, and with 141 (128 + SIGPIPE, what a shell shows for a process a closed pipe ended)
 * if it has not, so that a closed pipe never turns an unfinished or failed command into a
 * success. Any other stream error is thrown.
 *
 * @param proc - the process, `process` in `src/cli.ts`.
 * @returns when the command has finished and `proc.exitCode` is set.
 * @example
 * const written: string[] = [];
 * const proc = {
 *   argv: ["node", "regionsim", "--version"], env: {}, cwd: () => ".",
 *   stdout: { write: (s: string) => written.push(s), on: () => 0 },
 *   stderr: { write: () => 0, on: () => 0 },
 *   exitCode: undefined as number | string | undefined, exit: () => {}, on: () => 0,
 * };
 * await runCliProcess(proc);
 * proc.exitCode; // 0
 */
export async function runCliProcess(proc: CliProcess): Promise<void> {
  /** The command's exit code, once it has finished. */
  let finished: number | undefined;
  for (const stream of [proc.stdout, proc.stderr]) {
    stream.on("error", (error) => {
      if (error.code === "EPIPE") proc.exit(finished ?? EXIT.closedPipe);
      else throw error;
    });
  }

  const controller = new AbortController();
  proc.on("SIGINT", () => {
    if (controller.signal.aborted) proc.exit(EXIT.interrupted);
    controller.abort();
  });

  finished = await runCli(proc.argv.slice(2), {
    stdout: proc.stdout,
    stderr: proc.stderr,
    cwd: proc.cwd(),
    env: proc.env,
    signal: controller.signal,
  });
  proc.exitCode = finished;
}
