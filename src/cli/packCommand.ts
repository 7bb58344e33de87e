import { writeFileSync } from "node:fs";
import { ArgumentRangeError } from "../internal/errors.js";
import { readCityPanel } from "../io/readCityPanel.js";
import { type CountyPanelRow, readCountyPanel } from "../io/readCountyPanel.js";
import { readTargetsJson } from "../io/readTargetsJson.js";
import { type BuildPackFromPanelOptions, buildPackFromPanel } from "../packs/buildPackFromPanel.js";
import { formatIssue, type Result } from "../schemas/issue.js";
import type { RegionPack } from "../schemas/regionPack.js";
import type { CliCommand } from "./cliCommand.js";
import type { CliIo } from "./cliIo.js";
import { EXIT } from "./exitCodes.js";
import { inputError, usageError } from "./internal/cliFailure.js";
import { parseOptions } from "./internal/parseOptions.js";
import { printUsage } from "./internal/printUsage.js";
import { absolutePath, readUserFile } from "./internal/userFiles.js";

const PACK_USAGE = `Usage: regionsim pack build --panel <county.csv> --city <code|name> --out <pack.json> [options]

Builds a region pack for one prefecture-level city from a county panel in the shape of
cn-panels' county_panel.csv (year, area_id, code, county, city, province, indicator, value,
unit, source) and writes it as JSON: the city's county-level units as places (c530402 …), the
city as the group "city", the indicators present, every observation with its source, the known
series breaks and the scenarios trend, plan and downside. Then:
regionsim assess --pack <pack.json> --scenario trend. See docs/packs.md.

Options:
  --panel <file>             county panel (.csv), required
  --city <code|name>         the city: a GB/T 2260 code (530400) or a name (玉溪市, 玉溪)
  --out <file>               where to write the pack (.json), required
  --prefecture-panel <file>  prefecture panel (prefecture_panel.csv shape): the city's own
                             GDP, industries, real growth, resident population, investment
  --targets <file>           the plan's targets (.json, as regionsim validate --kind targets
                             reads them), naming the pack's ids: city, c530402, gdp, …
  -h, --help                 show this help`;

/**
 * `regionsim pack build`: builds a region pack from a county panel (and optionally a prefecture
 * panel and a targets file) with `buildPackFromPanel` and writes it as JSON. Warnings (rows left
 * out, …) go to stderr; an unknown city is a usage error (2) with the nearest cities; a panel or
 * targets file with errors is bad input (1), every problem listed. See docs/cli.md.
 */
export const packCommand: CliCommand = {
  name: "pack",
  summary: "build a region pack from a county panel (pack build)",
  usage: PACK_USAGE,
  run: pack,
};

async function pack(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(
    args,
    {
      panel: { type: "string" },
      city: { type: "string" },
      out: { type: "string" },
      "prefecture-panel": { type: "string" },
      targets: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    PACK_USAGE,
  );
  if (values.help === true) return printUsage(PACK_USAGE, io);
  const [action, ...extra] = positionals;
  if (action === undefined) throw usageError("missing the action (build)", PACK_USAGE);
  if (action !== "build")
    throw usageError(`unknown action "${action}" (expected build)`, PACK_USAGE);
  if (extra.length > 0) throw usageError(`unexpected argument "${extra[0]}"`, PACK_USAGE);
  for (const option of ["panel", "city", "out"] as const)
    if (values[option] === undefined || values[option].trim() === "")
      throw usageError(`missing --${option}`, PACK_USAGE);
  const panel = values.panel as string;
  const out = values.out as string;

  const rows = readPanel(panel, readCountyPanel, io);
  const prefecturePath = values["prefecture-panel"];
  const prefectureRows =
    prefecturePath === undefined ? undefined : readPanel(prefecturePath, readCityPanel, io);
  const options: BuildPackFromPanelOptions = {
    city: values.city as string,
    file: panel,
    ...(prefectureRows === undefined ? {} : { prefectureRows }),
    ...(prefecturePath === undefined ? {} : { prefectureFile: prefecturePath }),
  };
  let built = build(rows, options);
  if (values.targets !== undefined && built.ok) {
    // Targets name the pack's ids, so they are read against the pack built without them.
    const path = values.targets;
    const read = readTargetsJson(readUserFile(path, io), built.value.dataset, { file: path });
    if (!read.ok) throw inputError(`${path} has errors; no pack was written`, read.issues);
    for (const issue of read.issues) io.stderr.write(`${formatIssue(issue)}\n`);
    built = build(rows, { ...options, targets: read.value });
  }
  if (!built.ok) {
    const errors = built.issues.filter((i) => i.severity === "error").length;
    throw inputError(
      `${errors} error${errors === 1 ? "" : "s"}; no pack was written`,
      built.issues,
    );
  }
  for (const issue of built.issues) io.stderr.write(`${formatIssue(issue)}\n`);
  const result = built.value;
  try {
    writeFileSync(absolutePath(out, io), `${JSON.stringify(result, null, 2)}\n`);
  } catch (error) {
    const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
    if (typeof code !== "string") throw error;
    throw inputError(`cannot write ${out}: ${code}`);
  }
  io.stdout.write(`${summary(result, out)}\n`);
  return EXIT.ok;
}

/** Reads a panel file; its errors end the run (exit 1), its warnings go to stderr. */
function readPanel<R>(
  path: string,
  reader: (text: string, options: { file: string }) => Result<R[]>,
  io: CliIo,
): R[] {
  const read = reader(readUserFile(path, io), { file: path });
  if (!read.ok) {
    const errors = read.issues.filter((i) => i.severity === "error").length;
    throw inputError(
      `${path} has ${errors} error${errors === 1 ? "" : "s"}; no pack was built`,
      read.issues,
    );
  }
  for (const issue of read.issues) io.stderr.write(`${formatIssue(issue)}\n`);
  return read.value;
}

/** `buildPackFromPanel`, its unknown or ambiguous city a usage error naming --city. */
function build(
  rows: readonly CountyPanelRow[],
  options: BuildPackFromPanelOptions,
): Result<RegionPack> {
  try {
    return buildPackFromPanel(rows, options);
  } catch (error) {
    if (error instanceof ArgumentRangeError && error.path === "options.city")
      throw usageError(
        error.message.replace(/^buildPackFromPanel: options\.city/, "--city"),
        PACK_USAGE,
      );
    throw error;
  }
}

/** One line on what was written, and how to assess it. */
function summary(p: RegionPack, out: string): string {
  const d = p.dataset;
  const first = d.observations.reduce((y, o) => Math.min(y, o.year), Number.POSITIVE_INFINITY);
  const last = d.observations.reduce((y, o) => Math.max(y, o.year), Number.NEGATIVE_INFINITY);
  const span = d.observations.length === 0 ? "" : ` (${first}–${last})`;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return (
    `wrote ${out}: ${p.nameZh} ${p.nameEn} (${p.id}): ${plural(d.places.length, "place")}, ` +
    `${plural(d.indicators.length, "indicator")}, ${plural(d.observations.length, "observation")}${span}, ` +
    `${plural(d.breaks.length, "break")}, scenarios ${p.scenarios.map((s) => s.id).join(", ")}, ` +
    `${plural(p.targets.length, "target")}\n` +
    `next: regionsim assess --pack ${/[\\/]/.test(out) || out.endsWith(".json") ? out : `./${out}`} --scenario trend`
  );
}
