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
  needYearsText,
  probabilityCell,
  progressCell,
  projectedCell,
  statusCell,
  statusSummary,
  targetCell,
} from "./internal/assessmentCells.js";
import { formatNumber, MISSING } from "./internal/formatNumber.js";

/** Options of {@link formatAssessmentMarkdown}. */
export interface FormatAssessmentMarkdownOptions {
  /**
   * Title of the document (its `#` heading). Default: `<pack> · <scenario> — <scenario name>`
   * for one assessment, `<pack> — assessment of the plan targets` for several.
   */
  readonly title?: string;
}

/**
 * Formats an assessment as a Markdown document (GitHub-flavoured tables): a table of every
 * target under each scenario (id, Chinese and English name, year, target, latest observation,
 * projected value with interval, gap, growth a year required vs implied, first year met,
 * 序时进度 expected vs actual progress, probability when simulated, status with its Chinese
 * label), then the notes of each row, the data-readiness list (what would make each
 * `insufficient-data` target evaluable), the discrepancies between group observations and their
 * aggregate from places, the regional disparity across places (with what each comparison
 * lacks), and the issues met.
 *
 * Given several assessments (one per scenario), each gets its own `##` section. Text from the
 * data (names, notes, reasons) is escaped so that it cannot break a table nor become a link or
 * an image (`[`, `]` and `!` are escaped too: `![](https://…)` would load a remote image).
 *
 * @param assessment - an {@link Assessment} (rates inside are fractions) or a list of them.
 * @returns the document, ending with a newline.
 * @throws {TypeError} `formatAssessmentMarkdown: the assessment does not match AssessmentSchema
 *   (<path>: <message>)` when handed something that is not a valid assessment, e.g. a number
 *   that is `NaN` or infinite (it would otherwise be printed).
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
  assertAssessment("formatAssessmentMarkdown", assessment);
  const out: string[] = [];
  if (isList(assessment)) {
    const pack = assessment[0]?.pack ?? "";
    out.push(
      `# ${escapeMarkdown(options.title ?? `${pack} — assessment of the plan targets`)}`,
      "",
    );
    out.push(`Scenarios: ${assessment.map((a) => `\`${a.scenario}\``).join(", ")}.`);
    for (const a of assessment) {
      out.push("", `## ${escapeMarkdown(defaultTitle(a))}`, "", ...section(a, "###"));
    }
  } else {
    out.push(`# ${escapeMarkdown(options.title ?? defaultTitle(assessment))}`, "");
    out.push(...section(assessment, "##"));
  }
  return `${out.join("\n")}\n`;
}

function isList(value: Assessment | readonly Assessment[]): value is readonly Assessment[] {
  return Array.isArray(value);
}

function defaultTitle(a: Assessment): string {
  return `${a.pack} · ${a.scenario} — ${a.scenarioName}`;
}

/**
 * Escapes text for a Markdown table cell or paragraph: backslash, `|`, emphasis and code marks,
 * angle brackets, and `[`, `]` and `!` (so that `![](https://…)` in a scenario name cannot
 * render as a remote image, nor `[a](…)` as a link); line breaks (CRLF, LF or a lone CR, all
 * line ends in CommonMark) become `<br>`.
 */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\|*_`<>[\]!]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, "<br>");
}

function cell(lines: string | readonly string[]): string {
  return (typeof lines === "string" ? [lines] : lines).map(escapeMarkdown).join("<br>");
}

function tableRow(cells: readonly string[]): string {
  return `| ${cells.join(" | ")} |`;
}

function section(a: Assessment, h: string): string[] {
  const out: string[] = [];
  const summary = statusSummary(a.rows);
  out.push(
    `Pack \`${a.pack}\`, scenario \`${a.scenario}\` (${escapeMarkdown(a.scenarioName)}). Data as of ${a.asOf}. ` +
      `${a.rows.length} target${a.rows.length === 1 ? "" : "s"}${summary === "" ? "." : `: ${summary}.`}`,
    "",
  );
  out.push(...targetTable(a));
  out.push(...notes(a, h));
  out.push("", `${h} Data readiness`, "", ...readiness(a, h));
  out.push("", `${h} Discrepancies`, "", ...discrepancies(a));
  out.push("", `${h} Regional disparity`, "", ...disparity(a));
  if (a.issues.length > 0) {
    out.push("", `${h} Issues`, "");
    for (const issue of a.issues) out.push(`- ${escapeMarkdown(formatIssue(issue))}`);
  }
  return out;
}

function targetTable(a: Assessment): string[] {
  if (a.rows.length === 0) return ["No targets."];
  const withProbability = a.rows.some((r) => r.probability !== null);
  const header = [
    "Target",
    "Year",
    "Target value",
    "Latest (year)",
    "Projected [interval]",
    "Gap (relative)",
    "Growth a year (req. / impl.)",
    "Met in",
    "序时进度 (exp. / act.)",
    ...(withProbability ? ["P"] : []),
    "Status",
  ];
  const align = [
    "---",
    "---:",
    "---",
    "---:",
    "---:",
    "---:",
    "---:",
    "---:",
    "---:",
    ...(withProbability ? ["---:"] : []),
    "---",
  ];
  const out = [tableRow(header), tableRow(align)];
  for (const r of a.rows) {
    out.push(
      tableRow([
        `\`${r.targetId}\`<br>${cell(r.nameZh)}<br>${cell(r.nameEn)}`,
        r.year === null ? MISSING : String(r.year),
        cell(targetCell(r)),
        cell(latestCell(r)),
        cell(projectedCell(r)),
        cell(gapCell(r)),
        cell(growthCell(r)),
        r.firstYearMet === null ? MISSING : String(r.firstYearMet),
        cell(progressCell(r)),
        ...(withProbability ? [cell(probabilityCell(r))] : []),
        cell(statusCell(r)),
      ]),
    );
  }
  const levels = [
    ...new Set(a.rows.flatMap((r) => (r.interval === null ? [] : [r.interval.level]))),
  ];
  out.push(
    "",
    "Gap: projected − target, in the target's unit (and relative to the target). Growth a year: " +
      "required from the latest observation to meet the target (req.) vs implied by the scenario " +
      "(impl.). 序时进度: share of the plan period elapsed at the latest observation (exp.) vs share " +
      "of the way from the base-year value to the target already covered (act.)." +
      (levels.length > 0
        ? ` Intervals: ${levels.map((l) => `${formatNumber(l * 100)}%`).join(", ")} prediction intervals.`
        : "") +
      (withProbability ? " P: probability of attainment from the simulated paths." : ""),
  );
  return out;
}

function notes(a: Assessment, h: string): string[] {
  const rows = a.rows.filter((r) => r.notes.length > 0);
  if (rows.length === 0) return [];
  const out = ["", `${h} Notes`, ""];
  for (const r of rows) {
    if (r.notes.length === 1) {
      out.push(`- \`${r.targetId}\`: ${escapeMarkdown(r.notes[0] as string)}`);
      continue;
    }
    out.push(`- \`${r.targetId}\`:`);
    for (const note of r.notes) out.push(`  - ${escapeMarkdown(note)}`);
  }
  return out;
}

function readiness(a: Assessment, h: string): string[] {
  const rows = a.rows.filter((r) => r.status === "insufficient-data");
  if (rows.length === 0) return ["Every target can be evaluated."];
  const out = [
    rows.length === 1
      ? "1 target cannot be evaluated yet. These observations would make it evaluable:"
      : `${rows.length} targets cannot be evaluated yet. These observations would make them evaluable:`,
  ];
  for (const r of rows) {
    out.push(
      "",
      `${h}# \`${r.targetId}\` — ${escapeMarkdown(r.nameZh)} / ${escapeMarkdown(r.nameEn)}`,
      "",
    );
    if (r.missing.length === 0) out.push("- No missing observation recorded; see the notes.");
    for (const need of r.missing)
      out.push(
        `- \`${need.scope}\` · \`${need.indicator}\` · ${needYearsText(need)}: ${escapeMarkdown(need.why)}`,
      );
  }
  return out;
}

function disparity(a: Assessment): string[] {
  const rows = a.disparity ?? [];
  if (rows.length === 0) return ["No per-capita indicator to compare."];
  const out = [
    "Across the places, weighted by the ratio's denominator (population): Williamson's weighted " +
      "coefficient of variation, Theil's T, the Gini coefficient.",
    "",
    tableRow([...DISPARITY_HEADERS]),
    tableRow(DISPARITY_HEADERS.map((_, k) => (k >= 3 && k <= 7 ? "---:" : "---"))),
    ...rows.map((d) => tableRow(disparityCells(d).map(escapeMarkdown))),
  ];
  const lacking = rows.filter((d) => d.missing.length > 0);
  if (lacking.length > 0) out.push("");
  for (const d of lacking)
    out.push(`- \`${d.indicator}\` ${d.year} needs ${escapeMarkdown(disparityMissingText(d))}`);
  return out;
}

function discrepancies(a: Assessment): string[] {
  if (a.discrepancies.length === 0) return ["None recorded."];
  const out = [
    "A group's value observed directly vs the same value aggregated from its places.",
    "",
    tableRow([
      "Scope",
      "Indicator",
      "Year",
      "Observed",
      "Aggregated",
      "Difference",
      "Places with data",
    ]),
    tableRow(["---", "---", "---:", "---:", "---:", "---:", "---"]),
  ];
  for (const d of a.discrepancies)
    out.push(
      tableRow([
        `\`${d.scope}\``,
        `\`${d.indicator}\``,
        String(d.year),
        formatNumber(d.observed),
        formatNumber(d.aggregated),
        discrepancyRelative(d),
        d.placesWithData.length === 0
          ? MISSING
          : `${d.placesWithData.length}: ${d.placesWithData.join(", ")}`,
      ]),
    );
  return out;
}
