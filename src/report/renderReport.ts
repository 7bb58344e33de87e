import { checkObject, checkOneOf, checkOptions, checkString } from "../internal/checkArgs.js";
import { describeValue } from "../internal/describeValue.js";
import { ArgumentRangeError, ArgumentTypeError } from "../internal/errors.js";
import { isIsoDate } from "../internal/isoDate.js";
import { orList } from "../internal/nameMatch.js";
import { assertAssessment } from "../schemas/assertAssessment.js";
import type { Assessment } from "../schemas/assessment.js";
import { checkPack } from "../schemas/checkPack.js";
import type { RegionPack } from "../schemas/regionPack.js";
import type { SimulationResult } from "../simulation/simulationResult.js";
import { runRecord } from "./internal/runRecord.js";
import type { ReportRows } from "./reportDocument.js";
import { REPORT_LAYOUTS, type ReportLayout } from "./reportFormatDefinition.js";
import {
  formatsWithLayout,
  layoutsOf,
  REPORT_FORMAT_IDS,
  REPORT_FORMATS,
  type ReportFormat,
  type ReportOutput,
} from "./reportFormats.js";

/** Options of {@link renderReport}. */
export interface RenderReportOptions<F extends ReportFormat = ReportFormat> {
  /** `text`, `md`, `csv`, `xlsx`, `html` or `vega-lite` (see `REPORT_FORMAT_IDS`). */
  readonly format: F;
  /**
   * `standard` (the default) or `quarterly`, the quarterly monitoring report (`md` and `html`
   * only; see `REPORT_LAYOUTS`).
   */
  readonly layout?: ReportLayout;
  /** Title of the report (text, Markdown and the workbook; a CSV has none). */
  readonly title?: string;
  /** `judged` leaves the `insufficient-data` rows out of the targets table (default `all`). */
  readonly only?: ReportRows;
  /**
   * The region pack the assessment was made from: its citable sources go into the workbook's
   * sources sheet and a fingerprint of its content into the run record. Its id must be the
   * assessment's pack.
   */
  readonly pack?: RegionPack;
  /**
   * The date of the run record, ISO 8601 (`2026-03-31` or `2026-03-31T08:00:00Z`); default the
   * time of rendering. Give it for reproducible reports: the same input and date give the same content.
   */
  readonly date?: string;
  /**
   * A Monte Carlo run of the assessment's scenario (`simulatePack(…).simulation`, `simulate`):
   * the `html` and `vega-lite` charts draw its 50/80/95% bands, and the run record names its
   * paths and seed when the assessment does not. An assessment made by `regionsim report
   * --paths` carries its bands already.
   */
  readonly simulation?: SimulationResult;
}

const FN = "renderReport";

const OPTION_KEYS = ["format", "layout", "title", "only", "pack", "date", "simulation"];

/**
 * Renders an assessment report (or the report of several scenarios) in one format, without
 * touching the disk. Every report renders the one report document of
 * {@link buildReportDocument} and ends with the run record (library version, pack and data
 * fingerprint, each scenario with its simulation's paths and seed, date); the formats are the
 * entries of `REPORT_FORMATS`:
 * - `text`, `md`: the string of `formatAssessmentText`, `formatAssessmentMarkdown`, then the run
 *   record in one line;
 * - `csv`: the targets table of `formatAssessmentCsv` with the run record's columns
 *   (`run_library_version`, `run_data_fingerprint`, `run_paths`, `run_seed`, `run_date`) on
 *   every row;
 * - `xlsx`: a promise of the bytes of an Excel workbook with a sheet each for the targets
 *   (Chinese and English headers, numbers as numbers with number formats, statuses coloured,
 *   header frozen, autofilter), the projections (scope × indicator × year with the model's
 *   interval), the simulated quantiles (when simulated), the county table 各县（市、区） (when the
 *   pack declares one), the data-readiness list, the sources and the run record. Text from the
 *   data is written as text: a name starting with `=` never becomes a formula;
 * - `html`: a promise of one self-contained HTML file with charts (`renderHtmlReport`);
 * - `vega-lite`: an object of file names to the Vega-Lite spec of every chart
 *   (`vegaLiteSpecs`), each with the run record in `usermeta.regionsim`. With
 * `layout: "quarterly"`, `md` and `html` give the quarterly monitoring report instead (Chinese
 * first: base-year and latest values, 序时进度, status, growth still required, and each place's
 * contribution to the gap, see {@link gapContributions}; base values and contributions need
 * `pack`).
 *
 * @param assessment - an {@link Assessment} or a list of them (one per scenario).
 * @param options - `format` (required), `layout`, `title`, `only`, `pack`, `date`, `simulation`.
 * @returns a string for `text`, `md` and `csv`; a promise of the file's bytes for `xlsx` and of
 *   its text for `html`; an object of specs for `vega-lite`.
 * @throws {ArgumentTypeError} `renderReport: the assessment does not match AssessmentSchema
 *   (…)`; `renderReport: options must be an object such as { format, … } (got nothing)`;
 *   `renderReport: options.fromat is not an option; did you mean format? (…)`;
 *   `renderReport: options.pack must be a region pack (got 3)`.
 * @throws {ArgumentTypeError} `renderReport: options.format must be "text", "md", "csv", "xlsx",
 *   "html" or "vega-lite" (got nothing)` when there are no options or no format;
 *   `renderReport: options.simulation must be a simulation result (from simulate or
 *   simulatePack) (got 3)`.
 * @throws {ArgumentRangeError} `renderReport: options.format must be "text", "md", "csv", "xlsx",
 *   "html" or "vega-lite"; did you mean "xlsx"? (got the string "xslx")`; `renderReport: options.layout must be
 *   "standard" or "quarterly" (…)`; `renderReport: options.layout "quarterly" needs
 *   options.format "md" or "html" (got "csv")`; `renderReport: options.date must be an ISO 8601 date such as "2026-03-31"
 *   (got the string "31/03/2026")`; `renderReport: options.pack is the pack "other" but the
 *   assessment is of "qujing"`.
 * @example
 * const a = assessPack(qujingPack, "trend");
 * renderReport(a, { format: "md" }).startsWith(formatAssessmentMarkdown(a)); // true
 * Object.keys(renderReport(a, { format: "vega-lite", pack: qujingPack })).length > 0; // true
 * const bytes = await renderReport(a, { format: "xlsx", pack: qujingPack, date: "2026-03-31" });
 * bytes instanceof Uint8Array; // true
 */
export function renderReport<F extends ReportFormat>(
  assessment: Assessment | readonly Assessment[],
  options: RenderReportOptions<F>,
): ReportOutput<F> {
  const o = checkOptions(FN, "options", options, OPTION_KEYS);
  for (const key of ["title", "date"] as const)
    if (o[key] !== undefined) checkString(FN, `options.${key}`, o[key]);
  assertAssessment(FN, assessment);
  const format = checkOneOf(FN, "options.format", o.format, REPORT_FORMAT_IDS);
  const layout =
    o.layout === undefined
      ? "standard"
      : checkOneOf(FN, "options.layout", o.layout, REPORT_LAYOUTS);
  if (!layoutsOf(format).includes(layout))
    throw new ArgumentRangeError(
      `${FN}: options.layout "${layout}" needs options.format ${orList(formatsWithLayout(layout).map((f) => `"${f}"`))} (got "${format}")`,
      { code: "out-of-range", path: "options.layout" },
    );
  const only =
    o.only === undefined
      ? "all"
      : checkOneOf(FN, "options.only", o.only, ["all", "judged"] as const);
  const list: readonly Assessment[] = Array.isArray(assessment)
    ? assessment
    : [assessment as Assessment];
  const pack = o.pack === undefined ? undefined : checkPack(FN, o.pack, "options.pack");
  const packId = list[0]?.pack;
  if (pack !== undefined && packId !== undefined && pack.id !== packId)
    throw new ArgumentRangeError(
      `${FN}: options.pack is the pack "${pack.id}" but the assessment is of "${packId}"`,
      { code: "out-of-range", path: "options.pack" },
    );
  const date = o.date === undefined ? new Date().toISOString() : checkDate(o.date as string);
  const simulation = o.simulation === undefined ? null : checkSimulation(o.simulation);
  const definition = REPORT_FORMATS[format];
  return definition.render({
    fn: FN,
    assessment,
    title: o.title as string | undefined,
    only,
    layout,
    run: runRecord(list, { pack, date, format, layout, simulation }),
    sources: pack === undefined ? null : pack.sources,
    pack: pack ?? null,
    simulation,
  }) as ReportOutput<F>;
}

/** A simulation result, checked as far as a report reads it. */
function checkSimulation(value: unknown): SimulationResult {
  const s = checkObject(FN, "options.simulation", value, "a simulation result");
  const ok =
    Array.isArray(s.series) &&
    Array.isArray(s.quantiles) &&
    Number.isSafeInteger(s.paths) &&
    Number.isSafeInteger(s.seed);
  if (!ok)
    throw new ArgumentTypeError(
      `${FN}: options.simulation must be a simulation result (from simulate or simulatePack) (got ${describeValue(value)})`,
      { code: "invalid-type", path: "options.simulation" },
    );
  return value as SimulationResult;
}

/** An ISO 8601 date (or date and time) that names a real day. */
function checkDate(value: string): string {
  if (isIsoDate(value)) return value;
  throw new ArgumentRangeError(
    `${FN}: options.date must be an ISO 8601 date such as "2026-03-31" (got ${describeValue(value)})`,
    { code: "out-of-range", path: "options.date" },
  );
}
