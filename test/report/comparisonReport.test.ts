// A report of several scenarios sets them side by side before each scenario's own report.
import ExcelJS from "exceljs";
import { compile } from "vega-lite";
import { describe, expect, it } from "vitest";
import { compareScenarios } from "../../src/analysis/compareScenarios.js";
import { qujingPack } from "../../src/packs/qujing/qujingPack.js";
import { formatAssessmentMarkdown } from "../../src/report/formatAssessmentMarkdown.js";
import { formatAssessmentText } from "../../src/report/formatAssessmentText.js";
import { renderReport } from "../../src/report/renderReport.js";
import { buildReportDocument } from "../../src/report/reportDocument.js";

describe("the comparison of scenarios in a report", () => {
  it("has a row per target and the changes from the first scenario", async () => {
    const c = await compareScenarios(qujingPack, ["trend", "plan"]);
    const doc = buildReportDocument(c.assessments);
    const table = doc.comparison;
    if (table === null) throw new Error("two scenarios of one pack have a comparison");
    expect(table.rows).toHaveLength(qujingPack.targets.length);
    for (const [i, row] of table.rows.entries()) {
      const cells = c.rows[i]?.cells ?? [];
      expect(row.values.target_id).toBe(c.rows[i]?.targetId);
      expect(row.values["trend:projected"]).toBe(cells[0]?.projected ?? null);
      expect(row.values["plan:projected"]).toBe(cells[1]?.projected ?? null);
      const t = cells[0]?.projected;
      const p = cells[1]?.projected;
      expect(row.values["plan:projected_change"]).toBe(
        t == null || p == null ? null : p - t === 0 ? 0 : p - t,
      );
      expect(row.values["plan:status"]).toBe(cells[1]?.status);
    }
    // One assessment, or two of different packs: nothing to compare.
    expect(buildReportDocument(c.assessments[0] as never).comparison).toBeNull();
    expect(
      buildReportDocument([c.assessments[0], { ...c.assessments[1], pack: "other" }] as never)
        .comparison,
    ).toBeNull();
  });

  it("comes first in the text and Markdown reports", async () => {
    const c = await compareScenarios(qujingPack, ["trend", "plan", "downside"]);
    const md = formatAssessmentMarkdown(c.assessments);
    const at = md.indexOf("## 情景比较 Scenarios compared");
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(md.indexOf("## qujing · trend"));
    expect(md).toContain(
      "| trend (projected / status) | plan (projected, change / status) | downside (projected, change / status) |",
    );
    const text = formatAssessmentText(c.assessments);
    expect(text.startsWith("Scenarios compared 情景比较 — changes from trend\n\n")).toBe(true);
    // The GDP row shows each scenario's status in both languages.
    const gdp = c.rows.find((r) => r.targetId === "gdp-2035-double");
    for (const cell of gdp?.cells ?? []) expect(text).toContain(`${cell.status} ${cell.statusZh}`);
  });
});

describe("the comparison in the other formats", () => {
  it("csv: the changes from the first scenario on every row", async () => {
    const c = await compareScenarios(qujingPack, ["trend", "plan"]);
    const csv = renderReport(c.assessments, { format: "csv", date: "2026-03-31" });
    const [header, ...records] = csv
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(header).toContain(
      ",compared_with,projected_change,probability_change,status_changed,run_library_version,",
    );
    // The GDP target's row under plan: its change is plan's projection less trend's.
    const gdp = c.rows.find((r) => r.targetId === "gdp-2035-double");
    const change = (gdp?.cells[1]?.projected ?? 0) - (gdp?.cells[0]?.projected ?? 0);
    const planRow = records.find((r) => r.startsWith("qujing,plan,gdp-2035-double,"));
    expect(planRow).toContain(`,trend,${Number(change.toPrecision(12))},,false,`);
    const trendRow = records.find((r) => r.startsWith("qujing,trend,gdp-2035-double,"));
    expect(trendRow).toContain(",trend,,,,regionsim ");
  });

  it("vega-lite: each scenario's charts in its folder, and the gaps side by side", async () => {
    const c = await compareScenarios(qujingPack, ["trend", "plan"]);
    const specs = renderReport(c.assessments, { format: "vega-lite", pack: qujingPack });
    const names = Object.keys(specs);
    expect(names[0]).toBe("compare-gaps.vl.json");
    expect(names).toContain("trend/fan-gdp-2035-double.vl.json");
    expect(names).toContain("plan/fan-gdp-2035-double.vl.json");
    const gaps = specs["compare-gaps.vl.json"];
    // One point per scenario and target with a relative gap.
    const expected = c.assessments.flatMap((a) =>
      a.rows.filter((r) => r.gap?.relative != null).map((r) => [a.scenario, r.targetId]),
    );
    expect(gaps?.data.values).toHaveLength(expected.length);
    for (const spec of Object.values(specs)) expect(compile(spec as never).spec).toBeTruthy();
  });

  it("xlsx: a first sheet with the scenarios side by side", async () => {
    const c = await compareScenarios(qujingPack, ["trend", "plan"]);
    const bytes = await renderReport(c.assessments, { format: "xlsx", date: "2026-03-31" });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    if (sheet === undefined) throw new Error("the workbook has no sheet");
    expect(sheet.name).toBe("情景比较 Compare");
    const english = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(english).toContain("plan: projected − first");
    // One row per target under the two header rows; numbers are numbers.
    expect(sheet.rowCount).toBe(2 + qujingPack.targets.length);
    const col = english.indexOf("plan: projected") + 1;
    const gdpRow = c.rows.findIndex((r) => r.targetId === "gdp-2035-double") + 3;
    expect(sheet.getRow(gdpRow).getCell(col).value).toBeCloseTo(
      c.rows.find((r) => r.targetId === "gdp-2035-double")?.cells[1]?.projected ?? Number.NaN,
      6,
    );
  });
});
