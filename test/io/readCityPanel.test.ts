import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readCityPanel } from "../../src/io/readCityPanel.js";
import { formatIssue } from "../../src/schemas/issue.js";

const CITY = readFileSync(
  new URL("../fixtures/panels/yuxi_prefecture_panel.csv", import.meta.url),
  "utf8",
);

describe("readCityPanel", () => {
  it("reads every row of the Yuxi prefecture extract", () => {
    const r = readCityPanel(CITY);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toHaveLength(61);
    // The GDP index of 2021 as prefecture_panel.csv gives it (GP_GDP_INDEX).
    expect(
      r.value.find((row) => row.indicator === "gdp_index_prev_year_100" && row.year === 2021),
    ).toMatchObject({ code: "530400", city: "玉溪市", category: "地级市", value: 109.1 });
  });

  it("reports a missing column and a bad value with their positions", () => {
    const header = "year,code,city,province,category,indicator,value,unit,source";
    const row = "2023,530400,玉溪市,云南省,地级市,gdp,2564.8,100M yuan,GP_INDUSTRY";
    expect(
      readCityPanel(`${header.replace(",source", "")}\n`, { file: "c.csv" }).issues.map(
        formatIssue,
      ),
    ).toEqual([
      'c.csv:1: source: required column "source" is missing (expected year, code, city, indicator, value, unit, source)',
    ]);
    expect(
      readCityPanel(`${header}\n${row.replace("2564.8", "")}\n`, { file: "c.csv" }).issues.map(
        formatIssue,
      ),
    ).toEqual(['c.csv:2:7: value: not a number (expected a number, got "")']);
  });
});
