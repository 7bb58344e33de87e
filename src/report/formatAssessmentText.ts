import type { Assessment } from "../schemas/assessment.js";
import { formatIssue } from "../schemas/issue.js";
import { assertAssessment } from "./assertAssessment.js";
import {
  DISPARITY_HEADERS,
  discrepancyRelative,
  disparityCells,
  disparityMissingText,
  gapCell,
  growthCell,
  latestCell,
  needText,
  probabilityCell,
  progressCell,
  projectedCell,
  statusCell,
  statusSummary,
  targetCell,
} from "./internal/assessmentCells.js";
import { displayWidth } from "./internal/displayWidth.js";
import { formatNumber, MISSING } from "./internal/formatNumber.js";
import { printableText } from "./internal/printableText.js";
import { type TextCell, type TextColumn, textTable, wrapText } from "./internal/textTable.js";

/** Options of {@link formatAssessmentText}. */
export interface FormatAssessmentTextOptions {
  /** First line of each section; default `<pack> · <scenario> — <scenario name>`. */
  readonly title?: string;
  /** Include the notes of each row (default true). */
  readonly notes?: boolean;
}

/**
 * Formats an assessment as a plain-text report for a terminal: a table of every target (id,
 * Chinese and English name, year, target, latest observation, projected value with interval,
 * gap, growth a year required vs implied, first year met, 序时进度 expected vs actual progress,
 * probability when simulated, status with its Chinese label), then the notes of each row, the
 * data-readiness list (for each `insufficient-data` target, the observations that would make it
 * evaluable), the discrepancies between group observations and their aggregate from places, the
 * regional disparity across places (with what each comparison lacks), and the issues met on the
 * way.
 *
 * Text from the data (names, notes, the title) is printed on one line each: line breaks and
 * tabs in it become spaces and other control characters (e.g. the ESC of a terminal escape
 * sequence) U+FFFD.
 *
 * Columns are aligned by terminal width (Unicode UAX #11: CJK characters take two columns).
 * Numbers keep about four significant digits; growth and progress are shown as percentages;
 * a missing value is `—`. Given several assessments (e.g. one per scenario), it formats each in
 * turn, separated by a blank line.
 *
 * @param assessment - an {@link Assessment} (rates inside are fractions) or a list of them.
 * @returns the report, ending with a newline.
 * @throws {TypeError} `formatAssessmentText: the assessment does not match AssessmentSchema
 *   (<path>: <message>)` when handed something that is not a valid assessment, e.g. a number
 *   that is `NaN` or infinite (it would otherwise be printed).
 * @example
 * const text = formatAssessmentText({
 *   pack: "demo", scenario: "trend", scenarioName: "Trend", asOf: 2023,
 *   rows: [], discrepancies: [], readiness: [], issues: [],
 * });
 * text.split("\n")[0]; // "demo · trend — Trend"
 */
export function formatAssessmentText(
  assessment: Assessment | readonly Assessment[],
  options: FormatAssessmentTextOptions = {},
): string {
  assertAssessment("formatAssessmentText", assessment);
  const list: readonly Assessment[] = isList(assessment) ? assessment : [assessment];
  const title = options.title === undefined ? {} : { title: printableText(options.title) };
  const printable = { ...options, ...title };
  return `${list.map((a) => section(printableStrings(a), printable).join("\n")).join("\n\n\n")}\n`;
}

/** A copy of a value with every string in it made {@link printableText}. */
function printableStrings<T>(value: T): T {
  if (typeof value === "string") return printableText(value) as T;
  if (Array.isArray(value)) return value.map(printableStrings) as T;
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, printableStrings(v)])) as T;
  }
  return value;
}

function isList(value: Assessment | readonly Assessment[]): value is readonly Assessment[] {
  return Array.isArray(value);
}

function section(a: Assessment, options: FormatAssessmentTextOptions): string[] {
  const out: string[] = [];
  out.push(options.title ?? `${a.pack} · ${a.scenario} — ${a.scenarioName}`);
  const summary = statusSummary(a.rows);
  out.push(
    `Data as of ${a.asOf} · ${a.rows.length} target${a.rows.length === 1 ? "" : "s"}${summary === "" ? "" : `: ${summary}`}`,
  );
  out.push("");
  out.push(...targetTable(a));
  out.push(...legend(a));
  if (options.notes !== false) out.push(...notes(a));
  out.push("", ...readiness(a));
  out.push("", ...discrepancies(a));
  out.push("", ...disparity(a));
  if (a.issues.length > 0) {
    out.push("", `Issues (${a.issues.length})`);
    for (const issue of a.issues) out.push(`  ${formatIssue(issue)}`);
  }
  return out;
}

/** Names are wrapped to this many terminal columns to keep the table narrow. */
const NAME_WIDTH = 30;

function targetTable(a: Assessment): string[] {
  if (a.rows.length === 0) return ["(no targets)"];
  const withProbability = a.rows.some((r) => r.probability !== null);
  const columns: TextColumn[] = [
    { header: "Target" },
    { header: "Year", align: "right" },
    { header: "Target value" },
    { header: "Latest (year)", align: "right" },
    { header: "Projected", align: "right" },
    { header: "Gap", align: "right" },
    { header: "Growth a year", align: "right" },
    { header: "Met in", align: "right" },
    { header: "序时进度", align: "right" },
    ...(withProbability ? [{ header: "P", align: "right" } as const] : []),
    { header: "Status" },
  ];
  const rows = a.rows.map((r): TextCell[] => [
    [r.targetId, ...wrapText(r.nameZh, NAME_WIDTH), ...wrapText(r.nameEn, NAME_WIDTH)],
    r.year === null ? MISSING : String(r.year),
    targetCell(r),
    latestCell(r),
    projectedCell(r),
    gapCell(r),
    growthCell(r),
    r.firstYearMet === null ? MISSING : String(r.firstYearMet),
    progressCell(r),
    ...(withProbability ? [probabilityCell(r)] : []),
    statusCell(r),
  ]);
  return textTable(columns, rows, { spaced: true });
}

function legend(a: Assessment): string[] {
  const levels = [
    ...new Set(a.rows.flatMap((r) => (r.interval === null ? [] : [r.interval.level]))),
  ];
  const out = [
    "",
    "Gap: projected - target, in the target's unit (and relative to the target). Growth a year:",
    "required from the latest observation to meet the target (req.) vs implied by the scenario",
    "(impl.). 序时进度: share of the plan period elapsed at the latest observation (exp.) vs share",
    "of the way from the base-year value to the target already covered (act.).",
  ];
  if (levels.length > 0)
    out.push(
      `Intervals: ${levels.map((l) => `${formatNumber(l * 100)}%`).join(", ")} prediction intervals.`,
    );
  if (a.rows.some((r) => r.probability !== null))
    out.push("P: probability of attainment from the simulated paths.");
  return out;
}

function notes(a: Assessment): string[] {
  const rows = a.rows.filter((r) => r.notes.length > 0);
  if (rows.length === 0) return [];
  const out = ["", "Notes"];
  for (const r of rows) {
    out.push(`  ${r.targetId}`);
    for (const note of r.notes) out.push(...hanging(note, "    - ", "      "));
  }
  return out;
}

/** Long lines of prose (notes, data needs) are wrapped to this many terminal columns. */
const PROSE_WIDTH = 100;

/** Wraps text after a first-line prefix, indenting the following lines. */
function hanging(text: string, first: string, rest: string): string[] {
  return wrapText(text, PROSE_WIDTH - displayWidth(first)).map(
    (line, i) => (i === 0 ? first : rest) + line,
  );
}

function readiness(a: Assessment): string[] {
  const rows = a.rows.filter((r) => r.status === "insufficient-data");
  if (rows.length === 0) return ["Data readiness: every target can be evaluated."];
  const out = [
    `Data readiness — what would make the ${rows.length} insufficient-data target(s) evaluable`,
  ];
  for (const r of rows) {
    out.push(`  ${r.targetId}  ${r.nameZh} / ${r.nameEn}`);
    if (r.missing.length === 0) out.push("    (no missing observation recorded; see the notes)");
    for (const need of r.missing) out.push(...hanging(needText(need), "    - ", "      "));
  }
  return out;
}

function disparity(a: Assessment): string[] {
  const rows = a.disparity ?? [];
  if (rows.length === 0) return ["Regional disparity: no per-capita indicator to compare."];
  const columns: TextColumn[] = DISPARITY_HEADERS.map((header, k) => ({
    header,
    ...(k >= 3 && k <= 7 ? { align: "right" as const } : {}),
  }));
  const out = [
    "Regional disparity 区域差距 — across the places, weighted by the ratio's denominator",
    ...textTable(columns, rows.map(disparityCells)).map((l) => `  ${l}`),
  ];
  for (const d of rows)
    if (d.missing.length > 0)
      out.push(
        ...hanging(`${d.indicator} ${d.year} needs ${disparityMissingText(d)}`, "  - ", "    "),
      );
  return out;
}

function discrepancies(a: Assessment): string[] {
  if (a.discrepancies.length === 0)
    return ["Discrepancies (group observed vs aggregated from places): none."];
  const columns: TextColumn[] = [
    { header: "Scope" },
    { header: "Indicator" },
    { header: "Year", align: "right" },
    { header: "Observed", align: "right" },
    { header: "Aggregated", align: "right" },
    { header: "Difference", align: "right" },
    { header: "Places with data" },
  ];
  const rows = a.discrepancies.map((d): TextCell[] => [
    d.scope,
    d.indicator,
    String(d.year),
    formatNumber(d.observed),
    formatNumber(d.aggregated),
    discrepancyRelative(d),
    d.placesWithData.length === 0
      ? MISSING
      : `${d.placesWithData.length}: ${d.placesWithData.join(", ")}`,
  ]);
  return [
    "Discrepancies — group observed vs aggregated from places",
    ...textTable(columns, rows).map((l) => `  ${l}`),
  ];
}
