import { assessPack } from "../assessment/assessPack.js";
import { renderReport } from "../report/renderReport.js";
import {
  REPORT_LAYOUTS,
  type ReportFormatDefinition,
  type ReportLayout,
} from "../report/reportFormatDefinition.js";
import {
  formatsWithLayout,
  layoutsOf,
  REPORT_FORMAT_IDS,
  REPORT_FORMATS,
  type ReportFormat,
} from "../report/reportFormats.js";
import { assertAssessment } from "../schemas/assertAssessment.js";
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
import { oneOfOption, reportTarget, writeReport } from "./internal/reportOutput.js";
import { reportTitle } from "./internal/reportTitle.js";
import { runSimulation } from "./internal/runSimulation.js";
import { loadScenario } from "./internal/scenarioOption.js";

/** The `--format` lines of the usage, one per format of the table. */
const FORMAT_LINES = REPORT_FORMAT_IDS.map((id) => {
  const f: ReportFormatDefinition<unknown> = REPORT_FORMATS[id];
  const what = f.output === "folder" ? `${id} (folder)` : `${id} (${f.extension})`;
  return `                        ${what.padEnd(18)}${f.description}`;
}).join("\n");

const REPORT_USAGE = `Usage: regionsim report --pack <id> --scenario <name|file.json> --format <f> --out <file|folder> [options]

Assesses every target of the pack under the scenario and writes the report: one file, or for
vega-lite a folder of chart specs. A simulation longer than a second shows a progress bar when
stderr is a terminal (REGIONSIM_PROGRESS=0 turns it off).

Options:
  --pack <id|file>      region pack: a built-in id (qujing) or a pack .json file
  --scenario <s>        a named scenario of the pack (e.g. trend, plan) or a scenario .json file
  --format <f>          the report's format:
${FORMAT_LINES}
  --out <path>          the file to write, its extension the format's; for vega-lite, the
                        folder to write the charts into (made if missing)
  --layout <l>          ${REPORT_LAYOUTS.join(" | ")} (default standard); quarterly, the quarterly
                        monitoring report (季度监测), for --format ${formatsWithLayout("quarterly").join(" or ")}
  --only <rows>         all (default) or judged: leave the insufficient-data rows out of the
                        targets table (the data-readiness list still names what they need)
  --paths <n>           simulate n paths to estimate the probability of each target
  --seed <s>            seed of the simulation (integer, default 1)
  --workers <w>         worker threads for the simulation (default: one per core)
  --date <d>            the run record's date, ISO 8601 (default: now); fixes the output
  -h, --help            show this help`;

/**
 * `regionsim report`: assesses every target of a pack under a scenario (simulated with
 * `--paths`) and writes the report in one format (`renderReport`) to the `--out` file. See
 * docs/cli.md and docs/reports.md.
 */
export const reportCommand: CliCommand = {
  name: "report",
  summary: "write the report of a scenario to a file, in one of the report formats",
  usage: REPORT_USAGE,
  run: report,
};

async function report(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(
    args,
    {
      pack: { type: "string" },
      scenario: { type: "string" },
      format: { type: "string" },
      out: { type: "string" },
      layout: { type: "string" },
      only: { type: "string" },
      paths: { type: "string" },
      seed: { type: "string" },
      workers: { type: "string" },
      date: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    REPORT_USAGE,
  );
  if (values.help === true) return printUsage(REPORT_USAGE, io);
  if (positionals.length > 0)
    throw usageError(`unexpected argument "${positionals[0]}"`, REPORT_USAGE);
  if (values.pack === undefined) throw usageError("missing --pack", REPORT_USAGE);
  if (values.scenario === undefined) throw usageError("missing --scenario", REPORT_USAGE);
  const { format, out, folder } = reportTarget(values, REPORT_USAGE);
  const layout: ReportLayout =
    values.layout === undefined
      ? "standard"
      : oneOfOption("layout", values.layout, REPORT_LAYOUTS, REPORT_USAGE);
  if (!layoutsOf(format).includes(layout))
    throw usageError(
      `--layout ${layout} needs --format ${formatsWithLayout(layout).join(" or ")} (got --format ${format})`,
      REPORT_USAGE,
    );
  const only = onlyOption(values.only, REPORT_USAGE);
  const paths = integerOption("paths", values.paths, 1, REPORT_USAGE, MAX_SIMULATION_PATHS);
  const seed = integerOption("seed", values.seed, 0, REPORT_USAGE);
  const workers = integerOption("workers", values.workers, 1, REPORT_USAGE);
  if (paths === undefined && (seed !== undefined || workers !== undefined))
    throw usageError(`--${seed !== undefined ? "seed" : "workers"} needs --paths`, REPORT_USAGE);

  const pack = await findPack(values.pack, io, REPORT_USAGE);
  const scenario = loadScenario(values.scenario, pack, io, REPORT_USAGE);
  const assessment =
    paths === undefined
      ? assessPack(pack, scenario)
      : await runSimulation(pack, scenario, { paths, seed: seed ?? 1, workers }, io);
  assertAssessment("report", assessment);
  const title = reportTitle(pack, assessment, scenario);
  const content: unknown = await renderReport(assessment, {
    format: format as ReportFormat,
    layout,
    only,
    pack,
    ...(format === "csv" ? {} : { title }),
    ...(values.date === undefined ? {} : { date: values.date }),
  });
  await writeReport({ format, out, folder }, content, io);
  return EXIT.ok;
}
