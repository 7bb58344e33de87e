// The HTML report of several scenarios: the comparison, then each scenario's report.

import { comparisonRows } from "../../analysis/compareScenarios.js";
import { ArgumentRangeError } from "../../internal/errors.js";
import type { Assessment } from "../../schemas/assessment.js";
import { htmlReportBody } from "../renderHtmlReport.js";
import { renderVegaLiteSvg } from "../renderVegaLiteSvg.js";
import type { ReportFormatInput } from "../reportFormatDefinition.js";
import { withUnit } from "./assessmentCells.js";
import { comparisonChartSpec } from "./comparisonChartSpec.js";
import { formatNumber, formatPercent, MISSING } from "./formatNumber.js";
import { bilingual, escapeHtml, htmlPage, statusChip } from "./htmlParts.js";

/** The comparison table: per target, each scenario's projection (change), status and probability. */
function comparisonTableHtml(list: readonly Assessment[]): string {
  const rows = comparisonRows(list);
  const simulated = list.some((a) => a.simulation !== undefined);
  const head = [
    bilingual("目标", "Target"),
    ...list.map((a, i) =>
      i === 0
        ? `${escapeHtml(a.scenarioName)} <span class="en">${escapeHtml(a.scenario)}</span>`
        : `${escapeHtml(a.scenarioName)} <span class="en">${escapeHtml(a.scenario)}, change from ${escapeHtml(list[0]?.scenario ?? "")}</span>`,
    ),
  ];
  const body = rows.map((r) => {
    const cells = r.cells.map((c, i) => {
      const projected = c.projected === null ? MISSING : withUnit(c.projected, r.unit);
      const change =
        i === 0 || c.projectedChange === null
          ? ""
          : ` (${formatNumber(c.projectedChange, { signed: true })})`;
      const p = !simulated
        ? ""
        : `<br>P ${escapeHtml(formatPercent(c.probability, { digits: 0 }))}${
            i === 0 || c.probabilityChange === null
              ? ""
              : ` (${escapeHtml(formatPercent(c.probabilityChange, { digits: 0, signed: true }))})`
          }`;
      return `<td class="num">${escapeHtml(projected + change)}${p}<br>${statusChip(c.status, c.statusZh)}</td>`;
    });
    const year = r.year === null ? "" : ` · ${r.year}`;
    return `<tr><td>${escapeHtml(r.nameZh)}<br><span class="en">${escapeHtml(r.nameEn)}${year}</span></td>${cells.join("")}</tr>`;
  });
  return `<table><thead><tr>${head.map((h) => `<th>${h}</th>`).join("")}</tr></thead><tbody>${body.join("\n")}</tbody></table>`;
}

/**
 * The HTML report of several scenarios of one pack: the scenarios side by side (the comparison
 * table, statuses in colour, and the chart of the gaps), then the report of each scenario in
 * turn, as one self-contained file.
 */
export async function comparisonHtml(
  input: ReportFormatInput,
  list: readonly Assessment[],
): Promise<string> {
  const ids = (a: Assessment) => a.rows.map((r) => r.targetId).join("\n");
  if (list.some((a) => a.pack !== list[0]?.pack || ids(a) !== ids(list[0] as Assessment)))
    throw new ArgumentRangeError(
      `${input.fn}: the html format renders several scenarios of one pack with the same targets (got ${list.map((a) => `${a.pack}/${a.scenario}`).join(", ")})`,
      { code: "out-of-range", path: "assessment" },
    );
  const pack = input.pack;
  const title =
    input.title ??
    (pack === null
      ? `${list[0]?.pack ?? ""} · ${list.map((a) => a.scenario).join(" / ")}`
      : `${pack.nameZh}《${pack.plan.titleZh}》 · 情景比较`);
  const spec = comparisonChartSpec(list);
  const chart =
    spec === null
      ? ""
      : `<figure role="img" aria-label="${escapeHtml(spec.title.text.join(" · "))}">${await renderVegaLiteSvg(spec)}<figcaption class="en">${escapeHtml(spec.description)}</figcaption></figure>`;
  const reports: string[] = [];
  for (const assessment of list) {
    const { heading, body } = await htmlReportBody(input.fn, assessment, {
      ...(pack === null ? {} : { pack }),
    });
    reports.push(
      `<article class="scenario">\n<h2 class="scenario">${escapeHtml(heading)}</h2>\n${body}\n</article>`,
    );
  }
  return htmlPage(
    title,
    `<h1>${escapeHtml(title)}</h1>
<p class="meta">${bilingual("情景", "Scenarios")}: ${list.map((a) => escapeHtml(`${a.scenario} — ${a.scenarioName}`)).join(" · ")}</p>
<section>
<h2>${bilingual("情景比较", "The scenarios side by side")}</h2>
${comparisonTableHtml(list)}
${chart}
</section>
${reports.join("\n")}`,
  );
}
