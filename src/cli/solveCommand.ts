import { SOLVE_RULES, type SolveRule } from "../analysis/solveResult.js";
import { solveTarget } from "../analysis/solveTarget.js";
import { ArgumentRangeError } from "../internal/errors.js";
import { MAX_SIMULATION_PATHS } from "../simulation/simulate.js";
import type { CliCommand } from "./cliCommand.js";
import type { CliIo } from "./cliIo.js";
import { EXIT } from "./exitCodes.js";
import { inputError, usageError } from "./internal/cliFailure.js";
import { findPack } from "./internal/findPack.js";
import { integerOption } from "./internal/integerOption.js";
import { writeOutputFile } from "./internal/outputFile.js";
import { parseOptions } from "./internal/parseOptions.js";
import { printUsage } from "./internal/printUsage.js";
import { loadScenario } from "./internal/scenarioOption.js";
import { solutionText } from "./internal/solutionText.js";

const SOLVE_USAGE = `Usage: regionsim solve --pack <id> --scenario <name|file.json> --target <id> [options]

Finds the growth a year that meets a target: the projection just meets it (within +0.5%), or,
with --probability, the simulated probability of attainment equals p. Prints each place's
required growth against its own history and China's counties, and the check of the target
assessed under the solution; --write-scenario saves the solution as a scenario file.

Options:
  --pack <id|file>      region pack: a built-in id (qujing) or a pack .json file
  --scenario <s>        the base scenario: a named scenario of the pack or a scenario .json file
  --target <id>         a level, growth or share target of the pack (e.g. gdp-2035-double)
  --rule <r>            how a group's growth is spread over its places: ${SOLVE_RULES.join(", ")}
                        (default same-growth; docs/solve.md)
  --probability <p>     solve for a probability of attainment strictly between 0 and 1
  --paths <n>           paths of each simulation with --probability (default 4096)
  --seed <s>            seed of every simulation (integer, default 1)
  --workers <w>         worker threads of the simulation (default 0: in this thread)
  --json                print the solution as one JSON object instead of the text
  --write-scenario <f>  also write the solved scenario to the file f (.json), which
                        regionsim assess --scenario f reads
  -h, --help            show this help`;

/**
 * `regionsim solve`: solves a target of a pack for the growth that meets it under a scenario
 * (see `solveTarget`), prints the solution (or, with `--json`, the `TargetSolution`) and, with
 * `--write-scenario`, writes the solved scenario. See docs/cli.md and docs/solve.md.
 */
export const solveCommand: CliCommand = {
  name: "solve",
  summary: "find the growth that meets a target, and how plausible it is",
  usage: SOLVE_USAGE,
  run: solve,
};

async function solve(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(
    args,
    {
      pack: { type: "string" },
      scenario: { type: "string" },
      target: { type: "string" },
      rule: { type: "string" },
      probability: { type: "string" },
      paths: { type: "string" },
      seed: { type: "string" },
      workers: { type: "string" },
      json: { type: "boolean" },
      "write-scenario": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    SOLVE_USAGE,
  );
  if (values.help === true) return printUsage(SOLVE_USAGE, io);
  if (positionals.length > 0)
    throw usageError(`unexpected argument "${positionals[0]}"`, SOLVE_USAGE);
  for (const required of ["pack", "scenario", "target"] as const)
    if (values[required] === undefined) throw usageError(`missing --${required}`, SOLVE_USAGE);
  const rule = values.rule;
  if (rule !== undefined && !(SOLVE_RULES as readonly string[]).includes(rule))
    throw usageError(`--rule must be ${SOLVE_RULES.join(", ")} (got "${rule}")`, SOLVE_USAGE);
  const probability = probabilityOption(values.probability);
  const paths = integerOption("paths", values.paths, 100, SOLVE_USAGE, MAX_SIMULATION_PATHS);
  const seed = integerOption("seed", values.seed, 0, SOLVE_USAGE);
  const workers = integerOption("workers", values.workers, 0, SOLVE_USAGE);
  if (probability === undefined) {
    const given = [
      ["paths", paths],
      ["seed", seed],
      ["workers", workers],
    ].find(([, v]) => v !== undefined);
    if (given !== undefined) throw usageError(`--${given[0]} needs --probability`, SOLVE_USAGE);
  }
  const out = values["write-scenario"];
  if (out?.trim() === "")
    throw usageError(`--write-scenario must name a file (got "${out}")`, SOLVE_USAGE);
  const pack = await findPack(values.pack as string, io, SOLVE_USAGE);
  const scenario = loadScenario(values.scenario as string, pack, io, SOLVE_USAGE);
  const targetId = values.target as string;
  if (
    probability !== undefined &&
    pack.targets.find((t) => t.id === targetId)?.comparator === "about"
  )
    throw usageError(
      `--probability does not apply to ${targetId}, an "about" target: the probability of landing within its band rises and then falls with growth`,
      SOLVE_USAGE,
    );

  let solution: Awaited<ReturnType<typeof solveTarget>>;
  try {
    solution = await solveTarget(pack, scenario, targetId, {
      ...(rule === undefined ? {} : { rule: rule as SolveRule }),
      ...(probability === undefined ? {} : { probability }),
      ...(paths === undefined ? {} : { paths }),
      ...(seed === undefined ? {} : { seed }),
      ...(workers === undefined ? {} : { workers }),
    });
  } catch (error) {
    // What the library refuses about the target: an unknown id is bad usage (the message names
    // the nearest ids), a target it cannot solve bad input; anything else is a bug.
    if (!(error instanceof ArgumentRangeError)) throw error;
    const message = error.message.replace(/^solveTarget: /, "");
    if (error.code === "unknown-id" && error.path === "targetId") {
      const hint = /; did you mean "[^"]+"\?/.exec(message)?.[0] ?? "";
      throw usageError(`unknown target "${targetId}" of pack ${pack.id}${hint}`, SOLVE_USAGE);
    }
    if (error.path === "targetId")
      throw inputError(
        message
          .replace(/^targetId must name [^:]+: /, "cannot solve: ")
          .replace(/ \(got [^)]*\)$/, ""),
      );
    if (error.path === "options.probability")
      throw inputError(
        message
          .replace(
            /^options\.probability must be left out for /,
            "--probability does not apply to ",
          )
          .replace(/ \(got [^)]*\)$/, ""),
      );
    throw inputError(message);
  }
  if (values.json === true) io.stdout.write(`${JSON.stringify(solution, null, 2)}\n`);
  else io.stdout.write(solutionText(solution, `${pack.nameZh} ${pack.nameEn} · ${targetId}`));
  if (out !== undefined) {
    await writeOutputFile(out, `${JSON.stringify(solution.scenario, null, 2)}\n`, io);
    io.stderr.write(`wrote ${out}\n`);
  }
  return EXIT.ok;
}

/** `--probability p`: a number strictly between 0 and 1, or a usage error. */
function probabilityOption(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const p = Number(text);
  if (text.trim() === "" || !(p > 0 && p < 1))
    throw usageError(
      `--probability must be a number strictly between 0 and 1, e.g. 0.8 (got "${text}")`,
      SOLVE_USAGE,
    );
  return p;
}
