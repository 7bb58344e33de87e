import { checkOneOf, checkOptions, checkString } from "../internal/checkArgs.js";
import { describeValue } from "../internal/describeValue.js";
import { ArgumentRangeError } from "../internal/errors.js";
import { orList } from "../internal/nameMatch.js";
import type { Assessment } from "../schemas/assessment.js";
import { checkPack } from "../schemas/checkPack.js";
import type { RegionPack } from "../schemas/regionPack.js";
import { assertAssessment } from "./assertAssessment.js";
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
  /** `text`, `md`, `csv` or `xlsx` (see `REPORT_FORMAT_IDS`). */
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
}

const FN = "renderReport";

const OPTION_KEYS = ["format", "layout", "title", "only", "pack", "date"];

/** `YYYY-MM-DD`, optionally followed by a time with a zone (`T08:00:00Z`, `T08:00:00.000+08:00`). */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * Renders an assessment report (or the report of several scenarios) in one format, without
 * touching the disk: `text`, `md` and `csv` give the string of `formatAssessmentText`,
 * `formatAssessmentMarkdown` and `formatAssessmentCsv` (byte for byte); `xlsx` gives a promise of
 * the bytes of an Excel workbook with a sheet each for the targets (Chinese and English headers,
 * numbers as numbers with number formats, statuses coloured, header frozen, autofilter), the
 * projections (scope × indicator × year with the model's interval), the simulated quantiles
 * (when simulated), the county table 各县（市、区） (when the pack declares one), the
 * data-readiness list, the sources and the run record (library version, pack and data
 * fingerprint, scenario, simulation paths and seed, date). Text from the data is written as text:
 * a name starting with `=` never becomes a formula. Every report renders the one report document
 * of {@link buildReportDocument}; the formats are the entries of `REPORT_FORMATS`. With
 * `layout: "quarterly"`, `md` and `html` give the quarterly monitoring report instead (Chinese
 * first: base-year and latest values, 序时进度, status, growth still required, and each place's
 * contribution to the gap, see {@link gapContributions}; base values and contributions need
 * `pack`).
 *
 * @param assessment - an {@link Assessment} or a list of them (one per scenario).
 * @param options - `format` (required), `layout`, `title`, `only`, `pack`, `date`.
 * @returns a string for `text`, `md` and `csv`; a promise of the file's bytes for `xlsx`.
 * @throws {ArgumentTypeError} `renderReport: the assessment does not match AssessmentSchema
 *   (…)`; `renderReport: options must be an object such as { format, … } (got nothing)`;
 *   `renderReport: options.fromat is not an option; did you mean format? (…)`;
 *   `renderReport: options.pack must be a region pack (got 3)`.
 * @throws {ArgumentTypeError} `renderReport: options.format must be "text", "md", "csv" or "xlsx"
 *   (got nothing)` when there are no options or no format.
 * @throws {ArgumentRangeError} `renderReport: options.format must be "text", "md", "csv" or
 *   "xlsx"; did you mean "xlsx"? (got the string "xslx")`; `renderReport: options.layout must be
 *   "standard" or "quarterly" (…)`; `renderReport: options.layout "quarterly" needs
 *   options.format "md" or "html" (got "csv")`; `renderReport: options.date must be an ISO 8601 date such as "2026-03-31"
 *   (got the string "31/03/2026")`; `renderReport: options.pack is the pack "other" but the
 *   assessment is of "qujing"`.
 * @example
 * const a = assessPack(qujingPack, "trend");
 * renderReport(a, { format: "md" }) === formatAssessmentMarkdown(a); // true
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
  const definition = REPORT_FORMATS[format];
  return definition.render({
    fn: FN,
    assessment,
    title: o.title as string | undefined,
    only,
    layout,
    run: runRecord(list, { pack, date, format, layout }),
    sources: pack === undefined ? null : pack.sources,
    pack: pack ?? null,
  }) as ReportOutput<F>;
}

/** An ISO 8601 date (or date and time) that names a real day. */
function checkDate(value: string): string {
  if (ISO_DATE.test(value) && !Number.isNaN(Date.parse(value))) {
    // Date.parse rolls 2026-02-31 over to March; a real day survives the round trip.
    const day = value.slice(0, 10);
    if (new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day) return value;
  }
  throw new ArgumentRangeError(
    `${FN}: options.date must be an ISO 8601 date such as "2026-03-31" (got ${describeValue(value)})`,
    { code: "out-of-range", path: "options.date" },
  );
}
