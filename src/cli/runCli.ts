import { assessCommand } from "./assessCommand.js";
import type { CliCommand } from "./cliCommand.js";
import type { CliIo } from "./cliIo.js";
import { compareCommand } from "./compareCommand.js";
import { disparityCommand } from "./disparityCommand.js";
import { helpCommand } from "./helpCommand.js";
import { usageError } from "./internal/cliFailure.js";
import { reportFailure } from "./internal/reportFailure.js";
import { packCommand } from "./packCommand.js";
import { reportCommand } from "./reportCommand.js";
import { schemaCommand } from "./schemaCommand.js";
import { sensitivityCommand } from "./sensitivityCommand.js";
import { solveCommand } from "./solveCommand.js";
import { templateCommand } from "./templateCommand.js";
import { validateCommand } from "./validateCommand.js";
import { versionCommand } from "./versionCommand.js";

/** The commands, in the order the main usage lists them. */
const COMMANDS: readonly CliCommand[] = [
  assessCommand,
  reportCommand,
  compareCommand,
  solveCommand,
  disparityCommand,
  validateCommand,
  templateCommand,
  schemaCommand,
  packCommand,
  sensitivityCommand,
];

/** `regionsim help`, whose usage is the main usage. */
const HELP = helpCommand(COMMANDS);

/** Everything the first argument may name: the commands, help and the version. */
const DISPATCH: readonly CliCommand[] = [...COMMANDS, HELP, versionCommand];

/**
 * Runs the `regionsim` command line in-process: parses `argv` (the arguments after the program
 * name), runs the command and writes its output to `io.stdout` and messages to `io.stderr`.
 * Never throws and never calls `process.exit`: it resolves to the exit code (see `EXIT`):
 * 0 success, 1 bad input (one-line message on stderr, or the file's issues), 2 bad usage
 * (message and a short usage on stderr), 70 an internal error (message and a "this is a bug"
 * hint; the stack trace only when `REGIONSIM_DEBUG=1`).
 *
 * Commands: `assess`, `report`, `compare`, `solve`, `disparity`, `validate`, `template`, `schema`, `pack build`, `sensitivity`, and `--help` /
 * `--version`; see docs/cli.md.
 *
 * @param argv - arguments, e.g. `["assess", "--pack", "qujing", "--scenario", "trend"]`.
 * @param io - output streams, working folder, environment and optional packs.
 * @returns the exit code.
 * @example
 * let out = "";
 * const io = { stdout: { write: (s: string) => (out += s) }, stderr: { write: () => 0 }, cwd: "." };
 * await runCli(["schema", "scenario"], io); // 0
 * JSON.parse(out).title; // "regionsim scenario"
 * await runCli(["frobnicate"], io); // 2 (bad usage: the message goes to stderr)
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const [name, ...rest] = argv;
    return await find(name).run(rest, io);
  } catch (error) {
    return reportFailure(error, io);
  }
}

/** The command the first argument names; a usage error for none or an unknown one. */
function find(name: string | undefined): CliCommand {
  if (name === undefined) throw usageError("missing command", HELP.usage);
  const command = DISPATCH.find((c) => c.name === name || c.aliases?.includes(name) === true);
  if (command === undefined)
    throw usageError(
      name.startsWith("-") ? `unknown option "${name}"` : `unknown command "${name}"`,
      HELP.usage,
    );
  return command;
}
