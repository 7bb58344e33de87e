import { describe, expect, it } from "vitest";
import { assessCommand } from "../../src/cli/assessCommand.js";
import { disparityCommand } from "../../src/cli/disparityCommand.js";
import { helpCommand } from "../../src/cli/helpCommand.js";
import { mainUsage } from "../../src/cli/mainUsage.js";
import { packCommand } from "../../src/cli/packCommand.js";
import { runCli } from "../../src/cli/runCli.js";
import { schemaCommand } from "../../src/cli/schemaCommand.js";
import { sensitivityCommand } from "../../src/cli/sensitivityCommand.js";
import { solveCommand } from "../../src/cli/solveCommand.js";
import { templateCommand } from "../../src/cli/templateCommand.js";
import { validateCommand } from "../../src/cli/validateCommand.js";

/** The main usage, as regionsim printed it before the commands declared themselves. */
const THREE_COMMANDS = `Usage: regionsim <command> [options]

Commands:
  assess    assess every target of a region pack under a scenario
  validate  check an observations, scenario, targets or pack file
  schema    print the JSON Schema of a file regionsim reads or writes

Options:
  -h, --help     show help (also: regionsim <command> --help)
  -v, --version  print the version

Exit codes: 0 success, 1 bad input, 2 bad usage, 70 internal error (a bug).
Documentation: docs/cli.md`;

/** What regionsim --help prints: the main usage with every command regionsim has. */
const FULL_USAGE = `Usage: regionsim <command> [options]

Commands:
  assess       assess every target of a region pack under a scenario
  report       write the report of a scenario to a file, in one of the report formats
  compare      set several scenarios side by side: projections, statuses, probabilities
  solve        find the growth that meets a target, and how plausible it is
  disparity    σ- and β-convergence of per-capita GDP across the places under a scenario
  validate     check an observations, scenario, targets or pack file
  template     write a fill-in workbook (.xlsx) of the data the targets lack
  schema       print the JSON Schema of a file regionsim reads or writes
  pack         build a region pack from a county panel (pack build)
  sensitivity  which assumptions move a target's gap the most (tornado, Morris, Sobol')

Options:
  -h, --help     show help (also: regionsim <command> --help)
  -v, --version  print the version

Exit codes: 0 success, 1 bad input, 2 bad usage, 70 internal error (a bug).
Documentation: docs/cli.md`;

async function stdoutOf(argv: string[]): Promise<string> {
  let out = "";
  await runCli(argv, {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: () => 0 },
    cwd: ".",
  });
  return out;
}

describe("mainUsage", () => {
  it("mainUsage lists the commands with a summary, names padded to the longest", () => {
    expect(mainUsage([assessCommand, validateCommand, schemaCommand])).toBe(THREE_COMMANDS);
  });

  it("mainUsage leaves out commands without a summary", () => {
    const usage = mainUsage([schemaCommand, helpCommand([schemaCommand])]);
    expect(usage).toContain("Commands:\n  schema  print the JSON Schema");
    expect(usage).not.toContain("  help ");
  });

  it("regionsim --help, -h and help print the main usage", async () => {
    for (const argv of [["--help"], ["-h"], ["help"], ["help", "frobnicate"], ["help", "help"]])
      expect(await stdoutOf(argv)).toBe(`${FULL_USAGE}\n`);
  });

  it("each command prints its own usage for --help and for regionsim help <command>", async () => {
    for (const command of [
      assessCommand,
      disparityCommand,
      validateCommand,
      templateCommand,
      schemaCommand,
      packCommand,
      sensitivityCommand,
      solveCommand,
    ]) {
      expect(await stdoutOf([command.name, "--help"])).toBe(`${command.usage}\n`);
      expect(await stdoutOf(["help", command.name])).toBe(`${command.usage}\n`);
      expect(command.usage.startsWith(`Usage: regionsim ${command.name} `)).toBe(true);
    }
  });
});
