import packageJson from "../../package.json" with { type: "json" };
import type { CliCommand } from "./cliCommand.js";
import { EXIT } from "./exitCodes.js";

/** `regionsim --version` (also `-v`): prints the version from package.json. */
export const versionCommand: CliCommand = {
  name: "--version",
  aliases: ["-v"],
  usage: "Usage: regionsim --version",
  run: async (_args, io) => {
    io.stdout.write(`${packageJson.version}\n`);
    return EXIT.ok;
  },
};
