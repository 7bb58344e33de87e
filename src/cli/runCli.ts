import { extname, isAbsolute, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import packageJson from "../../package.json" with { type: "json" };
import { assessPack } from "../assessment/assessPack.js";
import { mergeObservations } from "../assessment/mergeObservations.js";
import { JSON_SCHEMA_NAMES, type JsonSchemaName, jsonSchemaOf } from "../io/jsonSchemaOf.js";
import { readTextFile, validateFile } from "../io/loadFile.js";
import { readObservationsCsv } from "../io/readObservationsCsv.js";
import { readObservationsJson } from "../io/readObservationsJson.js";
import { readScenarioJson } from "../io/readScenarioJson.js";
import { writeAssessmentFiles } from "../io/writeAssessmentFiles.js";
import { assertAssessment } from "../report/assertAssessment.js";
import { formatAssessmentText } from "../report/formatAssessmentText.js";
import type { Assessment } from "../schemas/assessment.js";
import { formatIssue, type Issue } from "../schemas/issue.js";
import type { Observation } from "../schemas/observation.js";
import type { RegionPack } from "../schemas/regionPack.js";
import type { ScenarioInput } from "../schemas/scenario.js";
import { MAX_SIMULATION_PATHS } from "../simulation/simulate.js";
import { simulateAssessment } from "../simulation/simulatePack.js";

/** Where the CLI writes, where it runs, and what it may read. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  /** Folder that relative paths on the command line are resolved against. */
  readonly cwd: string;
  /** Environment variables; `REGIONSIM_DEBUG=1` prints stack traces of internal errors. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Aborts a running simulation (e.g. on Ctrl-C). */
  readonly signal?: AbortSignal;
  /** Region packs to offer instead of the built-in ones (for tests and embedding). */
  readonly packs?: readonly RegionPack[];
}

/** Exit codes of `regionsim`. */
export const EXIT = {
  ok: 0,
  /** Bad input: a file that cannot be read or has errors, a file that does not validate. */
  badInput: 1,
  /** Bad usage: unknown command or option, missing or malformed argument. */
  usage: 2,
  /** A bug: an unexpected internal error (sysexits' EX_SOFTWARE). */
  internal: 70,
  /** Interrupted (128 + SIGINT). */
  interrupted: 130,
  /** The output pipe closed before the command finished (128 + SIGPIPE; see `runCliProcess`). */
  closedPipe: 141,
} as const;

/** A failure the CLI reports in one line (plus usage for usage errors), with its exit code. */
class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
    readonly usage?: string,
    readonly issues: readonly Issue[] = [],
  ) {
    super(message);
  }
}

const usageError = (message: string, usage: string): CliFailure =>
  new CliFailure(message, EXIT.usage, usage);
const inputError = (message: string, issues: readonly Issue[] = []): CliFailure =>
  new CliFailure(message, EXIT.badInput, undefined, issues);

const MAIN_USAGE = `Usage: regionsim <command> [options]

Commands:
  assess    assess every target of a region pack under a scenario
  validate  check an observations, scenario or targets file
  schema    print the JSON Schema of a file regionsim reads or writes

Options:
  -h, --help     show help (also: regionsim <command> --help)
  -v, --version  print the version

Exit codes: 0 success, 1 bad input, 2 bad usage, 70 internal error (a bug).
Documentation: docs/cli.md`;

const ASSESS_USAGE = `Usage: regionsim assess --pack <id> --scenario <name|file.json> [options]

Assesses every target of the pack under the scenario and prints a table (or JSON).

Options:
  --pack <id>           region pack (built in: qujing)
  --scenario <s>        a named scenario of the pack (e.g. trend, plan, downside) or a
                        scenario file (.json), which may extend a named scenario
  --data <file>         extra observations (.csv or .json); they replace the pack's for the
                        same place, indicator and year
  --json                print the assessment as one JSON object instead of the table
  --out <dir>           also write <pack>-<scenario>.md, .json and .csv into <dir>
  --paths <n>           simulate n paths to estimate the probability of each target
  --seed <s>            seed of the simulation (integer, default 1)
  --workers <w>         worker threads for the simulation (default: one per core)
  -h, --help            show this help`;

const VALIDATE_USAGE = `Usage: regionsim validate <file> [--pack <id>] [--kind observations|scenario|targets]

Checks a data file and prints every issue (file:line:column: field: message) on stdout, then a
summary line. Exits 1 if there is any error; warnings alone exit 0.

Options:
  --pack <id>     pack whose places, groups and indicators names are checked against
                  (default: the only built-in pack, qujing)
  --kind <k>      what the file holds; detected from its extension and content if omitted
  -h, --help      show this help`;

const SCHEMA_USAGE = `Usage: regionsim schema <${JSON_SCHEMA_NAMES.join("|")}>

Prints the JSON Schema (draft 2020-12) of a document: the input form for observations, targets
and scenario (fields with defaults are optional), the output of assess --json for assessment.

Options:
  -h, --help      show this help`;

/**
 * Runs the `regionsim` command line in-process: parses `argv` (the arguments after the program
 * name), runs the command and writes its output to `io.stdout` and messages to `io.stderr`.
 * Never throws and never calls `process.exit`: it resolves to the exit code (see {@link EXIT}):
 * 0 success, 1 bad input (one-line message on stderr, or the file's issues), 2 bad usage
 * (message and a short usage on stderr), 70 an internal error (message and a "this is a bug"
 * hint; the stack trace only when `REGIONSIM_DEBUG=1`).
 *
 * Commands: `assess`, `validate`, `schema`, and `--help` / `--version`; see docs/cli.md.
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
    return await dispatch(argv, io);
  } catch (error) {
    return report(error, io);
  }
}

function report(error: unknown, io: CliIo): number {
  if (error instanceof CliFailure) {
    for (const issue of error.issues) io.stderr.write(`${formatIssue(issue)}\n`);
    io.stderr.write(`regionsim: ${error.message}\n`);
    if (error.usage !== undefined) io.stderr.write(`${shortUsage(error.usage)}\n`);
    return error.exitCode;
  }
  if (isAbort(error)) {
    io.stderr.write("regionsim: interrupted\n");
    return EXIT.interrupted;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`regionsim: internal error: ${message}\n`);
  if (io.env?.REGIONSIM_DEBUG === "1" && error instanceof Error && error.stack !== undefined) {
    io.stderr.write(`${error.stack}\n`);
  } else {
    io.stderr.write(
      "This is a bug in regionsim; please report it with the command you ran " +
        "(set REGIONSIM_DEBUG=1 to print the stack trace).\n",
    );
  }
  return EXIT.internal;
}

/** The first line of a usage text and where to find the rest. */
function shortUsage(usage: string): string {
  const first = usage.split("\n")[0] ?? "";
  const command = /^Usage: regionsim (\w+)/.exec(first)?.[1];
  const more = command === undefined ? "regionsim --help" : `regionsim ${command} --help`;
  return `${first}\nRun "${more}" for more.`;
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === "AbortError";
}

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
      throw usageError("missing command", MAIN_USAGE);
    case "-h":
    case "--help":
    case "help":
      return help(rest[0], io);
    case "-v":
    case "--version":
      io.stdout.write(`${packageJson.version}\n`);
      return EXIT.ok;
    case "assess":
      return assess(rest, io);
    case "validate":
      return validate(rest, io);
    case "schema":
      return schema(rest, io);
    default:
      throw usageError(
        command.startsWith("-") ? `unknown option "${command}"` : `unknown command "${command}"`,
        MAIN_USAGE,
      );
  }
}

function help(topic: string | undefined, io: CliIo): number {
  const text =
    topic === "assess"
      ? ASSESS_USAGE
      : topic === "validate"
        ? VALIDATE_USAGE
        : topic === "schema"
          ? SCHEMA_USAGE
          : MAIN_USAGE;
  io.stdout.write(`${text}\n`);
  return EXIT.ok;
}

type OptionSpec = Record<string, { type: "string" | "boolean"; short?: string }>;

/** node:util parseArgs, strict, with its errors turned into usage errors. */
function parse<O extends OptionSpec>(args: readonly string[], options: O, usage: string) {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals: true });
  } catch (error) {
    throw usageError(parseArgsMessage(error), usage);
  }
}

/** A short message for an error of node:util parseArgs. */
function parseArgsMessage(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(-[^' ]+)/.exec(message)?.[1];
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && option !== undefined)
    return `unknown option "${option}"`;
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && option !== undefined)
    return message.includes("argument missing")
      ? `option ${option} needs a value`
      : message.includes("is ambiguous")
        ? `option ${option} needs a value; one starting with "-" is written ${option}=-…`
        : `option ${option} does not take a value`;
  return message.split(/\.\s/)[0] ?? message;
}

/** The packs on offer: `io.packs`, or the built-in ones (loaded only when a command needs them). */
async function availablePacks(io: CliIo): Promise<readonly RegionPack[]> {
  if (io.packs !== undefined) return io.packs;
  const { packs } = await import("../packs/index.js");
  return Object.values(packs);
}

async function findPack(id: string | undefined, io: CliIo, usage: string): Promise<RegionPack> {
  const available = await availablePacks(io);
  const known = available.map((p) => p.id).join(", ");
  if (id === undefined) {
    if (available.length === 1) return available[0] as RegionPack;
    throw usageError(`missing --pack (one of: ${known})`, usage);
  }
  const pack = available.find((p) => p.id === id);
  if (pack === undefined) throw usageError(`unknown pack "${id}" (known: ${known})`, usage);
  return pack;
}

/** Parses a whole number option; `min` is its smallest admissible value. */
function integerOption(
  name: string,
  text: string | undefined,
  min: number,
  usage: string,
  max: number = Number.MAX_SAFE_INTEGER,
) {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^-?\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min || value > max)
    throw usageError(
      `--${name} must be a whole number ${
        max === Number.MAX_SAFE_INTEGER
          ? `of at least ${min}, below 2^53`
          : `from ${min} to ${max.toLocaleString("en-US")}`
      } (got "${text}")`,
      usage,
    );
  return value;
}

/** Reads a file relative to the working folder; issues name the file as the user wrote it. */
function readUserFile(path: string, io: CliIo): string {
  const read = readTextFile(absolute(path, io));
  if (!read.ok) {
    const issues = relabel(read.issues, path, io);
    throw inputError(issues[0] === undefined ? `cannot read ${path}` : formatIssue(issues[0]));
  }
  return read.value;
}

function absolute(path: string, io: CliIo): string {
  return isAbsolute(path) ? path : resolve(io.cwd, path);
}

function relabel(issues: readonly Issue[], shown: string, io: CliIo): Issue[] {
  const full = absolute(shown, io);
  return issues.map((issue) => (issue.file === full ? { ...issue, file: shown } : issue));
}

/** Prints warnings on stderr; throws with the issues when there is an error. */
function checkIssues(issues: readonly Issue[], what: string, io: CliIo): void {
  const errors = issues.filter((i) => i.severity === "error");
  if (errors.length > 0) {
    throw inputError(
      `${what} has ${errors.length} error${errors.length === 1 ? "" : "s"}; nothing was assessed`,
      issues,
    );
  }
  for (const issue of issues) io.stderr.write(`${formatIssue(issue)}\n`);
}

function loadScenario(value: string, pack: RegionPack, io: CliIo): string | ScenarioInput {
  if (pack.scenarios.some((s) => s.id === value)) return value;
  const looksLikeFile = extname(value) !== "" || value.includes("/") || value.includes("\\");
  if (!looksLikeFile) {
    const names = pack.scenarios.map((s) => s.id).join(", ");
    throw usageError(
      `unknown scenario "${value}" (pack ${pack.id} has: ${names}; or give a scenario .json file)`,
      ASSESS_USAGE,
    );
  }
  const text = readUserFile(value, io);
  const read = readScenarioJson(text, pack.dataset, { file: value });
  checkIssues(read.issues, value, io);
  if (!read.ok) throw inputError(`${value} is not a valid scenario`);
  const scenario = read.value;
  const known = new Set(pack.scenarios.map((s) => s.id));
  if (scenario.extends !== undefined && !known.has(scenario.extends)) {
    throw inputError(
      `${value}: extends: unknown scenario "${scenario.extends}" (pack ${pack.id} has: ${[...known].join(", ")})`,
    );
  }
  return scenario;
}

function loadObservations(path: string, pack: RegionPack, io: CliIo): Observation[] {
  const ext = extname(path).toLowerCase();
  if (ext !== ".csv" && ext !== ".json")
    throw usageError(`--data must be a .csv or .json file (got "${path}")`, ASSESS_USAGE);
  const text = readUserFile(path, io);
  const reader = ext === ".csv" ? readObservationsCsv : readObservationsJson;
  const read = reader(text, pack.dataset, { file: path });
  checkIssues(read.issues, path, io);
  if (!read.ok) throw inputError(`${path} has no valid observations`);
  return read.value;
}

async function assess(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(
    args,
    {
      pack: { type: "string" },
      scenario: { type: "string" },
      data: { type: "string" },
      json: { type: "boolean" },
      out: { type: "string" },
      paths: { type: "string" },
      seed: { type: "string" },
      workers: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    ASSESS_USAGE,
  );
  if (values.help === true) return help("assess", io);
  if (positionals.length > 0)
    throw usageError(`unexpected argument "${positionals[0]}"`, ASSESS_USAGE);
  if (values.pack === undefined) throw usageError("missing --pack", ASSESS_USAGE);
  if (values.scenario === undefined) throw usageError("missing --scenario", ASSESS_USAGE);
  if (values.out?.trim() === "")
    throw usageError(`--out must name a folder (got "${values.out}")`, ASSESS_USAGE);
  const paths = integerOption("paths", values.paths, 1, ASSESS_USAGE, MAX_SIMULATION_PATHS);
  const seed = integerOption("seed", values.seed, 0, ASSESS_USAGE);
  const workers = integerOption("workers", values.workers, 1, ASSESS_USAGE);
  if (paths === undefined && (seed !== undefined || workers !== undefined))
    throw usageError(`--${seed !== undefined ? "seed" : "workers"} needs --paths`, ASSESS_USAGE);
  const pack = await findPack(values.pack, io, ASSESS_USAGE);
  const scenario = loadScenario(values.scenario, pack, io);
  const data = values.data === undefined ? undefined : loadObservations(values.data, pack, io);

  const assessment =
    paths !== undefined
      ? await simulateAssessment(
          // The user's observations go into the pack, so the simulation sees them whatever
          // options it takes.
          data === undefined ? pack : { ...pack, dataset: mergeObservations(pack.dataset, data) },
          scenario,
          {
            paths,
            seed: seed ?? 1,
            ...(workers === undefined ? {} : { workers }),
            ...(io.signal === undefined ? {} : { signal: io.signal }),
          },
        )
      : assessPack(pack, scenario, data === undefined ? {} : { data });

  // Nothing is printed or written unless it validates, as --json and the .json report promise.
  assertAssessment("assess", assessment);
  const title = reportTitle(pack, assessment, scenario);
  if (values.json === true) io.stdout.write(`${JSON.stringify(assessment, null, 2)}\n`);
  else io.stdout.write(formatAssessmentText(assessment, { title }));

  if (values.out !== undefined) {
    let files: Awaited<ReturnType<typeof writeAssessmentFiles>>;
    try {
      files = await writeAssessmentFiles(assessment, absolute(values.out, io), { title });
    } catch (error) {
      // Only the file system's errors (they have a code such as EACCES) are about the folder;
      // anything else is a bug and is reported as one.
      const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
      if (typeof code !== "string") throw error;
      // The system's message names the absolute path; name it as the user typed --out.
      const { message, path } = error as Error & { path?: unknown };
      const shown =
        typeof path === "string" && !isAbsolute(values.out)
          ? message.split(path).join(relative(io.cwd, path))
          : message;
      throw inputError(`cannot write to ${values.out}: ${shown}`);
    }
    for (const file of [files.markdown, files.json, files.csv])
      io.stderr.write(`wrote ${shownPath(file, values.out, io)}\n`);
  }
  return EXIT.ok;
}

/** A written path as the user would write it: under the --out folder as given. */
function shownPath(file: string, outGiven: string, io: CliIo): string {
  const base = absolute(outGiven, io);
  const tail = file.startsWith(base) ? file.slice(base.length).replace(/^[\\/]+/, "") : file;
  return file.startsWith(base) ? `${outGiven.replace(/[\\/]+$/, "")}/${tail}` : file;
}

function reportTitle(
  pack: RegionPack,
  assessment: Assessment,
  scenario: string | ScenarioInput,
): string {
  const named = pack.scenarios.find((s) => s.id === assessment.scenario);
  const nameZh = typeof scenario === "string" ? named?.nameZh : scenario.nameZh;
  return (
    `${pack.nameZh} ${pack.nameEn} · ${assessment.scenario} — ${assessment.scenarioName}` +
    (nameZh === undefined ? "" : ` ${nameZh}`)
  );
}

async function validate(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(
    args,
    {
      pack: { type: "string" },
      kind: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    VALIDATE_USAGE,
  );
  if (values.help === true) return help("validate", io);
  const [file, ...extra] = positionals;
  if (file === undefined) throw usageError("missing the file to validate", VALIDATE_USAGE);
  if (extra.length > 0) throw usageError(`unexpected argument "${extra[0]}"`, VALIDATE_USAGE);
  const kind = values.kind;
  if (kind !== undefined && kind !== "observations" && kind !== "scenario" && kind !== "targets")
    throw usageError(
      `--kind must be observations, scenario or targets (got "${kind}")`,
      VALIDATE_USAGE,
    );
  const pack = await findPack(values.pack, io, VALIDATE_USAGE);
  const scenarios = pack.scenarios.map((s) => s.id);
  const result = validateFile(
    absolute(file, io),
    pack.dataset,
    kind === undefined ? { scenarios } : { kind, scenarios },
  );
  const issues = relabel(result.issues, file, io);
  for (const issue of issues) io.stdout.write(`${formatIssue(issue)}\n`);
  const errors = issues.filter((i) => i.severity === "error").length;
  const warnings = issues.length - errors;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  io.stdout.write(
    `${file}: ${result.kind === "unknown" ? "kind unknown" : result.kind} (pack ${pack.id}): ${
      issues.length === 0 ? "ok" : `${plural(errors, "error")}, ${plural(warnings, "warning")}`
    }\n`,
  );
  return errors > 0 ? EXIT.badInput : EXIT.ok;
}

async function schema(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(
    args,
    { help: { type: "boolean", short: "h" } },
    SCHEMA_USAGE,
  );
  if (values.help === true) return help("schema", io);
  const [name, ...extra] = positionals;
  if (name === undefined) throw usageError("missing the document name", SCHEMA_USAGE);
  if (extra.length > 0) throw usageError(`unexpected argument "${extra[0]}"`, SCHEMA_USAGE);
  if (!(JSON_SCHEMA_NAMES as readonly string[]).includes(name))
    throw usageError(
      `unknown document "${name}" (expected ${JSON_SCHEMA_NAMES.join(", ")})`,
      SCHEMA_USAGE,
    );
  io.stdout.write(`${JSON.stringify(jsonSchemaOf(name as JsonSchemaName), null, 2)}\n`);
  return EXIT.ok;
}
