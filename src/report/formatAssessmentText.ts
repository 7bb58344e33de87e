import type { Assessment } from "../schemas/assessment.js";
import { checkReportOptions } from "./internal/checkReportOptions.js";
import { displayWidth } from "./internal/displayWidth.js";
import { documentOf } from "./internal/documentOf.js";
import { printableStrings } from "./internal/printableText.js";
import { type TextCell, type TextColumn, textTable, wrapText } from "./internal/textTable.js";
import type { ReportDocument, ReportRows, ReportScenario, ReportTable } from "./reportDocument.js";

/** Options of {@link formatAssessmentText}. */
export interface FormatAssessmentTextOptions {
  /** First line of each section; default `<pack> · <scenario> — <scenario name>`. */
  readonly title?: string;
  /** Include the notes of each row (default true). */
  readonly notes?: boolean;
  /** `judged` leaves out the `insufficient-data` rows (the data-readiness list keeps them). */
  readonly only?: ReportRows;
}

/**
 * Formats an assessment as a plain-text report for a terminal: a table of every target (id,
 * Chinese and English name, year, target, latest observation, projected value with interval,
 * gap, growth a year required vs implied, first year met, 序时进度 expected vs actual progress,
 * probability when simulated, status with its Chinese label), then the notes of each row, the
 * data-readiness list (for each `insufficient-data` target, the observations that would make it
 * evaluable), the discrepancies between group observations and their aggregate from places, the
 * regional disparity across places (with what each comparison lacks), and the issues met on the
 * way; when there are share targets, how much faster a year each part must grow than the rest of
 * its whole, and when the pack declares a place-table indicator, the county table 各县（市、区）
 * before the disparity. It renders the document of {@link buildReportDocument}.
 *
 * Text from the data (names, notes, the title) is printed on one line each: line breaks and
 * tabs in it become spaces and other control characters (e.g. the ESC of a terminal escape
 * sequence) U+FFFD.
 *
 * Columns are aligned by display width (Unicode UAX #11: CJK characters take two columns); the
 * table is as wide as its content (names wrap at 30 columns) and is not fitted to the terminal.
 * With `only: "judged"` the `insufficient-data` rows are left out (a line counts them; the
 * data-readiness list keeps them). A note that several targets carry is printed once.
 * Numbers keep about four significant digits; growth and progress are shown as percentages;
 * a missing value is `—`. Given several assessments (e.g. one per scenario), it formats each in
 * turn, separated by a blank line.
 *
 * @param assessment - an {@link Assessment} (rates inside are fractions) or a list of them.
 * @returns the report, ending with a newline.
 * @throws {ArgumentTypeError} `formatAssessmentText: the assessment does not match
 *   AssessmentSchema (<path>: <message>)` when handed something that is not a valid assessment, e.g. a number
 *   that is `NaN` or infinite (it would otherwise be printed).
 *   Also `formatAssessmentText: assessment must be an assessment or a list of them (got nothing)`;
 *   `formatAssessmentText: options.title must be a string (got 3)`;
 *   `formatAssessmentText: options.titel is not an option; did you mean title? (…)`.
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
  checkReportOptions("formatAssessmentText", options, {
    title: "string",
    notes: "boolean",
    only: "string",
  });
  const doc = printableStrings(
    documentOf("formatAssessmentText", assessment, {
      ...(options.title === undefined ? {} : { title: options.title }),
      ...(options.only === undefined ? {} : { only: options.only }),
    }),
  );
  const sections = doc.scenarios.map((s) => section(doc, s, options.notes !== false).join("\n"));
  if (doc.comparison !== null) sections.unshift(comparison(doc, doc.comparison).join("\n"));
  return `${sections.join("\n\n\n")}\n`;
}

function section(doc: ReportDocument, s: ReportScenario, withNotes: boolean): string[] {
  const { header } = s;
  const out: string[] = [];
  out.push(doc.collection && !doc.titleGiven ? header.title : doc.title);
  const n = header.targetCount;
  out.push(
    `Data as of ${header.asOf} · ${n} target${n === 1 ? "" : "s"}${header.summary === "" ? "" : `: ${header.summary}`}`,
  );
  if (header.hiddenCount > 0) out.push(hiddenText(header.hiddenCount));
  out.push("");
  out.push(...targetTable(s.targets));
  out.push(...legend(s));
  if (withNotes) out.push(...notes(s));
  if (s.shareGaps.length > 0) out.push("", ...shareGaps(s));
  out.push("", ...readiness(s));
  out.push("", ...discrepancies(s.discrepancies));
  for (const t of s.placeTables) out.push("", t.title, ...indentedTable(t.table));
  out.push("", ...disparity(s));
  if (s.issues.length > 0) {
    out.push("", `Issues (${s.issues.length})`);
    for (const issue of s.issues) out.push(`  ${issue.text}`);
  }
  return out;
}

/**
 * Only the comparison of several scenarios, as the text report starts with it (what
 * `regionsim compare` prints); for fewer than two scenarios of one pack, a line saying there is
 * nothing to compare.
 */
export function formatComparisonText(
  assessments: readonly Assessment[],
  only: ReportRows = "all",
): string {
  const doc = printableStrings(documentOf("formatComparisonText", [...assessments], { only }));
  if (doc.comparison === null)
    return "Nothing to compare: give two or more scenarios of one pack.\n";
  const hidden = (assessments[0]?.rows.length ?? 0) - doc.comparison.rows.length;
  const note =
    hidden === 0
      ? ""
      : `\n${hidden} target${hidden === 1 ? "" : "s"} no scenario can judge (insufficient-data) not shown; --only all shows them.\n`;
  return `${comparison(doc, doc.comparison).join("\n")}\n${note}`;
}

/** The scenarios side by side, before each scenario's own report. */
function comparison(doc: ReportDocument, table: ReportTable): string[] {
  const [first] = doc.scenarios;
  return [
    `Scenarios compared 情景比较 — changes from ${first?.header.scenario ?? "the first"}`,
    "",
    ...targetTable(table),
  ];
}

/** Names are wrapped to this many terminal columns to keep the table narrow. */
const NAME_WIDTH = 30;

/** Long lines of prose (notes, data needs) are wrapped to this many terminal columns. */
const PROSE_WIDTH = 100;

/** The legend under the targets table is wrapped a little narrower than the prose below it. */
const LEGEND_WIDTH = 95;

function columnsOf(table: ReportTable): TextColumn[] {
  return table.columns.map((c) => ({ header: c.en, align: c.align }));
}

function targetTable(table: ReportTable): string[] {
  if (table.rows.length === 0) return ["(no targets)"];
  const rows = table.rows.map((row) =>
    row.cells.map((cell, j): TextCell => {
      if (table.columns[j]?.kind !== "target") return cell.lines;
      const [id = "", ...names] = cell.lines;
      return [id, ...names.flatMap((name) => wrapText(name, NAME_WIDTH))];
    }),
  );
  return textTable(columnsOf(table), rows, { spaced: true });
}

/**
 * The legend: the definitions as one wrapped paragraph (with an ASCII hyphen for the minus sign,
 * which is East Asian ambiguous width and drawn two columns wide in CJK terminals), then what the
 * intervals and the probability are, a line each.
 */
function legend(s: ReportScenario): string[] {
  const { terms, intervals, probability } = s.legend;
  const definitions = terms.map((t) => t.text.replace(/−/g, "-")).join(" ");
  const out = ["", ...wrapText(definitions, LEGEND_WIDTH)];
  if (intervals !== null) out.push(intervals.text);
  if (probability !== null) out.push(probability);
  return out;
}

/** The line that says how many rows `only: "judged"` left out. */
function hiddenText(count: number): string {
  return `${count} insufficient-data target${count === 1 ? " is" : "s are"} not shown; the data readiness list says what ${count === 1 ? "it needs" : "they need"}.`;
}

function notes(s: ReportScenario): string[] {
  if (s.notes.length === 0 && s.sharedNotes.length === 0) return [];
  const out = ["", "Notes"];
  for (const r of s.notes) {
    out.push(`  ${r.targetId}`);
    for (const note of r.notes) out.push(...hanging(note, "    - ", "      "));
  }
  // A note that several targets carry (e.g. one about a source), once, under all their ids.
  for (const shared of s.sharedNotes) {
    out.push(...hanging(shared.targetIds.join(", "), "  ", "  "));
    out.push(...hanging(shared.note, "    - ", "      "));
  }
  return out;
}

/** Wraps text after a first-line prefix, indenting the following lines. */
function hanging(text: string, first: string, rest: string): string[] {
  return wrapText(text, PROSE_WIDTH - displayWidth(first)).map(
    (line, i) => (i === 0 ? first : rest) + line,
  );
}

function readiness(s: ReportScenario): string[] {
  if (s.readiness.length === 0) return ["Data readiness: every target can be evaluated."];
  const out = [
    `Data readiness — what would make the ${s.readiness.length} insufficient-data target(s) evaluable`,
  ];
  for (const r of s.readiness) {
    out.push(`  ${r.targetId}  ${r.nameZh} / ${r.nameEn}`);
    if (r.needs.length === 0) out.push("    (no missing observation recorded; see the notes)");
    for (const need of r.needs) out.push(...hanging(need.text, "    - ", "      "));
  }
  return out;
}

function indentedTable(table: ReportTable): string[] {
  const rows = table.rows.map((row) => row.cells.map((cell) => cell.lines));
  return textTable(columnsOf(table), rows).map((l) => `  ${l}`);
}

function disparity(s: ReportScenario): string[] {
  const { table, lacking } = s.disparity;
  if (table.rows.length === 0) return ["Regional disparity: no per-capita indicator to compare."];
  const out = [
    "Regional disparity 区域差距 — across the places, weighted by the ratio's denominator",
    ...indentedTable(table),
  ];
  for (const b of s.disparity.breaks) out.push(...hanging(b.text, "  - ", "    "));
  for (const d of lacking)
    out.push(...hanging(`${d.indicator} ${d.yearsText} needs ${d.text}`, "  - ", "    "));
  return out;
}

function shareGaps(s: ReportScenario): string[] {
  const out = [
    "Share targets — how much faster a year the part must grow than the rest 份额目标所需增速差",
  ];
  for (const g of s.shareGaps) out.push(...hanging(`${g.targetId}: ${g.text}`, "  ", "    "));
  return out;
}

function discrepancies(table: ReportTable): string[] {
  if (table.rows.length === 0)
    return ["Discrepancies (group observed vs aggregated from places): none."];
  return ["Discrepancies — group observed vs aggregated from places", ...indentedTable(table)];
}
