// The quarterly layout in Markdown: the document of buildQuarterlyDocument as GitHub tables.

import type { ReportFormatInput } from "../reportFormatDefinition.js";
import { escapeMarkdown } from "./markdownText.js";
import {
  buildQuarterlyDocument,
  type QuarterlyScenario,
  type QuarterlyTable,
  type QuarterlyTarget,
} from "./quarterlyDocument.js";

function tableRow(cells: readonly string[]): string {
  return `| ${cells.join(" | ")} |`;
}

/** A table: headers `中文 English`, ids as code, lines joined with `<br>`, totals in bold. */
function table(t: QuarterlyTable): string[] {
  return [
    tableRow(t.columns.map((c) => `${escapeMarkdown(c.zh)} ${escapeMarkdown(c.en)}`)),
    tableRow(t.columns.map((c) => (c.align === "right" ? "---:" : "---"))),
    ...t.rows.map((row) =>
      tableRow(
        row.cells.map((lines, j) => {
          const [first = "", ...rest] = lines;
          const head = t.columns[j]?.code === true ? `\`${first}\`` : escapeMarkdown(first);
          const text = [head, ...rest.map(escapeMarkdown)].filter((l) => l !== "").join("<br>");
          return row.emphasis && j === 0 && text !== "" ? `**${text}**` : text;
        }),
      ),
    ),
  ];
}

function targetSection(t: QuarterlyTarget, h: string): string[] {
  const { row } = t;
  const out = [
    `${h} \`${row.targetId}\` ${escapeMarkdown(row.nameZh)}`,
    "",
    `${escapeMarkdown(row.nameEn)} · 范围 scope: ${escapeMarkdown(t.scopeName)} (\`${row.scope}\`)`,
    "",
    tableRow(["项目 Item", "数值 Value"]),
    tableRow(["---", "---:"]),
    ...t.facts.map((f) =>
      tableRow([
        `${escapeMarkdown(f.zh)} ${escapeMarkdown(f.en)}`,
        f.lines.map(escapeMarkdown).join("<br>"),
      ]),
    ),
    "",
    `${h}# 各县（市、区）对差距的贡献 Contributions of the places to the gap`,
    "",
  ];
  if (!t.contributions.ok) return [...out, escapeMarkdown(t.contributions.text), ""];
  return [
    ...out,
    ...t.contributions.lines.flatMap((l) => [escapeMarkdown(l), ""]),
    ...table(t.contributions.table),
    "",
  ];
}

function scenarioSection(s: QuarterlyScenario, h: string, date: string): string[] {
  const out = [
    `数据截至 Data as of ${s.asOf} · 情景 Scenario \`${s.scenario}\` (${escapeMarkdown(s.scenarioName)}) · 报告日期 Date ${date}`,
    "",
    `目标 Targets: ${s.targets.length + s.readiness.length}${s.summary === "" ? "" : ` — ${escapeMarkdown(s.summary)}`}`,
    "",
    `${h} 一、总体情况 Overview`,
    "",
    ...(s.hiddenCount > 0
      ? [
          `${s.hiddenCount} 项数据不足的目标未列出 targets without enough data are left out (see 三).`,
          "",
        ]
      : []),
    ...table(s.overview),
    "",
    `${h} 二、分项目标 Targets one by one`,
    "",
  ];
  if (s.targets.length === 0) out.push("无可评估的目标 No target can be judged.", "");
  for (const t of s.targets) out.push(...targetSection(t, `${h}#`));
  out.push(`${h} 三、数据不足的目标 Targets without enough data`, "");
  if (s.readiness.length === 0) out.push("所有目标均可评估 Every target can be judged.", "");
  for (const r of s.readiness) {
    out.push(`- \`${r.targetId}\` ${escapeMarkdown(r.nameZh)} ${escapeMarkdown(r.nameEn)}`);
    for (const n of r.needs) out.push(`  - ${escapeMarkdown(n.text)}`);
  }
  if (s.readiness.length > 0) out.push("");
  return out;
}

/**
 * The quarterly monitoring report in Markdown: the title, then for each scenario the overview
 * table (base, latest, target, 序时进度 expected vs actual, pace, status), a section per judged
 * target (its facts and the places' contributions to its gap), the targets without enough data,
 * and the method notes. Text from the data is escaped as in the standard Markdown report.
 */
export function renderQuarterlyMarkdown(input: ReportFormatInput): string {
  const doc = buildQuarterlyDocument({
    fn: input.fn,
    assessment: input.assessment,
    title: input.title,
    only: input.only,
    pack: input.pack,
    date: input.run.date,
  });
  const out = [
    `# ${escapeMarkdown(doc.title)}`,
    "",
    "季度监测报告 Quarterly monitoring report",
    "",
  ];
  if (!doc.packGiven)
    out.push(
      "未提供区域包：基期值与各地贡献从略。 Without the pack, the base values and the places' contributions are left out.",
      "",
    );
  const h = doc.collection ? "###" : "##";
  for (const s of doc.scenarios) {
    if (doc.collection) out.push(`## ${escapeMarkdown(s.title)}`, "");
    out.push(...scenarioSection(s, h, doc.date));
  }
  out.push("## 说明 Notes", "");
  for (const [zh, en] of doc.notes) out.push(`- ${escapeMarkdown(zh)}`, `  ${escapeMarkdown(en)}`);
  return `${out.join("\n")}\n`;
}
