import type { Assessment, DataNeed, Status } from "../schemas/assessment.js";
import type { Issue } from "../schemas/issue.js";
import { checkReportOptions } from "./internal/checkReportOptions.js";
import { documentOf } from "./internal/documentOf.js";

/**
 * What a raw value is, so that a writer can format it: an `id` (lower-case letters, digits,
 * `-`, `_`), a list of ids (`ids`), free `text`, a list of texts (`lines`), a `year`, an
 * `integer` count, a `number` in the unit of its row, a `percent` (a fraction: 0.065 = 6.5%), a
 * `boolean`, or a `status` of the assessment vocabulary.
 */
export type ReportValueKind =
  | "id"
  | "ids"
  | "text"
  | "lines"
  | "year"
  | "integer"
  | "number"
  | "percent"
  | "boolean"
  | "status";

/** A raw value of a report table: JSON, with `null` for a missing value. */
export type ReportValue = string | number | boolean | null | readonly string[];

/** One value of each row of a {@link ReportTable}: its key, headers and kind. */
export interface ReportField {
  /** Key of the value in {@link ReportRow.values} (the CSV column name for targets). */
  readonly key: string;
  /** English header. */
  readonly en: string;
  /** Chinese header. */
  readonly zh: string;
  readonly kind: ReportValueKind;
}

/**
 * How a column of a {@link ReportTable} shows its values: as a value kind, or `target` (the
 * target's id, then its Chinese and English names, one a line).
 */
export type ReportColumnKind = ReportValueKind | "target";

/** A column of a table as a reader sees it: one or more fields, stacked in one cell. */
export interface ReportColumn {
  readonly key: string;
  /** Header of the column (English; 序时进度 is kept as the plan-evaluation term it is). */
  readonly en: string;
  /** Chinese header. */
  readonly zh: string;
  /** What the stacked lines of a cell are, e.g. `(req. / impl.)`, for headers with room; else null. */
  readonly detail: string | null;
  readonly kind: ReportColumnKind;
  readonly align: "left" | "right";
  /** Keys of the fields the column shows. */
  readonly fields: readonly string[];
}

/** The display text of one cell, one entry a line (a missing value is `—`). */
export interface ReportCell {
  readonly lines: readonly string[];
}

/** One row: its raw values by field key, and its cells in the order of the columns. */
export interface ReportRow {
  readonly values: Readonly<Record<string, ReportValue>>;
  readonly cells: readonly ReportCell[];
}

/**
 * A table: every raw value of a row (`fields`, the columns of CSV), and the columns a reader
 * sees (`columns`, each showing one or more fields).
 */
export interface ReportTable {
  readonly fields: readonly ReportField[];
  readonly columns: readonly ReportColumn[];
  readonly rows: readonly ReportRow[];
}

/** How many targets of a scenario have a status, with the status's Chinese term. */
export interface ReportStatusCount {
  readonly status: Status;
  /** The term of Chinese mid-term plan evaluations, e.g. 需加快进度. */
  readonly zh: string;
  readonly count: number;
}

/** What the headers and figures of the targets table mean. */
export interface ReportLegend {
  /** The statuses that occur, in vocabulary order, with their Chinese terms and counts. */
  readonly statuses: readonly ReportStatusCount[];
  /** Definitions of the gap, growth and 序时进度 columns, one sentence each. */
  readonly terms: readonly { readonly key: "gap" | "growth" | "progress"; readonly text: string }[];
  /** The levels (fractions) of the prediction intervals shown, and what they are; null for none. */
  readonly intervals: { readonly levels: readonly number[]; readonly text: string } | null;
  /** What the probability column is, when there is one; else null. */
  readonly probability: string | null;
}

/** The heading facts of one scenario's report. */
export interface ReportHeader {
  readonly pack: string;
  readonly scenario: string;
  readonly scenarioName: string;
  /** `<pack> · <scenario> — <scenario name>`. */
  readonly title: string;
  /**
   * "Data as of": the latest year of the observations the judged targets rest on (the latest
   * observation of each target not `insufficient-data`), not the latest year of any series; the
   * assessment's `asOf` when no target is judged.
   */
  readonly asOf: number;
  readonly targetCount: number;
  /** Rows left out of the targets table by `only: "judged"` (the `insufficient-data` ones). */
  readonly hiddenCount: number;
  /** Count of each status: `1 achieved 已完成, 1 off-track 预计难以完成`; empty without targets. */
  readonly summary: string;
  /** The Monte Carlo run the probabilities come from; null when not simulated. */
  readonly simulation: {
    readonly paths: number;
    readonly seed: number;
    readonly baseYear: number;
  } | null;
}

/** The notes of one target (those it alone carries; see {@link ReportSharedNote}). */
export interface ReportNotes {
  readonly targetId: string;
  readonly notes: readonly string[];
}

/** A note that several targets carry (e.g. one source note), given once with their ids. */
export interface ReportSharedNote {
  readonly note: string;
  readonly targetIds: readonly string[];
}

/** An observation that would make a target evaluable, with its display texts. */
export interface ReportDataNeed extends DataNeed {
  /** Which years: `year 2020`, `at least 1 of 2021–2024`. */
  readonly yearsText: string;
  /** The whole need on one line: `city · trade · year 2020: why`. */
  readonly text: string;
}

/** An `insufficient-data` target and the observations that would make it evaluable. */
export interface ReportReadiness {
  readonly targetId: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly needs: readonly ReportDataNeed[];
}

/**
 * A disparity comparison that lacks data, and what it lacks: `gdp: qilin; population: huize`;
 * consecutive years that lack the same are one entry (`year` the first, `years` all of them).
 */
export interface ReportDisparityGap {
  readonly indicator: string;
  readonly year: number;
  readonly years: readonly number[];
  /** `2016`, `2000–2015`. */
  readonly yearsText: string;
  readonly text: string;
}

/**
 * A share target's growth differential: how much faster a year its part (`scope`) must grow than
 * the rest of the whole to reach the target share, and how much faster it grows under the
 * scenario (fractions, `(1 + g_part) / (1 + g_rest) − 1`), with the sentence the writers print:
 * `44.0% (2021) → ≈ 65% in 2025: central-city must grow 24.0% a year faster than the rest (…)`.
 */
export interface ReportShareGap {
  readonly targetId: string;
  readonly scope: string;
  readonly required: number | null;
  readonly implied: number | null;
  readonly text: string;
}

/**
 * A disparity comparison that changes basis (see `Indicator.earlierBasis`): from `year` on the
 * places are compared on `indicator`, before it on `from`, with the sentence the writers print.
 */
export interface ReportDisparityBreak {
  readonly indicator: string;
  readonly year: number;
  readonly from: string;
  readonly text: string;
}

/**
 * The place table (各县（市、区）) of one indicator: one row per place and group (see
 * `PlaceTableRowSchema`), projected to `year`.
 */
export interface ReportPlaceTable {
  readonly indicator: string;
  readonly unit: string;
  readonly year: number;
  /** `County table 各县（市、区） — gdp (100M yuan), projected to 2025`. */
  readonly title: string;
  readonly table: ReportTable;
}

/** An issue met on the way, with its one-line text (see `formatIssue`). */
export type ReportIssue = Issue & { readonly text: string };

/** A source of latest observations and the targets whose latest value it gave. */
export interface ReportSource {
  readonly source: string;
  readonly targetIds: readonly string[];
}

/** The report of one assessment (one scenario). */
export interface ReportScenario {
  readonly header: ReportHeader;
  /** One row per target, in the assessment's order; the probability column only when simulated. */
  readonly targets: ReportTable;
  readonly legend: ReportLegend;
  /** The targets that carry notes of their own, in row order. */
  readonly notes: readonly ReportNotes[];
  /** Notes carried by more than one target, once each, in order of first appearance. */
  readonly sharedNotes: readonly ReportSharedNote[];
  /** The `insufficient-data` targets, in row order (also with `only: "judged"`). */
  readonly readiness: readonly ReportReadiness[];
  /** Group values observed directly vs aggregated from their places. */
  readonly discrepancies: ReportTable;
  /**
   * The growth differential the part of each share target needs over the rest of the whole
   * (the rows that give one, in row order).
   */
  readonly shareGaps: readonly ReportShareGap[];
  /** The place tables (各县（市、区）) of the indicators declared `placeTable`; empty without. */
  readonly placeTables: readonly ReportPlaceTable[];
  /**
   * Regional disparity of per-capita indicators, what each comparison lacks, and where a
   * comparison changes basis.
   */
  readonly disparity: {
    readonly table: ReportTable;
    readonly lacking: readonly ReportDisparityGap[];
    readonly breaks: readonly ReportDisparityBreak[];
  };
  readonly issues: readonly ReportIssue[];
  /** The sources of the latest observations, in order of first use. */
  readonly sources: readonly ReportSource[];
}

/**
 * The content of an assessment report, once, for every writer (text, Markdown, CSV, …): plain
 * JSON data, so that it can be saved, sent to a browser or snapshot-tested.
 */
export interface ReportDocument {
  /** The given title, else the scenario's title for one assessment, else `<pack> — assessment of the plan targets`. */
  readonly title: string;
  /** Whether `title` was given in the options. */
  readonly titleGiven: boolean;
  /** Pack of the (first) assessment; empty for an empty list. */
  readonly pack: string;
  /** True when built from a list of assessments (even of one): each scenario then has its own heading. */
  readonly collection: boolean;
  /**
   * The scenarios side by side (a list of two or more assessments of one pack): per target and
   * scenario the projected value, status and probability, with the changes from the first
   * scenario (see `compareScenarios`); null otherwise.
   */
  readonly comparison: ReportTable | null;
  readonly scenarios: readonly ReportScenario[];
}

/** Options of {@link buildReportDocument}. */
export interface ReportDocumentOptions {
  /** Title of the report (see {@link ReportDocument.title}). */
  readonly title?: string;
  /**
   * Which targets the table (and the notes) show: `all` (default), or `judged`, which leaves
   * out the `insufficient-data` rows; the data-readiness list keeps them, saying what is missing.
   */
  readonly only?: ReportRows;
}

/** Which target rows a report shows: every one, or only those that could be judged. */
export type ReportRows = "all" | "judged";

/**
 * Builds the report document of one assessment or of a list of them (one per scenario): for each
 * scenario a header (pack, scenario, as-of year, status counts, the Monte Carlo run when
 * simulated), the targets table (every raw value of a row, as CSV writes them, and the columns a
 * reader sees: target, year, target value, latest observation, projected value with interval,
 * gap, growth a year required vs implied, first year met, 序时进度 expected vs actual,
 * probability when simulated, status with its Chinese term), the legend, the notes of each
 * target, the data-readiness list, the discrepancies, the regional disparity, the issues and
 * the sources of the latest observations. `formatAssessmentText`, `formatAssessmentMarkdown`
 * and `formatAssessmentCsv` render it.
 *
 * Text from the data is kept as it is (each writer escapes it for its format); numbers are
 * raw in `values` (rates as fractions; a negative zero as 0, which JSON cannot tell apart) and
 * formatted in `cells` (about four significant digits, a missing value `—`).
 *
 * @param assessment - an {@link Assessment} or a list of them.
 * @param options - `title` of the report.
 * @returns the document: plain data that survives a JSON round trip unchanged.
 * @throws {ArgumentTypeError} `buildReportDocument: the assessment does not match
 *   AssessmentSchema (<path>: <message>)` when handed something that is not a valid assessment,
 *   e.g. a number that is `NaN` or infinite. Also `buildReportDocument: assessment must be an
 *   assessment or a list of them (got nothing)`; `buildReportDocument: options.title must be a
 *   string (got 3)`; `buildReportDocument: options.titel is not an option; did you mean title?
 *   (…)`.
 * @example
 * const doc = buildReportDocument(assessPack(qujingPack, "trend"));
 * doc.title; // "qujing · trend — Trend: recent data continue"
 * const targets = doc.scenarios[0].targets;
 * targets.rows.length; // 30 (one per target of the pack)
 * targets.columns.map((c) => c.en); // ["Target", "Year", "Target value", "Latest (year)", "Projected", "Gap", "Growth a year", "Met in", "序时进度", "Status"]
 * targets.rows[0].values.target_id; // "urbanization-resident"
 * targets.rows[0].cells[2].lines; // ["≥ 60%"]
 * JSON.parse(JSON.stringify(doc)).scenarios[0].targets.rows.length; // 30
 */
export function buildReportDocument(
  assessment: Assessment | readonly Assessment[],
  options: ReportDocumentOptions = {},
): ReportDocument {
  checkReportOptions("buildReportDocument", options, { title: "string", only: "string" });
  return documentOf("buildReportDocument", assessment, options);
}
