import { compareScenarios } from "../analysis/compareScenarios.js";
import { formatComparisonText } from "../report/formatAssessmentText.js";
import { renderReport } from "../report/renderReport.js";
import { REPORT_FORMAT_IDS } from "../report/reportFormats.js";
import { MAX_SIMULATION_PATHS } from "../simulation/simulate.js";
import type { CliCommand } from "./cliCommand.js";
import type { CliIo } from "./cliIo.js";
import { EXIT } from "./exitCodes.js";
import { usageError } from "./internal/cliFailure.js";
import { findPack } from "./internal/findPack.js";
import { integerOption } from "./internal/integerOption.js";
import { onlyOption } from "./internal/onlyOption.js";
import { parseOptions } from "./internal/parseOptions.js";
import { printUsage } from "./internal/printUsage.js";
import { reportTarget, writeReport } from "./internal/reportOutput.js";
import { loadScenario } from "./internal/scenarioOption.js";
import { simulationProgress } from "./internal/simulationProgress.js";

const COMPARE_USAGE = `Usage: regionsim compare --pack <id> --scenarios <a,b,…> [options]

Assesses the pack under each scenario and sets them side by side: per target and scenario the
projected value, the status and (with --paths) the probability, with the changes from the first
scenario. Simulations use one seed for all scenarios (common random numbers), so differences of
probability reflect the assumptions. Prints the comparison table, or writes the report of all
the scenarios (the comparison first) with --format and --out.

Options:
  --pack <id|file>      region pack: a built-in id (qujing) or a pack .json file
  --scenarios <list>    two or more scenarios, comma-separated: names of the pack (trend,plan)
                        or scenario .json files; the first is the one the others are set against
  --paths <n>           simulate n paths per scenario to estimate each target's probability
  --seed <s>            seed of the simulations (integer, default 1)
  --workers <w>         worker threads for the simulations (default: one per core)
  --json                print the comparison as JSON (rows, then each scenario's assessment)
  --format <f>          write the report instead: ${REPORT_FORMAT_IDS.join(" | ")}
  --out <path>          the file (or, for vega-lite, the folder) to write with --format
  --date <d>            the run record's date, ISO 8601 (default: now)
  --only <rows>         judged (default): leave out the targets no scenario can judge; or all
  -h, --help            show this help`;

/**
 * `regionsim compare`: several scenarios of a pack side by side (`compareScenarios`), printed as
 * a table, as JSON, or written as a report in any format (`renderReport` of the scenarios'
 * assessments). See docs/cli.md.
 */
export const compareCommand: CliCommand = {
  name: "compare",
  summary: "set several scenarios side by side: projections, statuses, probabilities",
  usage: COMPARE_USAGE,
  run: compare,
};

async function compare(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(
    args,
    {
      pack: { type: "string" },
      scenarios: { type: "string" },
      paths: { type: "string" },
      seed: { type: "string" },
      workers: { type: "string" },
      json: { type: "boolean" },
      format: { type: "string" },
      out: { type: "string" },
      date: { type: "string" },
      only: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    COMPARE_USAGE,
  );
  if (values.help === true) return printUsage(COMPARE_USAGE, io);
  if (positionals.length > 0)
    throw usageError(`unexpected argument "${positionals[0]}"`, COMPARE_USAGE);
  if (values.pack === undefined) throw usageError("missing --pack", COMPARE_USAGE);
  if (values.scenarios === undefined)
    throw usageError("missing --scenarios (two or more, comma-separated)", COMPARE_USAGE);
  const names = values.scenarios.split(",").map((s) => s.trim());
  if (names.some((n) => n === ""))
    throw usageError(`--scenarios has an empty name (got "${values.scenarios}")`, COMPARE_USAGE);
  if (names.length < 2)
    throw usageError(
      `--scenarios needs two or more scenarios to compare (got "${values.scenarios}")`,
      COMPARE_USAGE,
    );
  const repeated = names.find((n, i) => names.indexOf(n) !== i);
  if (repeated !== undefined)
    throw usageError(`--scenarios names "${repeated}" twice`, COMPARE_USAGE);
  if (values.json === true && values.format !== undefined)
    throw usageError("--json and --format cannot be used together", COMPARE_USAGE);
  if (values.format === undefined && (values.out !== undefined || values.date !== undefined))
    throw usageError(
      `--${values.out !== undefined ? "out" : "date"} needs --format`,
      COMPARE_USAGE,
    );
  const target = values.format === undefined ? null : reportTarget(values, COMPARE_USAGE);
  const only = onlyOption(values.only ?? "judged", COMPARE_USAGE);
  const paths = integerOption("paths", values.paths, 1, COMPARE_USAGE, MAX_SIMULATION_PATHS);
  const seed = integerOption("seed", values.seed, 0, COMPARE_USAGE);
  const workers = integerOption("workers", values.workers, 1, COMPARE_USAGE);
  if (paths === undefined && (seed !== undefined || workers !== undefined))
    throw usageError(`--${seed !== undefined ? "seed" : "workers"} needs --paths`, COMPARE_USAGE);

  const pack = await findPack(values.pack, io, COMPARE_USAGE);
  const scenarios = names.map((name) => loadScenario(name, pack, io, COMPARE_USAGE));
  const progress =
    paths === undefined
      ? null
      : simulationProgress(io, `simulating ${names.length} × ${paths} paths`);
  let comparison: Awaited<ReturnType<typeof compareScenarios>>;
  try {
    comparison = await compareScenarios(pack, scenarios, {
      ...(paths === undefined ? {} : { paths, seed: seed ?? 1 }),
      ...(workers === undefined ? {} : { workers }),
      ...(io.signal === undefined ? {} : { signal: io.signal }),
      ...(progress === null ? {} : { onProgress: progress.onProgress }),
    });
  } finally {
    progress?.stop();
  }
  if (target !== null) {
    const content: unknown = await renderReport(comparison.assessments, {
      format: target.format,
      pack,
      only,
      ...(values.date === undefined ? {} : { date: values.date }),
    });
    await writeReport(target, content, io);
  } else if (values.json === true) io.stdout.write(`${JSON.stringify(comparison, null, 2)}\n`);
  else io.stdout.write(formatComparisonText(comparison.assessments, only));
  return EXIT.ok;
}
