// What one report format is, as the format table of `renderReport` (reportFormats.ts) lists it.

import type { Assessment } from "../schemas/assessment.js";
import type { RegionPack, Source } from "../schemas/regionPack.js";
import type { SimulationResult } from "../simulation/simulationResult.js";
import type { ReportRows } from "./reportDocument.js";

/** The run of one scenario in a {@link ReportRunRecord}. */
export interface ReportRunScenario {
  readonly scenario: string;
  readonly scenarioName: string;
  /** The assessment's `asOf`: latest year with any observation used. */
  readonly asOf: number;
  /** The Monte Carlo run the probabilities come from; null when not simulated. */
  readonly simulation: {
    readonly paths: number;
    readonly seed: number;
    readonly baseYear: number;
  } | null;
}

/**
 * What a report records about how it was made: the library and its version, the pack and a
 * fingerprint of its data, each scenario with its simulation (paths and seed), and the date.
 */
export interface ReportRunRecord {
  readonly library: "regionsim";
  readonly version: string;
  readonly pack: string;
  /**
   * 28 hex digits identifying the pack's content (data, targets, scenarios, sources): two 53-bit
   * cyrb53 hashes of the JSON of the pack as validated (defaults filled in, so a pack file that
   * omits a default list has the fingerprint of one that spells it out); null when the pack was
   * not given to the report.
   */
  readonly dataFingerprint: string | null;
  readonly scenarios: readonly ReportRunScenario[];
  /** When the report was made: the date given (`options.date`) or the time of rendering, ISO 8601. */
  readonly date: string;
  readonly format: string;
  readonly layout: string;
}

/**
 * The layouts a report can take: `standard`, the full report of the targets; `quarterly`, the
 * quarterly monitoring report (季度监测 / 中期评估): per target the base-year and latest values,
 * 序时进度 expected vs actual, the status, the growth still required, and each place's
 * contribution to the gap (docs/reports.md, "The quarterly layout"). A format declares the
 * layouts it renders (`ReportFormatDefinition.layouts`).
 */
export const REPORT_LAYOUTS = ["standard", "quarterly"] as const;

/** A layout of a report (see {@link REPORT_LAYOUTS}). */
export type ReportLayout = (typeof REPORT_LAYOUTS)[number];

/** Everything a format renders from, checked once by `renderReport`. */
export interface ReportFormatInput {
  /** Name of the public function, to start error messages (`renderReport`). */
  readonly fn: string;
  /** The assessment (or the list, one per scenario), valid against `AssessmentSchema`. */
  readonly assessment: Assessment | readonly Assessment[];
  /** The title the caller gave, else undefined (the document then makes one). */
  readonly title: string | undefined;
  readonly only: ReportRows;
  readonly layout: ReportLayout;
  /** The run record every report can end with (version, pack, fingerprint, scenarios, date). */
  readonly run: ReportRunRecord;
  /** The pack's citable sources when the caller gave the pack; else null. */
  readonly sources: readonly Source[] | null;
  /** The pack itself when the caller gave it (charts read its history and breaks); else null. */
  readonly pack: RegionPack | null;
  /** A Monte Carlo run of the scenario when the caller gave one (charts draw its bands); else null. */
  readonly simulation: SimulationResult | null;
}

/**
 * One report format: its id (the `format` option and `--format` value), the file extension the
 * CLI writes, a one-line description for usage texts, and how it renders. A format is one module
 * exporting one such definition, listed once in `REPORT_FORMATS`; `renderReport`'s return type
 * follows `render`'s (a string, or a promise of bytes for a workbook).
 */
export interface ReportFormatDefinition<Output> {
  readonly id: string;
  /** File extension with its dot, e.g. `.md`; empty for a format written as a folder. */
  readonly extension: string;
  /**
   * What the CLI's `--out` names: a `file` (the default), or a `folder` that gets one file per
   * entry of the object `render` returns (file name → JSON).
   */
  readonly output?: "file" | "folder";
  /** What the file is, for usage texts: `Markdown (GitHub tables)`. */
  readonly description: string;
  /** The layouts `render` renders (`input.layout`); absent: `standard` only. */
  readonly layouts?: readonly ReportLayout[];
  render(input: ReportFormatInput): Output;
}
