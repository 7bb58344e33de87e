// The quarterly layout (季度监测 / 中期评估) of renderReport: md and html give, per target, the base
// and latest values, 序时进度, the status, the growth still required and the places'
// contributions to the gap; other formats refuse the layout, naming those that have it.
import { describe, expect, it } from "vitest";
import { gapContributions } from "../../src/analysis/gapContributions.js";
import { assessPack } from "../../src/assessment/assessPack.js";
import { ArgumentRangeError } from "../../src/internal/errors.js";
import { qujingPack } from "../../src/packs/qujing/qujingPack.js";
import { paceOf } from "../../src/report/internal/quarterlyDocument.js";
import { renderReport } from "../../src/report/renderReport.js";
import { REPORT_LAYOUTS } from "../../src/report/reportFormatDefinition.js";
import { formatsWithLayout } from "../../src/report/reportFormats.js";
import type { AssessmentRow } from "../../src/schemas/assessment.js";
import { syntheticPack } from "../helpers/syntheticPack.js";
import { sampleAssessment } from "./assessmentFixture.js";

const DATE = "2026-03-31";
const trend = assessPack(qujingPack, "trend");
const md = renderReport(trend, { format: "md", layout: "quarterly", pack: qujingPack, date: DATE });

/** The Markdown table row whose first cell starts with `start`. */
function rowOf(text: string, start: string): string {
  const line = text.split("\n").find((l) => l.startsWith(`| ${start}`));
  if (line === undefined) throw new Error(`no row starting ${start}`);
  return line;
}

/** The section of one target, from its heading to the next target's. */
function sectionOf(text: string, targetId: string): string {
  const start = text.indexOf(`### \`${targetId}\``);
  if (start < 0) throw new Error(`no section of ${targetId}`);
  const next = text.indexOf("\n### ", start + 1);
  return text.slice(start, next < 0 ? undefined : next);
}

describe("the quarterly layout in Markdown, on Qujing's trend assessment", () => {
  it("is Chinese first, with the layout's headings", () => {
    expect(md.split("\n")[0]).toBe("# qujing · trend — Trend: recent data continue");
    for (const heading of [
      "季度监测报告 Quarterly monitoring report",
      "## 一、总体情况 Overview",
      "## 二、分项目标 Targets one by one",
      "## 三、数据不足的目标 Targets without enough data",
      "## 说明 Notes",
    ])
      expect(md).toContain(heading);
    expect(md).toContain(`报告日期 Date ${DATE}`);
  });

  it("gives the GDP target's 2020 base from the pack data and its latest year", () => {
    // The city's GDP in 2020 as the pack observes it (CSMAR_GH): 2959.35 → "2,959 100M yuan".
    const observed = qujingPack.dataset.observations.filter(
      (o) => o.place === "city" && o.indicator === "gdp",
    );
    expect(observed.find((o) => o.year === 2020)?.value).toBe(2959.35);
    const latestYear = Math.max(...observed.map((o) => o.year));
    const overview = rowOf(md, "`gdp-2035-double`");
    expect(overview).toContain("| 2,959 100M yuan |");
    expect(overview).toContain(`(${latestYear})`);
    const section = sectionOf(md, "gdp-2035-double");
    expect(section).toContain("| 基期值 Base (2020) | 2,959 100M yuan<br>");
    expect(section).toContain(`| 最新值 Latest (${latestYear}) |`);
    // 序时进度: (2023 − 2020) / (2035 − 2020) = 20% of the plan period has elapsed.
    expect(section).toContain("| 序时进度 Time elapsed (expected progress) | 20% |");
    expect(section).toContain("| 状态 Status | 符合序时进度<br>on-track |");
  });

  it("lists the nine places' contributions to the GDP gap and their 2020 GDP doubled as targets", () => {
    const section = sectionOf(md, "gdp-2035-double");
    // Qilin's 2020 GDP 905.88 (CSMAR county table): its part of the doubled target is 1,812.
    expect(rowOf(section, "麒麟区<br>qilin")).toMatch(/^\| 麒麟区<br>qilin \| 905\.9 \| 1,812 \|/);
    for (const place of qujingPack.dataset.groups.find((g) => g.id === "city")?.members ?? [])
      expect(section).toContain(`<br>${place} |`);
    expect(section).toContain("| **各地合计<br>Places total** | 2,959 | 5,919 |");
    expect(section).toContain("**差额<br>Residual (city's series − its places)**");
  });

  it("says how far the central city's share is behind time elapsed, and who holds it back", () => {
    const row = trend.rows.find((r) => r.targetId === "central-city-gdp-share") as AssessmentRow;
    // Base 2020: (Qilin 905.88 + Zhanyi 305.53 + Malong 91.58) / the city's 2959.35
    // = 1302.99 / 2959.35 = 44.03%. Latest 2021: one year of five elapsed, 20%; the share moved
    // from 44.03% to 44.26% of the way to 65%, about 1%: behind time elapsed.
    expect(row.expectedProgress).toBeCloseTo(0.2, 12);
    expect(row.latest?.value).toBeCloseTo(44.26, 2);
    expect(paceOf(row)).toBe("behind");
    expect(rowOf(md, "`central-city-gdp-share`")).toContain("| 44.03% | 44.26 (2021) |");
    const section = sectionOf(md, "central-city-gdp-share");
    expect(section).toContain("慢于序时进度");
    expect(section).toContain(
      "| 尚需快于其余部分 Faster than the rest of the whole, a year (required / implied) |",
    );
    expect(section).toContain("| 麒麟区<br>qilin |");
    expect(section).toContain("**差距<br>Gap (projected − target)**");
  });

  it("adds the places' contributions and the residual up to the gap it prints", () => {
    for (const id of ["central-city-gdp-share", "gdp-2035-double"]) {
      const c = gapContributions(qujingPack, trend, id);
      if (!c.ok) throw new Error(c.reason);
      const sum = c.places.reduce((s, p) => s + (p.contribution ?? 0), 0);
      expect(sum + c.residual).toBeCloseTo(c.gap, 9);
    }
  });

  it("lists the targets without enough data with what they need", () => {
    const part = md.slice(md.indexOf("## 三、"));
    expect(part).toContain("- `trade-growth` 外贸进出口总额年均增长");
    expect(md).not.toContain("### `trade-growth`");
  });

  it("leaves the insufficient-data rows out of the overview with only: judged", () => {
    const judged = renderReport(trend, {
      format: "md",
      layout: "quarterly",
      pack: qujingPack,
      date: DATE,
      only: "judged",
    });
    expect(judged).not.toContain("| `trade-growth`");
    expect(judged).toContain("26 项数据不足的目标未列出");
    expect(judged).toContain("- `trade-growth`");
  });

  it("is the same for the same input and date", () => {
    expect(
      renderReport(trend, { format: "md", layout: "quarterly", pack: qujingPack, date: DATE }),
    ).toBe(md);
  });
});

describe("the quarterly layout without the pack, and for several scenarios", () => {
  it("says that the base values and contributions need the pack", () => {
    const text = renderReport(sampleAssessment, { format: "md", layout: "quarterly", date: DATE });
    expect(text).toContain(
      "Without the pack, the base values and the places' contributions are left out.",
    );
  });

  it("gives each scenario its own heading", () => {
    const pack = syntheticPack();
    const a = assessPack(pack, "steady");
    const text = renderReport([a, a], { format: "md", layout: "quarterly", pack, date: DATE });
    expect(text.match(/^## synthetic · steady — Steady growth$/gm)).toHaveLength(2);
    expect(text).toContain("#### `gdp-level`");
  });
});

describe("the quarterly layout in HTML", () => {
  it("is one self-contained document, Chinese first, ending with the run record", async () => {
    const html = await renderReport(trend, {
      format: "html",
      layout: "quarterly",
      pack: qujingPack,
      date: DATE,
    });
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).not.toMatch(/<script|<link|src=|href=/);
    expect(html).toContain("@page { size: A4;");
    expect(html).toContain('一、总体情况 <span class="en">Overview</span>');
    expect(html).toContain("各县（市、区）对差距的贡献");
    expect(html).toContain(
      '<tr class="total"><td>各地合计<br>Places total</td><td class="num">2,959</td>',
    );
    expect(html).toMatch(
      /<footer class="run">运行记录 Run: regionsim .* · 2026-03-31<\/footer>\n<\/body>/,
    );
  });

  it("escapes text from the data", async () => {
    const hostile = {
      ...sampleAssessment,
      rows: sampleAssessment.rows.map((r) => ({ ...r, nameZh: "<img src=x onerror=alert(1)>" })),
    };
    const html = await renderReport(hostile, { format: "html", layout: "quarterly", date: DATE });
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });
});

describe("layouts and formats", () => {
  it("offers the quarterly layout in md and html", () => {
    expect(REPORT_LAYOUTS).toEqual(["standard", "quarterly"]);
    expect(formatsWithLayout("quarterly")).toEqual(["md", "html"]);
    expect(formatsWithLayout("standard")).toEqual([
      "text",
      "md",
      "csv",
      "xlsx",
      "html",
      "vega-lite",
    ]);
  });

  it("refuses the quarterly layout in the other formats, naming those that have it", () => {
    for (const format of ["text", "csv", "xlsx"] as const)
      expect(() => renderReport(sampleAssessment, { format, layout: "quarterly" })).toThrow(
        new ArgumentRangeError(
          `renderReport: options.layout "quarterly" needs options.format "md" or "html" (got "${format}")`,
          { code: "out-of-range", path: "options.layout" },
        ),
      );
  });
});
