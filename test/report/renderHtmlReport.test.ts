import { beforeAll, describe, expect, it } from "vitest";
import { assessPack } from "../../src/assessment/assessPack.js";
import { ArgumentTypeError } from "../../src/internal/errors.js";
import { qujingPack } from "../../src/packs/qujing/qujingPack.js";
import { renderHtmlReport } from "../../src/report/renderHtmlReport.js";
import { buildReportDocument } from "../../src/report/reportDocument.js";
import { vegaLiteSpecs } from "../../src/report/vegaLiteSpecs.js";
import type { Assessment } from "../../src/schemas/assessment.js";

let assessment: Assessment;
let html: string;

beforeAll(async () => {
  assessment = assessPack(qujingPack, "trend");
  html = await renderHtmlReport(assessment, { pack: qujingPack });
});

/** The markup with every SVG namespace declaration (a name, not a reference) removed. */
function withoutNamespaces(text: string): string {
  return text.replace(/\sxmlns(:\w+)?="http:\/\/www\.w3\.org\/[^"]*"/g, "");
}

describe("renderHtmlReport", () => {
  it("is one self-contained file: no script, no link, no reference that leaves the file", () => {
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link/i);
    expect(html).not.toMatch(/<iframe|<object|<embed|<img/i);
    expect(html).not.toMatch(/\s(src|href|xlink:href)\s*=/i);
    expect(html).not.toMatch(/url\s*\(/i);
    expect(html).not.toMatch(/@import/i);
    // No tag carries an address but the SVG namespaces (text may quote one, escaped, as text).
    expect(withoutNamespaces(html)).not.toMatch(/<[^>]*(https?:)?\/\/[^>]*>/i);
    expect(html).toMatch(/xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  });

  it("prints on A4 with a page break before each section after the first", () => {
    expect(html).toContain("@page { size: A4;");
    expect(html).toMatch(/section \{ break-before: page; page-break-before: always; \}/);
    expect(html.match(/<section>/g)?.length).toBe(6);
  });

  it("has the dashboard row of every target with its status colour, Chinese first", () => {
    expect(html).toContain('<html lang="zh-CN">');
    for (const row of assessment.rows) expect(html).toContain(row.nameZh);
    // gdp-rank-top70 needs acceleration: amber; gdp-2035-double is on track: green.
    expect(html).toContain(
      '<span class="status" style="background:#f0b429;color:#1f1f1f">需加快进度 <small>needs-acceleration</small></span>',
    );
    expect(html).toContain('style="background:#57ab5a;color:#ffffff">符合序时进度');
    expect(html.indexOf("目标完成情况")).toBeLessThan(html.indexOf("Targets at a glance"));
  });

  it("draws 序时进度 bars at the expected and actual progress of a row", () => {
    // The bars' widths are the progress fractions in % (clamped to 0–100).
    const judged = assessment.rows.filter((r) => r.expectedProgress !== null);
    expect(judged.length).toBeGreaterThan(0);
    for (const r of judged) {
      const width = Math.min(100, Math.max(0, (r.expectedProgress ?? 0) * 100)).toFixed(1);
      expect(html).toContain(
        `<div class="bar expected"><span style="width:${width}%"></span></div>`,
      );
    }
  });

  it("inlines a chart with marks for every spec, with CJK text", () => {
    const svgs = html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
    // Two fan charts (the resident urbanization rate and GDP 2035, the level or growth targets
    // judged), the central city's share, the county GDP small multiples, four disparity charts
    // and the σ-convergence of GDP per capita: one per chart vegaLiteSpecs gives.
    expect(svgs.length).toBe(9);
    expect(svgs.length).toBe(Object.keys(vegaLiteSpecs(assessment, { pack: qujingPack })).length);
    for (const svg of svgs) {
      expect(svg).toMatch(/role-mark/);
      expect(svg).toMatch(/<path /);
      expect(svg).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("lists the readiness needs and the scenario's assumptions with their reasons", () => {
    const scenario = qujingPack.scenarios.find((s) => s.id === "trend");
    expect(scenario?.models.length).toBeGreaterThan(0);
    // The reasons are escaped like any text (an apostrophe becomes &#39;).
    const escaped = (t: string) =>
      t
        .replace(/&/g, "&amp;")
        .replace(/</g, "&lt;")
        .replace(/>/g, "&gt;")
        .replace(/"/g, "&quot;")
        .replace(/'/g, "&#39;");
    for (const m of scenario?.models ?? []) expect(html).toContain(escaped(m.reason));
    // Each readiness entry as the report document words it (`city · trade · year 2020: why`).
    const readiness = buildReportDocument(assessment).scenarios[0]?.readiness ?? [];
    expect(readiness.length).toBeGreaterThan(0);
    for (const r of readiness)
      for (const n of r.needs) expect(html).toContain(`<li>${escaped(n.text)}</li>`);
  });

  it("escapes text from the data: a name with markup stays text", async () => {
    const hostile: Assessment = {
      ...assessment,
      scenarioName: "<b>bold</b>",
      rows: assessment.rows.map((r) =>
        r.targetId === "gdp-2035-double"
          ? { ...r, nameZh: "<script>alert(1)</script>", nameEn: '"><img src=x onerror=alert(2)>' }
          : r,
      ),
    };
    const out = await renderHtmlReport(hostile, { pack: qujingPack, title: "<i>t</i> & co" });
    expect(out).not.toMatch(/<script|<img|<b>|<i>/i);
    expect(out).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(out).toContain("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;");
    expect(out).toContain("<title>&lt;i&gt;t&lt;/i&gt; &amp; co</title>");
  });

  it("keeps a target's comparator with its number, so its narrow column wraps before the unit", () => {
    // Every target cell: `≥`, `≤` or `≈`, a no-break space, the number (and unit).
    const cells = [...html.matchAll(/<td class="num target">([^<]*)<br>/g)].map((m) => m[1]);
    expect(cells).toHaveLength(assessment.rows.length);
    for (const cell of cells) expect(cell).toMatch(/^(rank |places )?[≥≤≈]&nbsp;[\d,.]+/);
    // GDP in 2035 at least double 2020's 2,959.35 (100M yuan, the Qujing yearbook): 5,918.7.
    expect(html).toContain('<td class="num target">≥&nbsp;5,919 100M yuan, real<br>2035</td>');
  });

  it("says what 'data as of' is: the judged targets' latest observation, and the latest used", () => {
    // The judged targets rest on real GDP and the rank, observed to 2023 (GDP index 2023, rank
    // 2023); the projection also used the city's resident population of 2024.
    expect(html).toContain(
      "数据截至 data as of 2023 (已评估目标的最新观测 latest observation of a judged target; 所用观测最新年份 latest observation used: 2024)",
    );
  });

  it("writes the scenario's assumptions for every place or indicator in words", () => {
    // The trend scenario's first model is `scope: "*", indicator: "*"`: theta.
    expect(html).toContain("<li>所有地区 all places × 所有指标 all indicators: theta — ");
    expect(html).toContain("<li>所有地区 all places × primary_share_pct: drift — ");
    expect(html).not.toContain("* × *");
  });

  it("with only: judged, leaves the insufficient-data targets out of the dashboard, not the readiness list", async () => {
    const judged = await renderHtmlReport(assessment, { pack: qujingPack, only: "judged" });
    const dashboard = judged.slice(judged.indexOf("<table>"), judged.indexOf("</table>"));
    const shown = assessment.rows.filter((r) => r.status !== "insufficient-data");
    const left = assessment.rows.filter((r) => r.status === "insufficient-data");
    expect(shown.map((r) => r.targetId)).toEqual([
      "urbanization-resident",
      "central-city-gdp-share",
      "gdp-rank-top70",
      "gdp-2035-double",
    ]);
    expect(dashboard.match(/<tr>/g)).toHaveLength(1 + shown.length);
    for (const r of shown) expect(dashboard).toContain(r.nameZh);
    expect(dashboard).not.toContain("insufficient-data");
    expect(judged).toContain(
      `<p>${left.length} 项数据不足的目标未列出，见“数据准备”。 <span class="en">${left.length} insufficient-data targets are not shown; the data readiness section says what they need.</span></p>`,
    );
    // The readiness list keeps every one of them.
    const readiness = judged.slice(judged.indexOf("数据准备"), judged.indexOf("情景假设"));
    for (const r of left) expect(readiness).toContain(r.nameZh);
    // The same charts: the fan charts are of judged targets anyway.
    expect(judged.match(/<svg/g)).toHaveLength(9);
    // Without `only`, every row, and no such sentence.
    expect(
      html.slice(html.indexOf("<table>"), html.indexOf("</table>")).match(/<tr>/g),
    ).toHaveLength(1 + assessment.rows.length);
    expect(html).not.toContain("项数据不足的目标未列出");
    await expect(renderHtmlReport(assessment, { only: "some" } as never)).rejects.toThrow(
      /^renderHtmlReport: options\.only must be "all" or "judged"/,
    );
  });

  it("works without a pack, and refuses bad options naming the parameter", async () => {
    const bare = await renderHtmlReport(assessment);
    expect(bare).toContain("Pass the pack to list the assumptions.");
    await expect(renderHtmlReport(assessment, { title: 3 } as never)).rejects.toThrow(
      "renderHtmlReport: options.title must be a string (got 3)",
    );
    await expect(renderHtmlReport(assessment, { titel: "x" } as never)).rejects.toThrow(
      "renderHtmlReport: options.titel is not an option; did you mean title?",
    );
    await expect(renderHtmlReport(undefined as never)).rejects.toThrow(ArgumentTypeError);
  });
});
