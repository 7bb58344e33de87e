import type { CliIo } from "../cliIo.js";
import { EXIT } from "../exitCodes.js";

/** Prints a usage text on stdout, as `--help` does, and gives exit code 0. */
export function printUsage(usage: string, io: CliIo): number {
  io.stdout.write(`${usage}\n`);
  return EXIT.ok;
}
