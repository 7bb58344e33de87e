import type { CliCommand } from "./cliCommand.js";
import { printUsage } from "./internal/printUsage.js";
import { mainUsage } from "./mainUsage.js";

/**
 * `regionsim help [command]` (also `-h`, `--help`): prints the usage of the command named after
 * it, or the main usage when none of `commands` has that name.
 *
 * @param commands - the commands whose usage it can print.
 */
export function helpCommand(commands: readonly CliCommand[]): CliCommand {
  const usage = mainUsage(commands);
  return {
    name: "help",
    aliases: ["-h", "--help"],
    usage,
    run: async ([topic], io) =>
      printUsage(commands.find((c) => c.name === topic)?.usage ?? usage, io),
  };
}
