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

  it("renders one assessment, and says so for a list", async () => {
    const plan = assessPack(qujingPack, "plan");
    await expect(renderReport([trend, plan], { format: "html" })).rejects.toThrow(
      "renderReport: the html format renders one assessment (got a list of 2); render each scenario on its own",
    );
  });
});
