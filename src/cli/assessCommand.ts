import { extname, isAbsolute, relative } from "node:path";
import { assessPack } from "../assessment/assessPack.js";
import { mergeObservations } from "../assessment/mergeObservations.js";
import {
  type WriteAssessmentFilesOptions,
  writeAssessmentFiles,
} from "../io/writeAssessmentFiles.js";
import { formatAssessmentText } from "../report/formatAssessmentText.js";
import { assertAssessment } from "../schemas/assertAssessment.js";
import type { Assessment } from "../schemas/assessment.js";
import type { Observation } from "../schemas/observation.js";
import type { RegionPack } from "../schemas/regionPack.js";
import { MAX_SIMULATION_PATHS } from "../simulation/simulate.js";
import type { CliCommand } from "./cliCommand.js";
import type { CliIo } from "./cliIo.js";
import { EXIT } from "./exitCodes.js";
import { inputError, usageError } from "./internal/cliFailure.js";
import { loadUserFile, tableOptions, throwIfUnread } from "./internal/dataFile.js";
import { findPack } from "./internal/findPack.js";
import { integerOption } from "./internal/integerOption.js";
import { onlyOption } from "./internal/onlyOption.js";
import { parseOptions } from "./internal/parseOptions.js";
import { printUsage } from "./internal/printUsage.js";
import { reportTitle } from "./internal/reportTitle.js";
import { runSimulation } from "./internal/runSimulation.js";
import { checkIssues, loadScenario } from "./internal/scenarioOption.js";
import { absolutePath } from "./internal/userFiles.js";

const ASSESS_USAGE = `Usage: regionsim assess --pack <id> --scenario <name|file.json> [options]

Assesses every target of the pack under the scenario and prints a table (or JSON).

Options:
  --pack <id|file>      region pack: a built-in id (qujing) or a pack .json file
                        (a value with / or \\ or ending in .json is a file; docs/packs.md)
  --scenario <s>        a named scenario of the pack (e.g. trend, plan, downside) or a
                        scenario file (.json), which may extend a named scenario
  --data <file>         extra observations (.csv in UTF-8 or GBK, .json or an .xlsx workbook;
                        long or yearbook-style wide tables); they replace the pack's for the
                        same place, indicator and year
  --indicator <id>      with --data: the indicator of every table (id or name), instead of
                        what the sheet names or title rows say
  --unit <unit>         with --data: the unit of every value (万元, 100M yuan, …)
  --json                print the assessment as one JSON object instead of the table
  --out <dir>           also write <pack>-<scenario>.md, .json and .csv into <dir>
  --only <rows>         all (default) or judged: leave the insufficient-data rows out of the
                        table and the reports (the data-readiness list still names what they need)
  --paths <n>           simulate n paths to estimate the probability of each target
  --seed <s>            seed of the simulation (integer, default 1)
  --workers <w>         worker threads for the simulation (default: one per core)
  -h, --help            show this help`;

/**
 * `regionsim assess`: assesses every target of a pack under a scenario (see `assessPack`, or
 * `simulateAssessment` with `--paths`) and prints the table or, with `--json`, the assessment;
 * `--out` also writes the Markdown, JSON and CSV reports. See docs/cli.md.
 */
export const assessCommand: CliCommand = {
  name: "assess",
  summary: "assess every target of a region pack under a scenario",
  usage: ASSESS_USAGE,
  run: assess,
};

async function assess(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(
    args,
    {
      pack: { type: "string" },
      scenario: { type: "string" },
      data: { type: "string" },
      indicator: { type: "string" },
      unit: { type: "string" },
      json: { type: "boolean" },
      out: { type: "string" },
      only: { type: "string" },
      paths: { type: "string" },
      seed: { type: "string" },
      workers: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    ASSESS_USAGE,
  );
  if (values.help === true) return printUsage(ASSESS_USAGE, io);
  if (positionals.length > 0)
    throw usageError(`unexpected argument "${positionals[0]}"`, ASSESS_USAGE);
  if (values.pack === undefined) throw usageError("missing --pack", ASSESS_USAGE);
  if (values.scenario === undefined) throw usageError("missing --scenario", ASSESS_USAGE);
  if (values.out?.trim() === "")
    throw usageError(`--out must name a folder (got "${values.out}")`, ASSESS_USAGE);
  const only = onlyOption(values.only, ASSESS_USAGE);
  const paths = integerOption("paths", values.paths, 1, ASSESS_USAGE, MAX_SIMULATION_PATHS);
  const seed = integerOption("seed", values.seed, 0, ASSESS_USAGE);
  const workers = integerOption("workers", values.workers, 1, ASSESS_USAGE);
  if (paths === undefined && (seed !== undefined || workers !== undefined))
    throw usageError(`--${seed !== undefined ? "seed" : "workers"} needs --paths`, ASSESS_USAGE);
  const pack = await findPack(values.pack, io, ASSESS_USAGE);
  const scenario = loadScenario(values.scenario, pack, io, ASSESS_USAGE);
  const table = tableOptions(values);
  const [tableOption] = Object.keys(table);
  if (values.data === undefined && tableOption !== undefined)
    throw usageError(`--${tableOption} needs --data`, ASSESS_USAGE);
  const data =
    values.data === undefined ? undefined : await loadObservations(values.data, pack, table, io);

  const assessment =
    paths !== undefined
      ? await runSimulation(
          // The user's observations go into the pack, so the simulation sees them whatever
          // options it takes.
          data === undefined ? pack : { ...pack, dataset: mergeObservations(pack.dataset, data) },
          scenario,
          { paths, seed: seed ?? 1, workers },
          io,
        )
      : assessPack(pack, scenario, data === undefined ? {} : { data });

  // Nothing is printed or written unless it validates, as --json and the .json report promise.
  assertAssessment("assess", assessment);
  const title = reportTitle(pack, assessment, scenario);
  if (values.json === true) io.stdout.write(`${JSON.stringify(assessment, null, 2)}\n`);
  else io.stdout.write(formatAssessmentText(assessment, { title, only }));

  if (values.out !== undefined) await writeReports(assessment, values.out, { title, only }, io);
  return EXIT.ok;
}

/** Writes the reports into the --out folder and says so on stderr, naming files as the user would. */
async function writeReports(
  assessment: Assessment,
  out: string,
  options: WriteAssessmentFilesOptions,
  io: CliIo,
): Promise<void> {
  let files: Awaited<ReturnType<typeof writeAssessmentFiles>>;
  try {
    files = await writeAssessmentFiles(assessment, absolutePath(out, io), options);
  } catch (error) {
    // Only the file system's errors (they have a code such as EACCES) are about the folder;
    // anything else is a bug and is reported as one.
    const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
    if (typeof code !== "string") throw error;
    // The system's message names the absolute path; name it as the user typed --out.
    const { message, path } = error as Error & { path?: unknown };
    const shown =
      typeof path === "string" && !isAbsolute(out)
        ? message.split(path).join(relative(io.cwd, path))
        : message;
    throw inputError(`cannot write to ${out}: ${shown}`);
  }
  for (const file of [files.markdown, files.json, files.csv])
    io.stderr.write(`wrote ${shownPath(file, out, io)}\n`);
}

/** A written path as the user would write it: under the --out folder as given. */
function shownPath(file: string, outGiven: string, io: CliIo): string {
  const base = absolutePath(outGiven, io);
  const tail = file.startsWith(base) ? file.slice(base.length).replace(/^[\\/]+/, "") : file;
  return file.startsWith(base) ? `${outGiven.replace(/[\\/]+$/, "")}/${tail}` : file;
}

/** Extensions of the files --data reads. */
const DATA_EXTENSIONS: readonly string[] = [".csv", ".json", ".xlsx", ".xlsm", ".xls"];

/** The observations of a --data file (.csv, .json or an .xlsx workbook). */
async function loadObservations(
  path: string,
  pack: RegionPack,
  table: ReturnType<typeof tableOptions>,
  io: CliIo,
): Promise<Observation[]> {
  if (!DATA_EXTENSIONS.includes(extname(path).toLowerCase()))
    throw usageError(`--data must be a .csv, .json or .xlsx file (got "${path}")`, ASSESS_USAGE);
  const loaded = await loadUserFile(
    path,
    pack.dataset,
    { kind: "observations", ...table },
    io,
    ASSESS_USAGE,
    pack.id,
  );
  const read = loaded.result;
  throwIfUnread(read.issues);
  checkIssues(read.issues, path, io);
  if (!read.ok) throw inputError(`${path} has no valid observations`);
  return read.value as Observation[];
}
