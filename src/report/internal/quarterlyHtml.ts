// The quarterly layout in HTML: the document of buildQuarterlyDocument in the style of the html
// report (one self-contained file, inline CSS, no script, A4 pages, Chinese first).

import type { ReportFormatInput } from "../reportFormatDefinition.js";
import { bar, bilingual, escapeHtml, htmlPage, statusChip } from "./htmlParts.js";
import {
  buildQuarterlyDocument,
  PACE_LABELS,
  paceOf,
  type QuarterlyScenario,
  type QuarterlyTable,
  type QuarterlyTarget,
} from "./quarterlyDocument.js";

/** Styles of the quarterly report beside the html report's. */
const QUARTERLY_CSS = `
table.overview td:first-child { min-width: 36mm; }
table.facts td:first-child { width: 45%; }
table.facts td.num { white-space: normal; }
tr.total td { font-weight: bold; border-top: 0.75pt solid #8c959f; }
.pace.ahead { color: #1a7f37; }
.pace.behind { color: #cf222e; }
.target { break-inside: avoid; page-break-inside: avoid; }
.lines { color: #57606a; font-size: 8.5pt; }
`;

const lines = (cells: readonly string[]) => cells.map(escapeHtml).join("<br>");

/** A table: bilingual headers, ids in `<code>`, numbers right-aligned, totals in bold. */
function table(t: QuarterlyTable, className = ""): string {
  const head = t.columns.map((c) => `<th>${bilingual(c.zh, c.en)}</th>`).join("");
  const body = t.rows.map((row) => {
    const cells = row.cells.map((cell, j) => {
      const column = t.columns[j];
      const [first = "", ...rest] = cell;
      const text =
        column?.code === true
          ? [`<code>${escapeHtml(first)}</code>`, ...rest.map(escapeHtml)].join("<br>")
          : lines(cell);
      return `<td${column?.align === "right" ? ' class="num"' : ""}>${text}</td>`;
    });
    return `<tr${row.emphasis ? ' class="total"' : ""}>${cells.join("")}</tr>`;
  });
  const cls = className === "" ? "" : ` class="${className}"`;
  return `<table${cls}><thead><tr>${head}</tr></thead><tbody>${body.join("\n")}</tbody></table>`;
}

/** The overview: the document's table, with 序时进度 bars and status chips in place of text. */
function overview(s: QuarterlyScenario): string {
  const head = s.overview.columns.map((c) => `<th>${bilingual(c.zh, c.en)}</th>`).join("");
  const body = s.overview.rows.map((row, k) => {
    const r = s.overviewRows[k];
    const cells = row.cells.map((cell, j) => {
      if (r !== undefined && j === 4)
        return `<td class="bars">${bar("expected", "应 exp.", r.expectedProgress)}${bar("actual", "实 act.", r.actualProgress)}</td>`;
      if (r !== undefined && j === 5) {
        const pace = paceOf(r);
        return `<td class="pace ${pace ?? ""}">${lines(cell)}</td>`;
      }
      if (r !== undefined && j === 6) return `<td>${statusChip(r.status, r.statusZh)}</td>`;
      if (j === 0)
        return `<td><code>${escapeHtml(cell[0] ?? "")}</code><br>${escapeHtml(cell[1] ?? "")}<br><span class="en">${escapeHtml(cell[2] ?? "")}</span></td>`;
      return `<td${s.overview.columns[j]?.align === "right" ? ' class="num"' : ""}>${lines(cell)}</td>`;
    });
    return `<tr>${cells.join("")}</tr>`;
  });
  return `<table class="overview"><thead><tr>${head}</tr></thead><tbody>${body.join("\n")}</tbody></table>`;
}

function targetSection(t: QuarterlyTarget): string {
  const { row } = t;
  const facts: QuarterlyTable = {
    columns: [
      { zh: "项目", en: "Item", align: "left" },
      { zh: "数值", en: "Value", align: "right" },
    ],
    rows: t.facts.map((f) => ({ emphasis: false, cells: [[`${f.zh} ${f.en}`], f.lines] })),
  };
  const contributions = t.contributions.ok
    ? `${t.contributions.lines.map((l) => `<p class="lines">${escapeHtml(l)}</p>`).join("")}${table(t.contributions.table)}`
    : `<p>${escapeHtml(t.contributions.text)}</p>`;
  const pace = paceOf(row);
  const paceText =
    pace === null ? "" : ` · <span class="pace ${pace}">${escapeHtml(PACE_LABELS[pace].zh)}</span>`;
  return `<div class="target">
<h3><code>${escapeHtml(row.targetId)}</code> ${escapeHtml(row.nameZh)} <span class="en">${escapeHtml(row.nameEn)}</span></h3>
<p class="meta">范围 scope: ${escapeHtml(t.scopeName)} (${escapeHtml(row.scope)}) · ${statusChip(row.status, row.statusZh)}${paceText}</p>
${table(facts, "facts")}
<h3>${bilingual("各县（市、区）对差距的贡献", "Contributions of the places to the gap")}</h3>
${contributions}
</div>`;
}

function section(title: string, body: string): string {
  return `<section>\n<h2>${title}</h2>\n${body}\n</section>`;
}

function scenarioSections(s: QuarterlyScenario, date: string, collection: boolean): string[] {
  const meta = `<p class="meta">${escapeHtml(`${s.pack} · ${s.scenario} — ${s.scenarioName}`)} · 数据截至 data as of ${s.asOf} · 报告日期 date ${escapeHtml(date)}</p>`;
  const summary = s.summary === "" ? "" : `<p class="legend">${escapeHtml(s.summary)}</p>`;
  const hidden =
    s.hiddenCount > 0
      ? `<p>${bilingual(`${s.hiddenCount} 项数据不足的目标未列出。`, "Targets without enough data are left out (see 三).")}</p>`
      : "";
  const readiness =
    s.readiness.length === 0
      ? `<p>${bilingual("所有目标均可评估。", "Every target can be judged.")}</p>`
      : `<ul>${s.readiness
          .map(
            (r) =>
              `<li><code>${escapeHtml(r.targetId)}</code> ${escapeHtml(r.nameZh)} <span class="en">${escapeHtml(r.nameEn)}</span><ul>${r.needs
                .map((n) => `<li>${escapeHtml(n.text)}</li>`)
                .join("")}</ul></li>`,
          )
          .join("\n")}</ul>`;
  const heading = collection ? `<h2>${escapeHtml(s.title)}</h2>\n` : "";
  return [
    section(
      bilingual("一、总体情况", "Overview"),
      `${heading}${meta}${summary}${hidden}${overview(s)}`,
    ),
    section(
      bilingual("二、分项目标", "Targets one by one"),
      s.targets.length === 0
        ? `<p>${bilingual("无可评估的目标。", "No target can be judged.")}</p>`
        : s.targets.map(targetSection).join("\n"),
    ),
    section(bilingual("三、数据不足的目标", "Targets without enough data"), readiness),
  ];
}

/**
 * The quarterly monitoring report as one self-contained HTML file: the title, then for each
 * scenario the overview (序时进度 bars, pace, status chips), a block per judged target (its facts
 * and the places' contributions to its gap), the targets without enough data, and the method
 * notes. Every text from the data is escaped; no script, no reference outside the file.
 */
export function renderQuarterlyHtml(input: ReportFormatInput): string {
  const doc = buildQuarterlyDocument({
    fn: input.fn,
    assessment: input.assessment,
    title: input.title,
    only: input.only,
    pack: input.pack,
    date: input.run.date,
  });
  const noPack = doc.packGiven
    ? ""
    : `<p>${bilingual("未提供区域包：基期值与各地贡献从略。", "Without the pack, the base values and the places' contributions are left out.")}</p>`;
  const notes = `<ul>${doc.notes
    .map(([zh, en]) => `<li>${escapeHtml(zh)}<br><span class="en">${escapeHtml(en)}</span></li>`)
    .join("\n")}</ul>`;
  const sections = [
    ...doc.scenarios.flatMap((s) => scenarioSections(s, doc.date, doc.collection)),
    section(bilingual("说明", "Notes"), notes),
  ];
  return htmlPage(
    doc.title,
    `<h1>${escapeHtml(doc.title)}</h1>
<p class="en">季度监测报告 Quarterly monitoring report</p>
${noPack}
${sections.join("\n")}`,
    QUARTERLY_CSS,
  );
}
