import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cnPanelPaths, repoRoot, sharedDir } from "../../../scripts/cn-panels.js";
import {
  extractFromShared,
  extractQujingPanels,
  sameFigure,
  shortestSingle,
} from "../../../scripts/extract-qujing-panels.js";

// Small extracts of the shared panels, rows copied unchanged (grep of county_panel.csv sha256
// 58eebad0…, prefecture_panel.csv sha256 d92eb52a…): Qujing's places across the re-codings of
// Zhanyi (530328 → 530303, 2016) and Malong (530321 → 530304, 2018), a row of another city, a
// column the pack leaves out; the city's GDP, an industry stored in single precision, the GDP
// index, the resident population with CSMAR's conflicting figure, FDI and another city's GDP.
const fixture = (name: string) =>
  readFileSync(join(repoRoot, "test/fixtures/cn-panels", name), "utf8");
const county = fixture("county_panel-extract.csv");
const prefecture = fixture("prefecture_panel-qujing-extract.csv");
const existing = readFileSync(join(repoRoot, "data/qujing/observations.csv"), "utf8");
const extract = (c = county, p = prefecture) =>
  extractQujingPanels({ county: c, prefecture: p, existing });

const RESIDENT =
  "万人 (year-end resident population, published as 年末户籍人口: see PANEL-SOURCES.md)";

describe("extract-qujing-panels on committed extracts", () => {
  it("writes the rows expected by hand, city first, in the columns of observations.csv", () => {
    const expected = [
      "place,indicator,year,value,unit,source,quality,note",
      "qujing,gdp,2009,870.9446,100M yuan,GP_INDUSTRY,B,亿元 (current prices)",
      // 2010 (1005.5965) is left out: observations.csv has 1005.6 from CSMAR_GH (A), one figure.
      "qujing,gdp,2023,4048.91,100M yuan,GP_INDUSTRY,B,亿元 (current prices)",
      // 52.546902 is the single-precision float nearest 52.5469: Math.fround(52.5469) === Math.fround(52.546902).
      "qujing,primary_va,2000,52.5469,100M yuan,GP_INDUSTRY,B,亿元 (current prices); the source file stores 52.546902 (single precision)",
      "qujing,gdp_index,2022,108.1,previous year = 100,GP_GDP_INDEX,B,previous year = 100 (comparable prices)",
      "qujing,gdp_index,2023,107.5,previous year = 100,GP_GDP_INDEX,B,previous year = 100 (comparable prices)",
      'qujing,population_resident,2013,584.5,10k persons,GP_POPULATION,B,"万人 (year-end resident population); census-revised: CSMAR CRE_Eplwagct gives 597.4 (pre-census basis, the sum of the places)"',
      'qilin,gdp,2013,494.31,100M yuan,CSMAR_CNT_GDP,A,"亿元 (current prices); code 530302 麒麟区; also in observations.csv: 494.3 (SHAOSHAN_QILIN, C, the same figure)"',
      `qilin,population_resident,2019,78.6,10k persons,CSMAR_CNT_POP,A,"${RESIDENT}; code 530302 麒麟区"`,
      `qilin,population_resident,2020,99.63,10k persons,CSMAR_CNT_POP,A,"${RESIDENT}; code 530302 麒麟区; 7th-census basis"`,
      "qilin,fixed_asset_investment,2010,60.63,100M yuan,CSMAR_CNT_FAI,A,亿元; code 530302 麒麟区; pre-2011 definition",
      "qilin,fixed_asset_investment,2011,188.02,100M yuan,CSMAR_CNT_FAI,A,亿元; code 530302 麒麟区",
      "zhanyi,gdp,2016,178.39,100M yuan,CSMAR_CNT_GDP,A,亿元 (current prices); code 530303 沾益区",
      `zhanyi,population_resident,2015,44.85,10k persons,CSMAR_CNT_POP,A,"${RESIDENT}; code 530328 沾益县"`,
      `zhanyi,population_resident,2016,45.07,10k persons,CSMAR_CNT_POP,A,"${RESIDENT}; code 530303 沾益区"`,
      // Kept beside MMTAR_MALONG's 91.5786 (B): the same figure, but the panel's source is graded A.
      'malong,gdp,2020,91.58,100M yuan,CSMAR_CNT_GDP,A,"亿元 (current prices); code 530304 马龙区; also in observations.csv: 91.5786 (MMTAR_MALONG, B, the same figure)"',
      `malong,population_resident,2017,19.49,10k persons,CSMAR_CNT_POP,A,"${RESIDENT}; code 530321 马龙县"`,
      `malong,population_resident,2018,19.64,10k persons,CSMAR_CNT_POP,A,"${RESIDENT}; code 530304 马龙区"`,
    ];
    const result = extract();
    expect(result.csv.split("\r\n")).toEqual([...expected, ""]);
    expect(
      result.skipped.map((s) => [s.row.place, s.row.indicator, s.row.year, s.because]),
    ).toEqual([["qujing", "gdp", 2010, "1005.6 (CSMAR_GH, A)"]]);
  });

  it("refuses what it cannot carry, naming file and line", () => {
    const header = county.split("\n")[0];
    const row = (cells: string) => `${header}\n${cells}\n`;
    expect(() =>
      extract(row("2020,99999999,530399,新区,曲靖市,云南省,gdp,1,100M yuan,CSMAR_CNT_GDP")),
    ).toThrow(
      /county_panel\.csv:2: 新区 \(area_id 99999999\) of 曲靖市 is not one of the pack's places/,
    );
    expect(() =>
      extract(row("2020,20407471,530302,麒麟区,曲靖市,云南省,highway_km,1,km,CSMAR_CNT_X")),
    ).toThrow(
      /county_panel\.csv:2: indicator "highway_km" of Qujing is neither carried nor left out/,
    );
    expect(() =>
      extract(row("2020,20407471,530302,麒麟区,曲靖市,云南省,gdp,1,10k yuan,CSMAR_CNT_GDP")),
    ).toThrow(/county_panel\.csv:2: unit "10k yuan" has no conversion to the pack/);
    expect(() =>
      extract(row("2020,20407471,530302,富源县,曲靖市,云南省,gdp,1,100M yuan,CSMAR_CNT_GDP")),
    ).toThrow(/area_id 20407471 is 富源县 of 曲靖市, not 麒麟区/);
    expect(() =>
      extract(row("2020,20407471,530302,麒麟区,曲靖市,云南省,gdp,n/a,100M yuan,CSMAR_CNT_GDP")),
    ).toThrow(/county_panel\.csv:2: value must be a number \(got "n\/a"\)/);
    const twice =
      "2019,20407478,530303,沾益区,曲靖市,云南省,population_hukou,45.5,10k persons,CSMAR_CNT_POP";
    expect(() =>
      extract(`${header}\n${twice}\n${twice.replace("530303,沾益区", "530328,沾益县")}\n`),
    ).toThrow("zhanyi population_resident 2019 is in the panels twice");
    expect(() => extract("year,code\n")).toThrow(/county_panel\.csv:1: header must be/);
  });

  it("restores single-precision values and compares figures at the shorter precision", () => {
    // Math.fround(360.2) === Math.fround(360.200012): the shortest decimal of that float is 360.2.
    expect(shortestSingle(360.200012)).toBe("360.2");
    expect(shortestSingle(1005.5965)).toBe("1005.5965");
    expect(shortestSingle(108.1)).toBe("108.1");
    // 1005.5965 rounded to 1 decimal is 1005.6; 91.5786 to 2 decimals is 91.58.
    expect(sameFigure(1005.5965, 1005.6)).toBe(true);
    expect(sameFigure(91.58, 91.5786)).toBe(true);
    expect(sameFigure(1583.94, 1652.26)).toBe(false);
    expect(sameFigure(494.31, 494.4)).toBe(false);
  });
});

const panels = cnPanelPaths(sharedDir());

describe("data/qujing/panel-observations.csv", () => {
  it.skipIf(!panels.present)(
    `equals what scripts/extract-qujing-panels.ts writes from the shared panels (${panels.present ? "panels present" : `skipped: the shared panels are not under ${sharedDir()}; set REGIONSIM_SHARED`})`,
    () => {
      const committed = readFileSync(join(repoRoot, "data/qujing/panel-observations.csv"), "utf8");
      expect(committed).toBe(extractFromShared(sharedDir()).csv);
    },
  );
});
