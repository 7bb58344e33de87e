import type { Assessment } from "../schemas/assessment.js";
import { checkReportOptions } from "./internal/checkReportOptions.js";
import { documentOf } from "./internal/documentOf.js";
import type { ReportColumn, ReportRows, ReportScenario, ReportTable } from "./reportDocument.js";

/** Options of {@link formatAssessmentMarkdown}. */
export interface FormatAssessmentMarkdownOptions {
  /**
   * Title of the document (its `#` heading). Default: `<pack> · <scenario> — <scenario name>`
   * for one assessment, `<pack> — assessment of the plan targets` for several.
   */
  readonly title?: string;
  /** `judged` leaves out the `insufficient-data` rows (the data-readiness list keeps them). */
  readonly only?: ReportRows;
}

/**
 * Formats an assessment as a Markdown document (GitHub-flavoured tables): a table of every
 * target under each scenario (id, Chinese and English name, year, target, latest observation,
 * projected value with interval, gap, growth a year required vs implied, first year met,
 * 序时进度 expected vs actual progress, probability when simulated, status with its Chinese
 * label), then the notes of each row, the data-readiness list (what would make each
 * `insufficient-data` target evaluable), the discrepancies between group observations and their
 * aggregate from places, the regional disparity across places (with what each comparison
 * lacks), and the issues met; when there are share targets, how much faster a year each part
 * must grow than the rest of its whole, and when the pack declares a place-table indicator, the
 * county table 各县（市、区） before the disparity. It renders the document of {@link buildReportDocument}.
 *
 * Given several assessments (one per scenario), each gets its own `##` section. Text from the
 * data (names, notes, reasons) is escaped so that it cannot break a table nor become a link or
 * an image (`[`, `]` and `!` are escaped too: `![](https://…)` would load a remote image).
 *
 * @param assessment - an {@link Assessment} (rates inside are fractions) or a list of them.
 * @returns the document, ending with a newline.
 * @throws {ArgumentTypeError} `formatAssessmentMarkdown: the assessment does not match
 *   AssessmentSchema (<path>: <message>)` when handed something that is not a valid assessment, e.g. a number
 *   that is `NaN` or infinite (it would otherwise be printed).
 *   Also `formatAssessmentMarkdown: assessment must be an assessment or a list of them (got nothing)`;
 *   `formatAssessmentMarkdown: options.title must be a string (got 3)`;
 *   `formatAssessmentMarkdown: options.titel is not an option; did you mean title? (…)`.
 * @example
 * const md = formatAssessmentMarkdown({
 *   pack: "demo", scenario: "trend", scenarioName: "Trend", asOf: 2023,
 *   rows: [], discrepancies: [], readiness: [], issues: [],
 * });
 * md.split("\n")[0]; // "# demo · trend — Trend"
 */
export function formatAssessmentMarkdown(
  assessment: Assessment | readonly Assessment[],
  options: FormatAssessmentMarkdownOptions = {},
): string {
  checkReportOptions("formatAssessmentMarkdown", options, { title: "string", only: "string" });
  const doc = documentOf("formatAssessmentMarkdown", assessment, options);
  const out = [`# ${escapeMarkdown(doc.title)}`, ""];
  if (doc.collection) {
    out.push(`Scenarios: ${doc.scenarios.map((s) => `\`${s.header.scenario}\``).join(", ")}.`);
    for (const s of doc.scenarios)
      out.push("", `## ${escapeMarkdown(s.header.title)}`, "", ...section(s, "###"));
  } else {
    for (const s of doc.scenarios) out.push(...section(s, "##"));
  }
  return `${out.join("\n")}\n`;
}

/**
 * Escapes text for a Markdown table cell or paragraph: backslash, `|`, emphasis and code marks,
 * angle brackets, and `[`, `]` and `!` (so that `![](https://…)` in a scenario name cannot
 * render as a remote image, nor `[a](…)` as a link); line breaks (CRLF, LF or a lone CR, all
 * line ends in CommonMark) become `<br>`, tabs and the other whitespace controls a space, and
 * any other control character (ESC, BEL, NUL, DEL, C1) U+FFFD, as in the text report.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\|*_`<>[\]!]/g, (c) => `\\${c}`)
    .replace(/\r\n|\r|\n/g, "<br>")
    .replace(/[\t\v\f\u0085\u2028\u2029]/g, " ")
    .replace(/\p{Cc}/gu, "\uFFFD");
}

function tableRow(cells: readonly string[]): string {
  return `| ${cells.join(" | ")} |`;
}

/**
 * A cell: ids as code, a list of ids as it is, other text escaped; the target's id as code
 * above its escaped names; lines joined with `<br>`.
 */
function cell(column: ReportColumn | undefined, lines: readonly string[]): string {
  switch (column?.kind) {
    case "id":
      return lines.map((l) => `\`${l}\``).join("<br>");
    case "ids":
      return lines.join("<br>");
    case "target": {
      const [id = "", ...names] = lines;
      return [`\`${id}\``, ...names.map(escapeMarkdown)].join("<br>");
    }
    default:
      return lines.map(escapeMarkdown).join("<br>");
  }
}

function table(t: ReportTable): string[] {
  return [
    tableRow(t.columns.map((c) => (c.detail === null ? c.en : `${c.en} ${c.detail}`))),
    tableRow(t.columns.map((c) => (c.align === "right" ? "---:" : "---"))),
    ...t.rows.map((row) => tableRow(row.cells.map((c, j) => cell(t.columns[j], c.lines)))),
  ];
}

function section(s: ReportScenario, h: string): string[] {
  const { header } = s;
  const n = header.targetCount;
  const out = [
    `Pack \`${header.pack}\`, scenario \`${header.scenario}\` (${escapeMarkdown(header.scenarioName)}). Data as of ${header.asOf}. ` +
      `${n} target${n === 1 ? "" : "s"}${header.summary === "" ? "." : `: ${header.summary}.`}`,
    "",
  ];
  if (header.hiddenCount > 0) {
    const k = header.hiddenCount;
    out.push(
      `${k} insufficient-data target${k === 1 ? " is" : "s are"} not shown; the data readiness list says what ${k === 1 ? "it needs" : "they need"}.`,
      "",
    );
  }
  out.push(...targetTable(s));
  out.push(...notes(s, h));
  if (s.shareGaps.length > 0) {
    out.push("", `${h} Share targets: growth over the rest 份额目标所需增速差`, "");
    for (const g of s.shareGaps) out.push(`- \`${g.targetId}\`: ${escapeMarkdown(g.text)}`);
  }
  out.push("", `${h} Data readiness`, "", ...readiness(s, h));
  out.push("", `${h} Discrepancies`, "", ...discrepancies(s.discrepancies));
  for (const t of s.placeTables)
    out.push("", `${h} ${escapeMarkdown(t.title)}`, "", ...table(t.table));
  out.push("", `${h} Regional disparity`, "", ...disparity(s));
  if (s.issues.length > 0) {
    out.push("", `${h} Issues`, "");
    for (const issue of s.issues) out.push(`- ${escapeMarkdown(issue.text)}`);
  }
  return out;
}

function targetTable(s: ReportScenario): string[] {
  if (s.targets.rows.length === 0) return ["No targets."];
  const { terms, intervals, probability } = s.legend;
  const legend = [...terms.map((t) => t.text), intervals?.text, probability ?? undefined];
  return [...table(s.targets), "", legend.filter((t) => t !== undefined).join(" ")];
}

function notes(s: ReportScenario, h: string): string[] {
  if (s.notes.length === 0 && s.sharedNotes.length === 0) return [];
  const out = ["", `${h} Notes`, ""];
  for (const r of s.notes) {
    const [only] = r.notes;
    if (r.notes.length === 1 && only !== undefined) {
      out.push(`- \`${r.targetId}\`: ${escapeMarkdown(only)}`);
      continue;
    }
    out.push(`- \`${r.targetId}\`:`);
    for (const note of r.notes) out.push(`  - ${escapeMarkdown(note)}`);
  }
  // A note that several targets carry (e.g. one about a source), once, with all their ids.
  for (const shared of s.sharedNotes)
    out.push(
      `- ${shared.targetIds.map((id) => `\`${id}\``).join(", ")}: ${escapeMarkdown(shared.note)}`,
    );
  return out;
}

function readiness(s: ReportScenario, h: string): string[] {
  const n = s.readiness.length;
  if (n === 0) return ["Every target can be evaluated."];
  const out = [
    n === 1
      ? "1 target cannot be evaluated yet. These observations would make it evaluable:"
      : `${n} targets cannot be evaluated yet. These observations would make them evaluable:`,
  ];
  for (const r of s.readiness) {
    out.push(
      "",
      `${h}# \`${r.targetId}\` — ${escapeMarkdown(r.nameZh)} / ${escapeMarkdown(r.nameEn)}`,
      "",
    );
    if (r.needs.length === 0) out.push("- No missing observation recorded; see the notes.");
    for (const need of r.needs)
      out.push(
        `- \`${need.scope}\` · \`${need.indicator}\` · ${need.yearsText}: ${escapeMarkdown(need.why)}`,
      );
  }
  return out;
}

function disparity(s: ReportScenario): string[] {
  const { table: t, lacking } = s.disparity;
  if (t.rows.length === 0) return ["No per-capita indicator to compare."];
  const out = [
    "Across the places, weighted by the ratio's denominator (population): Williamson's weighted " +
      "coefficient of variation, Theil's T, the Gini coefficient.",
    "",
    ...table(t),
  ];
  if (lacking.length > 0 || s.disparity.breaks.length > 0) out.push("");
  for (const b of s.disparity.breaks) out.push(`- ${escapeMarkdown(b.text)}`);
  for (const d of lacking)
    out.push(`- \`${d.indicator}\` ${d.yearsText} needs ${escapeMarkdown(d.text)}`);
  return out;
}

function discrepancies(t: ReportTable): string[] {
  if (t.rows.length === 0) return ["None recorded."];
  return [
    "A group's value observed directly vs the same value aggregated from its places.",
    "",
    ...table(t),
  ];
}
