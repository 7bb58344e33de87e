import { checkOneOf } from "../internal/checkArgs.js";
import type { Assessment } from "../schemas/assessment.js";
import { checkReportOptions } from "./internal/checkReportOptions.js";
import { documentOf } from "./internal/documentOf.js";
import { roundForExport } from "./internal/formatNumber.js";
import { PLACE_TABLE_FIELD_KEYS } from "./internal/placeTableSection.js";
import { TARGET_FIELD_KEYS } from "./internal/targetsTable.js";
import type { ReportDocument, ReportRows, ReportValue } from "./reportDocument.js";

/** Options of {@link formatAssessmentCsv}. */
export interface FormatAssessmentCsvOptions {
  /** Start with a UTF-8 byte-order mark so that Excel reads Chinese text correctly (default true). */
  readonly bom?: boolean;
  /** `judged` leaves out the `insufficient-data` rows (default `all`). */
  readonly only?: ReportRows;
  /**
   * Which table: `targets` (default), one row per target; or `places`, the county table
   * 各县（市、区）, one row per place and group of each indicator declared `placeTable`, with the
   * columns of {@link PLACE_TABLE_CSV_COLUMNS} (only a header when there is none).
   */
  readonly table?: "targets" | "places";
}

/**
 * The columns of {@link formatAssessmentCsv}, in order: the keys of the raw values of a target
 * row in {@link buildReportDocument}. Rates (`gap_relative`, `required_growth`,
 * `implied_growth`, `required_differential`, `implied_differential`, `expected_progress`,
 * `actual_progress`, `probability`, `interval_level`) are fractions (0.065 = 6.5%); a share
 * target's differentials are how much faster a year the part must grow (and, under the scenario,
 * grows) than the rest of the whole, (1 + g_part) / (1 + g_rest) − 1; `target`, `projected`, `interval_*` and `gap_absolute` are in the
 * target's `unit`.
 */
export const ASSESSMENT_CSV_COLUMNS = TARGET_FIELD_KEYS;

/**
 * The columns of {@link formatAssessmentCsv} with `table: "places"`, in order: the raw values of
 * a row of the county table (see `PlaceTableRowSchema`). `implied_growth` and `interval_level`
 * are fractions; `share_latest_pct` and `share_projected_pct` are in %; `latest_value`,
 * `projected` and the interval are in the row's `unit`, `per_capita_value` in `per_capita_unit`.
 */
export const PLACE_TABLE_CSV_COLUMNS = PLACE_TABLE_FIELD_KEYS;

const TABLES = ["targets", "places"] as const;

/** Control characters other than tab, CR and LF (which RFC 4180 quoting keeps): ESC, NUL, DEL, C1. */
const CONTROL = /[^\P{Cc}\t\r\n]/gu;

/** First characters that make a spreadsheet read a cell as a formula (OWASP, CSV Injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One field as RFC 4180 says: quoted when it holds a comma, quote, CR or LF; quotes doubled.
 * Text (never a number) that starts like a formula gets a leading `'`, which spreadsheets read as
 * "this is text". A list is one item a line.
 */
function field(value: ReportValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(roundForExport(value));
  if (typeof value === "boolean") return String(value);
  const raw = (typeof value === "string" ? value : value.join("\n")).replace(CONTROL, "\uFFFD");
  const text = FORMULA_START.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Formats assessments as CSV: a header row, then one row per target (and per scenario when given
 * several assessments), with the columns of {@link ASSESSMENT_CSV_COLUMNS}: the raw values of the
 * targets table of {@link buildReportDocument}. Follows RFC 4180
 * (https://www.rfc-editor.org/rfc/rfc4180): CRLF line ends, fields with a comma, quote or line
 * break quoted, quotes doubled. Numbers are written in full (rounded to 12 significant digits
 * to drop binary noise), missing values as empty fields, `met` as `true`/`false`. The list of
 * missing observations and the notes are each one field, one item a line. A text field that
 * starts with `=`, `+`, `-`, `@`, a tab or CR (e.g. a source `=HYPERLINK(…)` from a data file)
 * is written with a leading `'` so that Excel or LibreOffice do not run it as a formula (OWASP,
 * CSV Injection); numbers, negative ones included, are written as they are. Control characters
 * in text other than tab, CR and LF (e.g. ESC, NUL) are written as U+FFFD. With
 * `only: "judged"`, the `insufficient-data` rows are left out. With `table: "places"` it writes
 * the county table 各县（市、区） instead (see {@link PLACE_TABLE_CSV_COLUMNS}), by the same rules
 * of quoting and numbers (`only` does not apply to it).
 *
 * @param assessment - an {@link Assessment} or a list of them.
 * @returns the CSV text, starting with a UTF-8 byte-order mark unless `bom: false`.
 * @throws {ArgumentTypeError} `formatAssessmentCsv: the assessment does not match
 *   AssessmentSchema (<path>: <message>)` when handed something that is not a valid assessment, e.g. a number
 *   that is `NaN` or infinite (it would otherwise be printed).
 *   Also `formatAssessmentCsv: assessment must be an assessment or a list of them (got nothing)`;
 *   `formatAssessmentCsv: options.bom must be true or false (got the string "no")`;
 *   `formatAssessmentCsv: options.bon is not an option; did you mean bom? (…)`.
 * @throws {ArgumentRangeError} `formatAssessmentCsv: options.table must be "targets" or
 *   "places"; did you mean "places"? (got the string "place")`.
 * @example
 * const csv = formatAssessmentCsv(
 *   { pack: "demo", scenario: "trend", scenarioName: "Trend", asOf: 2023,
 *     rows: [], discrepancies: [], readiness: [], issues: [] },
 *   { bom: false },
 * );
 * csv.startsWith("pack,scenario,target_id,name_zh,name_en,"); // true
 */
export function formatAssessmentCsv(
  assessment: Assessment | readonly Assessment[],
  options: FormatAssessmentCsvOptions = {},
): string {
  checkReportOptions("formatAssessmentCsv", options, {
    bom: "boolean",
    only: "string",
    table: "string",
  });
  const table =
    options.table === undefined
      ? "targets"
      : checkOneOf("formatAssessmentCsv", "options.table", options.table, TABLES);
  const doc = documentOf(
    "formatAssessmentCsv",
    assessment,
    options.only === undefined ? {} : { only: options.only },
  );
  return csvOfDocument(doc, table, options.bom !== false, null);
}

/**
 * Columns added after a table's own, with their values for the rows of one scenario (the run
 * record of `renderReport`'s CSV).
 */
export interface ExtraCsvColumns {
  readonly columns: readonly string[];
  /** The values of the extra columns for a row (its raw values) of a scenario. */
  valuesFor(
    scenario: string,
    row: Readonly<Record<string, ReportValue>>,
  ): Readonly<Record<string, ReportValue>>;
}

/** The CSV text of one table of a report document (see {@link formatAssessmentCsv}). */
export function csvOfDocument(
  doc: ReportDocument,
  table: "targets" | "places",
  bom: boolean,
  extra: ExtraCsvColumns | null,
): string {
  const columns: readonly string[] =
    table === "targets" ? ASSESSMENT_CSV_COLUMNS : PLACE_TABLE_CSV_COLUMNS;
  const lines = [[...columns, ...(extra?.columns ?? [])].join(",")];
  for (const s of doc.scenarios) {
    const rows = table === "targets" ? s.targets.rows : s.placeTables.flatMap((t) => t.table.rows);
    for (const row of rows) {
      const more = extra === null ? {} : extra.valuesFor(s.header.scenario, row.values);
      const extraValues = (extra?.columns ?? []).map((key) => more[key]);
      lines.push([...columns.map((key) => row.values[key]), ...extraValues].map(field).join(","));
    }
  }
  return `${bom ? "\uFEFF" : ""}${lines.join("\r\n")}\r\n`;
}
