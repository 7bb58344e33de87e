// What the report shows of places: the growth a share target's part needs over the rest, the
// county table 各县（市、区）, and the disparity over the places with data on a spliced basis.
import { describe, expect, it } from "vitest";
import { assessPack } from "../../src/assessment/assessPack.js";
import {
  buildReportDocument,
  formatAssessmentCsv,
  formatAssessmentMarkdown,
  formatAssessmentText,
  PLACE_TABLE_CSV_COLUMNS,
} from "../../src/index.js";
import { countyPack } from "../helpers/countyPack.js";
import { syntheticPack } from "../helpers/syntheticPack.js";

const county = assessPack(countyPack(), "steady");
const synthetic = assessPack(syntheticPack(), "steady");

describe("report: growth a share target's part needs over the rest", () => {
  it("says how much faster a year east must grow than west to hold 70% of the city, and how much faster it does", () => {
    // latest 2023: 133.1 / 190.98125 = 69.69%; required d = (70/30 / (133.1/57.88125))^(1/2) − 1
    // = 0.73% a year; implied: east 10% and west 5% a year, 1.1/1.05 − 1 = 4.76% a year
    const [gap] = buildReportDocument(synthetic).scenarios[0]?.shareGaps ?? [];
    expect(gap?.targetId).toBe("east-share");
    expect(gap?.required).toBeCloseTo(0.007321992112073961, 12);
    expect(gap?.implied).toBeCloseTo(1.1 / 1.05 - 1, 12);
    expect(gap?.text).toBe(
      "69.7% (2023) → ≈ 70% in 2025: east must grow 0.7% a year faster than the rest " +
        "((1+g_part)/(1+g_rest) = 1.007); the projection implies 4.8% a year faster than the rest.",
    );
    const text = formatAssessmentText(synthetic);
    expect(text).toContain(
      "\nShare targets — how much faster a year the part must grow than the rest 份额目标所需增速差\n  east-share: 69.7% (2023)",
    );
    expect(formatAssessmentMarkdown(synthetic)).toContain(
      "## Share targets: growth over the rest 份额目标所需增速差\n\n- `east-share`: 69.7% (2023)",
    );
  });

  it("says slower when the share must fall", () => {
    // the core holds 73.1% in 2021 against ≈ 65%: r0 = 173.55/63.81, r* = 65/35, 4 years
    const [gap] = buildReportDocument(county).scenarios[0]?.shareGaps ?? [];
    const r0 = (100 * 1.08 ** 5 + 20 * 1.1 ** 3) / (50 * 1.05 ** 5);
    expect(gap?.required).toBeCloseTo((65 / 35 / r0) ** (1 / 4) - 1, 12);
    expect(gap?.text).toContain("core must grow 9.1% a year slower than the rest");
  });

  it("writes the differentials as CSV columns (fractions), empty for other kinds", () => {
    const [header, ...lines] = formatAssessmentCsv(synthetic, { bom: false })
      .trimEnd()
      .split("\r\n");
    const columns = header?.split(",") ?? [];
    const at = (name: string) => columns.indexOf(name);
    expect(at("required_differential")).toBe(at("change_unit") + 1);
    expect(at("implied_differential")).toBe(at("change_unit") + 2);
    const share = lines.find((l) => l.includes(",east-share,"))?.split(",") ?? [];
    expect(Number(share[at("implied_differential")])).toBeCloseTo(1.1 / 1.05 - 1, 10);
    const level = lines.find((l) => l.includes(",gdp-level,"))?.split(",") ?? [];
    expect(level[at("required_differential")]).toBe("");
  });
});

describe("report: the county table 各县（市、区）", () => {
  const doc = buildReportDocument(county);
  const [t] = doc.scenarios[0]?.placeTables ?? [];

  it("has one table per placeTable indicator, with a row per place then group", () => {
    expect(t?.title).toBe("County table 各县（市、区） — gdp (100M yuan), projected to 2025");
    expect(t?.table.columns.map((c) => c.en)).toEqual([
      "Place",
      "Latest (year)",
      "2025",
      "Growth a year",
      "Share of city",
      "Per capita (year)",
      "Model",
    ]);
    expect(t?.table.rows.map((r) => r.cells[0]?.lines[0])).toEqual([
      "甲区 a",
      "乙县 b",
      "丙区 c",
      "全市 city (group)",
      "中心城区 core (group)",
    ]);
    // a: 100·1.08⁵ = 146.93 in 2021; 100·1.08⁹ = 199.90 in 2025; 8% a year; 61.9% → 83.9%;
    // 1e4·146.93/45 = 32,652 yuan per resident
    expect(t?.table.rows[0]?.cells.map((c) => c.lines)).toEqual([
      ["甲区 a"],
      ["146.9 (2021)"],
      ["199.9"],
      ["+8.0%"],
      ["61.9% → 83.9%"],
      ["32,652 (2021)", "per population_resident"],
      ["cagr"],
    ]);
    expect(t?.table.rows[4]?.cells[6]?.lines).toEqual(["sum of places"]);
  });

  it("prints it in text and Markdown before the disparity, and writes it as CSV", () => {
    const text = formatAssessmentText(county);
    const at = text.indexOf("County table 各县（市、区） — gdp (100M yuan), projected to 2025");
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(text.indexOf("Regional disparity 区域差距"));
    expect(text).toMatch(
      /\n {2}甲区 a +146\.9 \(2021\) +199\.9 +\+8\.0% +61\.9% → 83\.9% +32,652 \(2021\) +cagr\n/,
    );
    expect(formatAssessmentMarkdown(county)).toContain(
      "| 甲区 a | 146.9 (2021) | 199.9 | +8.0% | 61.9% → 83.9% | 32,652 (2021)<br>per population\\_resident | cagr |",
    );
    const csv = formatAssessmentCsv(county, { table: "places", bom: false })
      .trimEnd()
      .split("\r\n");
    expect(csv[0]).toBe(PLACE_TABLE_CSV_COLUMNS.join(","));
    expect(csv).toHaveLength(1 + 5);
    const a = csv[1]?.split(",") ?? [];
    const col = (name: string) => a[PLACE_TABLE_CSV_COLUMNS.indexOf(name as never)];
    expect(col("scope")).toBe("a");
    expect(Number(col("projected"))).toBeCloseTo(100 * 1.08 ** 9, 6);
    expect(Number(col("implied_growth"))).toBeCloseTo(0.08, 10);
    expect(col("per_capita_denominator")).toBe("population_resident");
  });

  it("is absent for a pack without a placeTable indicator, whose text has no such section", () => {
    expect(buildReportDocument(synthetic).scenarios[0]?.placeTables).toEqual([]);
    expect(formatAssessmentText(synthetic)).not.toContain("County table");
    expect(formatAssessmentCsv(synthetic, { table: "places", bom: false })).toBe(
      `${PLACE_TABLE_CSV_COLUMNS.join(",")}\r\n`,
    );
  });

  it("refuses an unknown table with a did-you-mean", () => {
    expect(() => formatAssessmentCsv(county, { table: "place" as never })).toThrow(
      'formatAssessmentCsv: options.table must be "targets" or "places"; did you mean "places"? (got the string "place")',
    );
  });
});

describe("report: disparity over the places with data, on a spliced basis", () => {
  it("shows how many places each year compares, the indicator compared on, the break and what is missing", () => {
    const text = formatAssessmentText(county);
    expect(text).toMatch(
      /\n {2}gdp_per_capita +gdp_per_capita_hukou +2016 +observed +2\/3 +0\.544 +0\.145 +0\.267 +3\.00 +b → a\n/,
    );
    expect(text).toMatch(/\n {2}gdp_per_capita +gdp_per_capita +2020 +observed \(break\) +3 /);
    expect(text).toMatch(/\n {2}gdp_per_capita +gdp_per_capita +2025 +projected +3 /);
    expect(text).toContain(
      "  - gdp_per_capita: compared on gdp_per_capita_hukou before 2020 and on gdp_per_capita from 2020, a",
    );
    // 2016 and 2017 lack the same: one line
    expect(text).toContain("  - gdp_per_capita 2016, 2017 needs gdp: c; population_hukou: c\n");
    const { lacking, breaks } = buildReportDocument(county).scenarios[0]?.disparity ?? {};
    expect(lacking).toEqual([
      {
        indicator: "gdp_per_capita",
        year: 2016,
        years: [2016, 2017],
        yearsText: "2016, 2017",
        text: "gdp: c; population_hukou: c",
      },
    ]);
    expect(breaks?.map((b) => [b.indicator, b.year, b.from])).toEqual([
      ["gdp_per_capita", 2020, "gdp_per_capita_hukou"],
    ]);
  });

  it("keeps the columns of a pack without a spliced basis", () => {
    const table = buildReportDocument(synthetic).scenarios[0]?.disparity.table;
    expect(table?.columns.map((c) => c.key)).not.toContain("compared");
  });
});
