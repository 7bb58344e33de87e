// How the reports show a target judged at constant prices and its judgement at current prices.
import { describe, expect, it } from "vitest";
import {
  ASSESSMENT_CSV_COLUMNS,
  assessPack,
  formatAssessmentCsv,
  formatAssessmentMarkdown,
  formatAssessmentText,
} from "../../src/index.js";
import { parseCsv } from "../../src/io/internal/parseCsv.js";
import { pricedPack } from "../helpers/pricedPack.js";

const assessment = assessPack(pricedPack(), "steady");

describe("reports of targets at constant prices", () => {
  it("the CSV has the basis and the judgement at current prices in columns of their own", () => {
    expect(ASSESSMENT_CSV_COLUMNS).toContain("basis");
    expect(ASSESSMENT_CSV_COLUMNS.filter((c) => c.startsWith("nominal_"))).toEqual([
      "nominal_latest_year",
      "nominal_latest_value",
      "nominal_projected",
      "nominal_met",
      "nominal_gap_absolute",
      "nominal_gap_relative",
      "nominal_required_growth",
      "nominal_implied_growth",
      "nominal_status",
    ]);
    const { records } = parseCsv(formatAssessmentCsv(assessment, { bom: false }));
    const [header, ...rows] = records.map((r) => r.fields);
    const row = (id: string) => {
      const fields = rows.find((r) => r[(header ?? []).indexOf("target_id")] === id) ?? [];
      return Object.fromEntries((header ?? []).map((name, i) => [name, fields[i] ?? ""]));
    };
    // Real 5% a year against 6%; at current prices 1.05 × 1.03 − 1 = 8.15%.
    expect(row("growth-real")).toMatchObject({
      basis: "real",
      projected: "5",
      status: "needs-acceleration",
      nominal_latest_year: "2022",
      nominal_projected: "8.15",
      nominal_met: "true",
      nominal_status: "on-track",
    });
    expect(row("growth-nominal")).toMatchObject({ basis: "", nominal_status: "" });
  });

  it("the text and Markdown reports mark the target real and note the nominal judgement first", () => {
    const text = formatAssessmentText(assessment);
    expect(text).toContain("≥ 6%/yr, real");
    expect(text).toContain(
      "at current prices (nominal): projected 8.15%/yr in 2025, gap +2.15 (+35.8%), growth req.",
    );
    const markdown = formatAssessmentMarkdown(assessment);
    expect(markdown).toContain("≥ 200 100M yuan, real");
    expect(markdown).toMatch(/at current prices \(nominal\): projected 218\.\d 100M yuan in 2030/);
  });
});
