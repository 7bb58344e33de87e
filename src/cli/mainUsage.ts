import type { CliCommand } from "./cliCommand.js";

/**
 * The usage of `regionsim` itself: the commands that have a summary, in the order given, then
 * the global options, the exit codes and where the documentation is.
 *
 * @param commands - the commands `runCli` dispatches to.
 * @returns the text `regionsim --help` prints.
 */
export function mainUsage(commands: readonly CliCommand[]): string {
  const listed = commands.filter((c) => c.summary !== undefined);
  const width = Math.max(...listed.map((c) => c.name.length));
  const lines = listed.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `Usage: regionsim <command> [options]

Commands:
${lines.join("\n")}

Options:
  -h, --help     show help (also: regionsim <command> --help)
  -v, --version  print the version

Exit codes: 0 success, 1 bad input, 2 bad usage, 70 internal error (a bug).
Documentation: docs/cli.md`;
}
