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
      /<footer class="run">运行记录 Run: regionsim \d+\.\d+\.\d+ · pack qujing \(data [0-9a-f]{28}\) · trend \(data as of \d{4}\) · 2026-03-31<\/footer>\n<\/body>/,
    );
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
