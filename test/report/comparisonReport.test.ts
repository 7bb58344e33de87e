// A report of several scenarios sets them side by side before each scenario's own report.
import { describe, expect, it } from "vitest";
import { compareScenarios } from "../../src/analysis/compareScenarios.js";
import { qujingPack } from "../../src/packs/qujing/qujingPack.js";
import { formatAssessmentMarkdown } from "../../src/report/formatAssessmentMarkdown.js";
import { formatAssessmentText } from "../../src/report/formatAssessmentText.js";
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
