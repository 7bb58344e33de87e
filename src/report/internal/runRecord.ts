// The run record that ends a report: what made it, from what data, when.

import { hashString } from "../../internal/hashString.js";
import { LIBRARY_VERSION } from "../../internal/libraryVersion.js";
import type { Assessment } from "../../schemas/assessment.js";
import type { RegionPack } from "../../schemas/regionPack.js";
import type { SimulationResult } from "../../simulation/simulationResult.js";
import type { ReportRunRecord } from "../reportFormatDefinition.js";

/**
 * The fingerprint of a pack's content (see {@link ReportRunRecord.dataFingerprint}): the same
 * for the same pack, and, but for an accidental collision of both 53-bit hashes (cyrb53, bryc,
 * public domain), different for any change to it. Not a cryptographic hash: it tells versions of
 * the data apart, it does not protect them.
 */
export function packFingerprint(pack: RegionPack): string {
  // `pack` is validated (checkPack): its keys come in the schema's order.
  const text = JSON.stringify(pack);
  return `${hashString(text, 1).toString(16).padStart(14, "0")}${hashString(text, 2).toString(16).padStart(14, "0")}`;
}

/** The run record of a report of `list` (one assessment per scenario). */
export function runRecord(
  list: readonly Assessment[],
  context: {
    readonly pack: RegionPack | undefined;
    readonly date: string;
    readonly format: string;
    readonly layout: string;
    /** A run given beside the assessments: recorded for a scenario that has none of its own. */
    readonly simulation?: SimulationResult | null;
  },
): ReportRunRecord {
  const given = context.simulation ?? null;
  return {
    library: "regionsim",
    version: LIBRARY_VERSION,
    pack: list[0]?.pack ?? context.pack?.id ?? "",
    dataFingerprint: context.pack === undefined ? null : packFingerprint(context.pack),
    scenarios: list.map((a) => ({
      scenario: a.scenario,
      scenarioName: a.scenarioName,
      asOf: a.asOf,
      simulation:
        a.simulation !== undefined
          ? { paths: a.simulation.paths, seed: a.simulation.seed, baseYear: a.simulation.baseYear }
          : given === null
            ? null
            : { paths: given.paths, seed: given.seed, baseYear: given.baseYear },
    })),
    date: context.date,
    format: context.format,
    layout: context.layout,
  };
}

/**
 * One scenario of the run record: `trend (latest observation used: 2024, 4096 paths, seed 1)`,
 * with the assessment's `asOf`, the latest year of any observation the projection used. (A
 * report's header gives the year the judged targets' data reach, which can be earlier, and says
 * so.)
 */
function scenarioText(s: ReportRunRecord["scenarios"][number]): string {
  const run =
    s.simulation === null ? "" : `, ${s.simulation.paths} paths, seed ${s.simulation.seed}`;
  return `${s.scenario} (latest observation used: ${s.asOf}${run})`;
}

/**
 * The run record in one line, Chinese label first, as the text, Markdown and HTML reports end:
 * `运行记录 Run: regionsim 0.1.0 · pack qujing (data 1f…) · trend (latest observation used: 2024,
 * 4096 paths, seed 1) · 2026-03-31`. Plain text: each format escapes it as it escapes any text.
 */
export function runRecordLine(run: ReportRunRecord): string {
  const data = run.dataFingerprint === null ? "" : ` (data ${run.dataFingerprint})`;
  const scenarios = run.scenarios.map(scenarioText).join("; ");
  return `运行记录 Run: ${run.library} ${run.version} · pack ${run.pack}${data} · ${scenarios} · ${run.date}`;
}

/**
 * The run record's columns of the CSV report, after the targets table's columns: the same on
 * every row, so the file stays one table that any CSV reader takes, and each row carries how it
 * was made. `run_paths` and `run_seed` are empty for a scenario that was not simulated.
 */
export const RUN_CSV_COLUMNS = [
  "run_library_version",
  "run_data_fingerprint",
  "run_paths",
  "run_seed",
  "run_date",
] as const;

/** The values of {@link RUN_CSV_COLUMNS} for the rows of one scenario of the run. */
export function runCsvValues(
  run: ReportRunRecord,
  scenario: string,
): Record<(typeof RUN_CSV_COLUMNS)[number], string | number | null> {
  const simulation = run.scenarios.find((s) => s.scenario === scenario)?.simulation ?? null;
  return {
    run_library_version: `${run.library} ${run.version}`,
    run_data_fingerprint: run.dataFingerprint,
    run_paths: simulation?.paths ?? null,
    run_seed: simulation?.seed ?? null,
    run_date: run.date,
  };
}
