import type { Assessment, AssessmentRow } from "../schemas/assessment.js";
import { assertAssessment } from "./assertAssessment.js";
import { needText } from "./internal/assessmentCells.js";
import { roundForExport } from "./internal/formatNumber.js";

/** Options of {@link formatAssessmentCsv}. */
export interface FormatAssessmentCsvOptions {
  /** Start with a UTF-8 byte-order mark so that Excel reads Chinese text correctly (default true). */
  readonly bom?: boolean;
}

type CsvValue = string | number | boolean | null;

/**
 * The columns of {@link formatAssessmentCsv}, in order. Rates (`gap_relative`,
 * `required_growth`, `implied_growth`, `expected_progress`, `actual_progress`, `probability`,
 * `interval_level`) are fractions (0.065 = 6.5%); `target`, `projected`, `interval_*` and
 * `gap_absolute` are in the target's `unit`.
 */
export const ASSESSMENT_CSV_COLUMNS = [
  "pack",
  "scenario",
  "target_id",
  "name_zh",
  "name_en",
  "kind",
  "scope",
  "indicator",
  "year",
  "comparator",
  "target",
  "unit",
  "latest_year",
  "latest_value",
  "latest_source",
  "projected",
  "interval_lower",
  "interval_upper",
  "interval_level",
  "met",
  "gap_absolute",
  "gap_relative",
  "required_growth",
  "implied_growth",
  "first_year_met",
  "expected_progress",
  "actual_progress",
  "probability",
  "status",
  "status_zh",
  "missing",
  "notes",
] as const;

function values(a: Assessment, r: AssessmentRow): CsvValue[] {
  return [
    a.pack,
    a.scenario,
    r.targetId,
    r.nameZh,
    r.nameEn,
    r.kind,
    r.scope,
    r.indicator,
    r.year,
    r.comparator,
    r.target,
    r.unit,
    r.latest?.year ?? null,
    r.latest?.value ?? null,
    r.latest?.source ?? null,
    r.projected,
    r.interval?.lower ?? null,
    r.interval?.upper ?? null,
    r.interval?.level ?? null,
    r.met,
    r.gap?.absolute ?? null,
    r.gap?.relative ?? null,
    r.requiredGrowth,
    r.impliedGrowth,
    r.firstYearMet,
    r.expectedProgress,
    r.actualProgress,
    r.probability,
    r.status,
    r.statusZh,
    r.missing.map(needText).join("\n"),
    r.notes.join("\n"),
  ];
}

function isList(value: Assessment | readonly Assessment[]): value is readonly Assessment[] {
  return Array.isArray(value);
}

/** First characters that make a spreadsheet read a cell as a formula (OWASP, CSV Injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One field as RFC 4180 says: quoted when it holds a comma, quote, CR or LF; quotes doubled.
 * Text (never a number) that starts like a formula gets a leading `'`, which spreadsheets read as
 * "this is text".
 */
function field(value: CsvValue): string {
  if (value === null) return "";
  if (typeof value === "number") return String(roundForExport(value));
  const raw = String(value);
  const text = typeof value === "string" && FORMULA_START.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Formats assessments as CSV: a header row, then one row per target (and per scenario when given
 * several assessments), with the columns of {@link ASSESSMENT_CSV_COLUMNS}. Follows RFC 4180
 * (https://www.rfc-editor.org/rfc/rfc4180): CRLF line ends, fields with a comma, quote or line
 * break quoted, quotes doubled. Numbers are written in full (rounded to 12 significant digits
 * to drop binary noise), missing values as empty fields, `met` as `true`/`false`. The list of
 * missing observations and the notes are each one field, one item a line. A text field that
 * starts with `=`, `+`, `-`, `@`, a tab or CR (e.g. a source `=HYPERLINK(…)` from a data file)
 * is written with a leading `'` so that Excel or LibreOffice do not run it as a formula (OWASP,
 * CSV Injection); numbers, negative ones included, are written as they are.
 *
 * @param assessment - an {@link Assessment} or a list of them.
 * @returns the CSV text, starting with a UTF-8 byte-order mark unless `bom: false`.
 * @throws {TypeError} `formatAssessmentCsv: the assessment does not match AssessmentSchema
 *   (<path>: <message>)` when handed something that is not a valid assessment, e.g. a number
 *   that is `NaN` or infinite (it would otherwise be printed).
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
  assertAssessment("formatAssessmentCsv", assessment);
  const list: readonly Assessment[] = isList(assessment) ? assessment : [assessment];
  const lines = [ASSESSMENT_CSV_COLUMNS.join(",")];
  for (const a of list) for (const r of a.rows) lines.push(values(a, r).map(field).join(","));
  return `${options.bom === false ? "" : "\uFEFF"}${lines.join("\r\n")}\r\n`;
}
