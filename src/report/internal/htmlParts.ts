// Pieces of the HTML report: escaping, the style sheet, the targets dashboard.

import type { AssessmentRow, Status } from "../../schemas/assessment.js";
import {
  gapCell,
  growthCell,
  latestCell,
  probabilityCell,
  projectedCell,
  targetCell,
} from "./assessmentCells.js";
import { formatPercent } from "./formatNumber.js";

const ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text made safe inside an HTML element or a quoted attribute (OWASP XSS prevention rule 1). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/**
 * A whole HTML document around `body` (the inside of `<body>`): Chinese, UTF-8, the report's
 * style sheet (and `extraCss`), nothing loaded from outside.
 */
export function htmlPage(title: string, body: string, extraCss = ""): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${REPORT_CSS}${extraCss}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** Chinese then English, the English in a quieter span: `目标 <span class="en">Target</span>`. */
export function bilingual(zh: string, en: string): string {
  return `${escapeHtml(zh)} <span class="en">${escapeHtml(en)}</span>`;
}

/** Fill of each status (green to red; grey for want of data), and its text colour. */
export const STATUS_COLOURS: Readonly<
  Record<Status, { readonly fill: string; readonly text: string }>
> = {
  achieved: { fill: "#1a7f37", text: "#ffffff" },
  "on-track": { fill: "#57ab5a", text: "#ffffff" },
  "needs-acceleration": { fill: "#f0b429", text: "#1f1f1f" },
  "off-track": { fill: "#cf222e", text: "#ffffff" },
  "insufficient-data": { fill: "#d0d7de", text: "#1f1f1f" },
};

/** The style sheet: A4 pages, a section a page, CJK fonts first. */
export const REPORT_CSS = `
@page { size: A4; margin: 16mm 14mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei",
  "WenQuanYi Micro Hei", sans-serif; font-size: 10pt; color: #1f1f1f; margin: 0 auto; max-width: 190mm; }
h1 { font-size: 17pt; margin: 0 0 4pt; }
h2 { font-size: 13pt; border-bottom: 1.5pt solid #1f3b73; padding-bottom: 2pt; margin: 14pt 0 6pt; }
h3 { font-size: 11pt; margin: 10pt 0 4pt; }
.en { color: #57606a; font-weight: normal; }
.meta { color: #57606a; margin: 0 0 8pt; }
section { break-before: page; page-break-before: always; }
section:first-of-type { break-before: auto; page-break-before: auto; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; }
th, td { border-bottom: 0.5pt solid #d0d7de; padding: 3pt 4pt; vertical-align: top; text-align: left; }
th { background: #f6f8fa; }
td.num { text-align: right; white-space: nowrap; }
td.num.target { white-space: normal; min-width: 20mm; }
td.num.growth { white-space: normal; }
tr { break-inside: avoid; page-break-inside: avoid; }
.status { display: inline-block; padding: 1pt 5pt; border-radius: 3pt; white-space: nowrap; }
.status small { display: block; }
.bars { width: 22mm; }
.bar { position: relative; height: 6pt; background: #eaeef2; margin: 1pt 0; }
.bar > span { position: absolute; left: 0; top: 0; bottom: 0; }
.bar.expected > span { background: #8c959f; }
.bar.actual > span { background: #1f3b73; }
.bar-label { font-size: 7.5pt; color: #57606a; }
figure { margin: 6pt 0 10pt; break-inside: avoid; page-break-inside: avoid; }
figure svg { max-width: 100%; height: auto; }
ul { padding-left: 14pt; margin: 4pt 0; }
li { margin: 2pt 0; }
.legend span { display: inline-block; margin-right: 8pt; white-space: nowrap; }
`;

/** A progress bar of a fraction (clamped to 0–100% for its width; the label keeps the value). */
export function bar(kind: "expected" | "actual", label: string, fraction: number | null): string {
  if (fraction === null) return "";
  const width = Math.min(100, Math.max(0, fraction * 100));
  return (
    `<div class="bar-label">${label} ${escapeHtml(formatPercent(fraction, { digits: 0 }))}</div>` +
    `<div class="bar ${kind}"><span style="width:${width.toFixed(1)}%"></span></div>`
  );
}

/** The status as a coloured label, Chinese first. */
export function statusChip(status: Status, statusZh: string): string {
  const { fill, text } = STATUS_COLOURS[status];
  return `<span class="status" style="background:${fill};color:${text}">${escapeHtml(statusZh)} <small>${escapeHtml(status)}</small></span>`;
}

/**
 * The target's text with a no-break space after its comparator (`≥ 5,919 100M yuan` wraps before
 * the unit, never between `≥` and the number), so the narrow target column can wrap.
 */
const keepSymbolWithNumber = (html: string) => html.replace(/([≥≤≈]) /g, "$1&nbsp;");

const lines = (cells: readonly string[]) => cells.map(escapeHtml).join("<br>");
/**
 * The growth cell's lines, each allowed to wrap after its label only (`req.` / `+2.2&nbsp;pp/yr`),
 * so that a rate's longer unit does not widen the dashboard past an A4 sheet.
 */
const growthLines = (cells: readonly string[]) =>
  cells.map((c) => escapeHtml(c).replace(/ (pp\/yr)/g, "&nbsp;$1")).join("<br>");

/**
 * The dashboard of the targets: one row per target with its condition, latest and projected
 * values, gap, growth required vs implied, 序时进度 bars (expected vs actual), the probability
 * when simulated, and its status in colour.
 */
export function dashboardTable(rows: readonly AssessmentRow[], simulated: boolean): string {
  const head = [
    bilingual("目标", "Target"),
    bilingual("目标值", "Target value"),
    bilingual("最新值", "Latest"),
    bilingual("预测值", "Projected"),
    bilingual("差距", "Gap"),
    bilingual("年均增速 需/预", "Growth req./impl."),
    bilingual("序时进度", "expected vs actual"),
    ...(simulated ? [bilingual("达成概率", "Probability")] : []),
    bilingual("状态", "Status"),
  ];
  const body = rows.map((row) => {
    const cells = [
      `<td>${escapeHtml(row.nameZh)}<br><span class="en">${escapeHtml(row.nameEn)}</span></td>`,
      `<td class="num target">${keepSymbolWithNumber(escapeHtml(targetCell(row)))}<br>${row.year ?? ""}</td>`,
      `<td class="num">${escapeHtml(latestCell(row))}</td>`,
      `<td class="num">${lines(projectedCell(row))}</td>`,
      `<td class="num">${lines(gapCell(row))}</td>`,
      `<td class="num growth">${growthLines(growthCell(row))}</td>`,
      `<td class="bars">${bar("expected", "应 exp.", row.expectedProgress)}${bar("actual", "实 act.", row.actualProgress)}</td>`,
      ...(simulated ? [`<td class="num">${escapeHtml(probabilityCell(row))}</td>`] : []),
      `<td>${statusChip(row.status, row.statusZh)}</td>`,
    ];
    return `<tr>${cells.join("")}</tr>`;
  });
  return `<table><thead><tr>${head.map((h) => `<th>${h}</th>`).join("")}</tr></thead><tbody>${body.join("\n")}</tbody></table>`;
}
