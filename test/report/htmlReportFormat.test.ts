// renderReport's html format: renderHtmlReport's document with the run record at its end.
import { describe, expect, it } from "vitest";
import { assessPack, qujingPack, renderReport } from "../../src/index.js";

describe("renderReport, format html", () => {
  const trend = assessPack(qujingPack, "trend");

  it("is one self-contained document ending with the run record", async () => {
    const html = await renderReport(trend, {
      format: "html",
      pack: qujingPack,
      date: "2026-03-31",
    });
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toContain("<svg");
    expect(html).not.toMatch(/<script|<link|src=|href=/);
    expect(html).toMatch(
      /<footer class="run">运行记录 Run: regionsim \d+\.\d+\.\d+ · pack qujing \(data [0-9a-f]{28}\) · trend \(latest observation used: \d{4}\) · 2026-03-31<\/footer>\n<\/body>/,
    );
  });

  it("passes only on: with judged, a dashboard of the judged targets, the readiness list of the others", async () => {
    const html = await renderReport(trend, {
      format: "html",
      pack: qujingPack,
      date: "2026-03-31",
      only: "judged",
    });
    const dashboard = html.slice(html.indexOf("<table>"), html.indexOf("</table>"));
    // Qujing's trend scenario judges 4 of its 30 targets (urbanization with the county panel's
    // summary); the 26 others lack data.
    expect(dashboard.match(/<tr>/g)).toHaveLength(1 + 4);
    expect(dashboard).not.toContain("数据不足");
    expect(html).toContain("26 项数据不足的目标未列出");
    const readiness = html.slice(html.indexOf("<h2>数据准备"), html.indexOf("<h2>情景假设"));
    expect(readiness.match(/<li>[^<]*<span class="en">/g)).toHaveLength(26);
  });

  it("gives the latest observation used in the header and the run record alike", async () => {
    const html = await renderReport(trend, {
      format: "html",
      pack: qujingPack,
      date: "2026-03-31",
    });
    // The city's resident population of 2024 is the latest observation the projection used.
    expect(trend.asOf).toBe(2024);
    expect(html).toContain("latest observation used: 2024)");
    expect(html).toContain("trend (latest observation used: 2024) · 2026-03-31</footer>");
    expect(html).not.toMatch(/data as of 2024/);
  });

  it("renders several scenarios as their comparison, then each one's report", async () => {
    const plan = assessPack(qujingPack, "plan");
    const html = await renderReport([trend, plan], { format: "html", pack: qujingPack });
    const compared = html.indexOf('情景比较 <span class="en">The scenarios side by side</span>');
    expect(compared).toBeGreaterThan(0);
    // Each scenario's own report follows, in order, and the file stays self-contained.
    const heads = [...html.matchAll(/<h2 class="scenario">/g)].map((m) => m.index ?? 0);
    expect(heads).toHaveLength(2);
    expect(heads[0]).toBeGreaterThan(compared);
    expect(html).not.toMatch(/<script|<link|src=|href=/);
    // One row per target in the comparison table; the gaps chart is drawn.
    const table = html.slice(compared, heads[0]);
    expect((table.match(/<tr>/g) ?? []).length).toBe(qujingPack.targets.length + 1);
    expect(table).toContain("<svg");
    await expect(
      renderReport([trend, { ...plan, pack: "other" }], { format: "html" }),
    ).rejects.toThrow(/^renderReport: the html format renders several scenarios of one pack/);
  });
});
