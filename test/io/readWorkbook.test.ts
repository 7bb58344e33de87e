// readWorkbook on real .xlsx files shaped as analysts' files are: a county yearbook table
// (test/fixtures/good/yearbook-gdp.xlsx, written by scripts/make-fixtures.ts) and small workbooks
// built here with exceljs. Figures are Qujing's, from ../shared/data/cn-panels/qujing_extract.csv
// (CSMAR county GDP, ADM3_version2.dta, 万元); expected values are the arithmetic in the comments.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  ArgumentRangeError,
  ArgumentTypeError,
  formatIssue,
  type Observation,
  qujingPack,
  readWorkbook,
} from "regionsim";
import { describe, expect, it } from "vitest";
import { type SheetInput, workbookBytes } from "../helpers/workbook.js";

const meta = qujingPack.dataset;
const fixture = (name: string) =>
  new Uint8Array(readFileSync(fileURLToPath(new URL(`../fixtures/good/${name}`, import.meta.url))));
const read = async (sheets: readonly SheetInput[], options = {}) =>
  readWorkbook(await workbookBytes(sheets), meta, { file: "data.xlsx", ...options });
const values = (r: { ok: boolean; value?: Observation[]; partial?: Observation[] }) =>
  (r.ok ? r.value : r.partial) ?? [];
const brief = (o: Observation) => [o.place, o.indicator, o.year, o.value];

describe("readWorkbook reads a county yearbook table (yearbook-gdp.xlsx)", () => {
  it("converts 万元 to the indicator's 亿元 and keeps what the file wrote", async () => {
    const r = await readWorkbook(fixture("yearbook-gdp.xlsx"), meta, { file: "yearbook-gdp.xlsx" });
    expect(r.issues).toEqual([]);
    const obs = values(r);
    const qilin2018 = obs.find(
      (o) => o.place === "qilin" && o.indicator === "gdp" && o.year === 2018,
    );
    // 6,518,600 万元 = 6,518,600 × 10⁴ yuan = 651.86 × 10⁸ yuan = 651.86 亿元 ("100M yuan").
    expect(qilin2018).toEqual({
      place: "qilin",
      indicator: "gdp",
      year: 2018,
      value: 651.86,
      unit: "100M yuan",
      source: "CSMAR 中国县域统计数据（ADM3_version2.dta），经 cn-panels/qujing_extract.csv 整理",
      quality: "A",
      original: { value: 6518600, unit: "万元" },
    });
  });

  it("reads the nine places of sheet 表3-5, where the title names the indicator", async () => {
    const obs = values(await readWorkbook(fixture("yearbook-gdp.xlsx"), meta));
    const gdp2018 = obs.filter((o) => o.indicator === "gdp" && o.year === 2018);
    expect(gdp2018.map((o) => o.place)).toEqual([
      "qilin",
      "zhanyi",
      "malong",
      "xuanwei",
      "huize",
      "luliang",
      "shizong",
      "luoping",
      "fuyuan",
    ]);
    // 651.86 + 205.81 + 56.13 + 280.76 + 190.02 + 175.68 + 119.08 + 178.63 + 155.35 = 2013.32
    // 亿元 (the city's own figure for 2018 is 2013.36, GP_INDUSTRY in the same extract).
    const sum = gdp2018.reduce((s, o) => s + o.value, 0);
    expect(sum).toBeCloseTo(2013.32, 9);
    // 马龙's 2017 cell is 「—」: missing, neither an error nor 0. 9 × 3 − 1 = 26 values.
    expect(obs.filter((o) => o.indicator === "gdp")).toHaveLength(26);
    expect(obs.some((o) => o.place === "malong" && o.year === 2017)).toBe(false);
  });

  it("takes the indicator from the sheet name 第一产业增加值 and the unit from a 单位 line", async () => {
    const obs = values(
      await readWorkbook(fixture("yearbook-gdp.xlsx"), meta, { file: "yearbook-gdp.xlsx" }),
    );
    const primary = obs.filter((o) => o.indicator === "primary_va");
    expect(primary).toHaveLength(18);
    // Short names (宣威 for 宣威市); 611,900 万元 = 61.19 亿元; no 资料来源 line: the file's name.
    expect(primary.find((o) => o.place === "xuanwei" && o.year === 2018)).toMatchObject({
      value: 61.19,
      original: { value: 611900, unit: "万元" },
      source: "yearbook-gdp.xlsx",
    });
  });
});

describe("readWorkbook tells a sheet's indicator from the option, the sheet name or the title", () => {
  const table = (title: string | undefined): SheetInput["rows"] => [
    ...(title === undefined ? [] : [[title]]),
    ["地区", 2018],
    ["麒麟区", 6518600],
  ];

  it("from a title row, when the sheet name says nothing", async () => {
    const r = await read([{ name: "Sheet1", rows: table("各县（市、区）第二产业增加值（万元）") }]);
    expect(r.issues).toEqual([]);
    expect(values(r).map(brief)).toEqual([["qilin", "secondary_va", 2018, 651.86]]);
  });

  it("from the sheet name, with the unit in it", async () => {
    const r = await read([{ name: "地区生产总值（万元）", rows: table(undefined) }]);
    expect(values(r).map(brief)).toEqual([["qilin", "gdp", 2018, 651.86]]);
  });

  it("from the option, which overrides the sheet name and the title", async () => {
    const r = await read([{ name: "gdp", rows: table("地区生产总值（万元）") }], {
      indicator: "第三产业增加值",
    });
    expect(values(r).map(brief)).toEqual([["qilin", "tertiary_va", 2018, 651.86]]);
  });

  it("a title that contradicts the sheet name is an error at the title's cell", async () => {
    const r = await read([{ name: "gdp", rows: table("第一产业增加值（万元）") }]);
    expect(r.ok).toBe(false);
    expect(r.issues.map(formatIssue)).toEqual([
      'data.xlsx:gdp!A1: title: the title names primary_va but the sheet name names gdp; rename one, or give the indicator option (got "第一产业增加值（万元）")',
    ]);
  });

  it("a title naming two indicators, or a sheet naming none, is an error for the sheet", async () => {
    const two = await read([
      { name: "Sheet1", rows: table("地区生产总值及第一产业增加值（万元）") },
    ]);
    expect(two.issues.map((i) => [i.code, i.cell])).toEqual([["ambiguous-indicator", "A1"]]);
    const none = await read([{ name: "GPD", rows: table("主要经济指标（万元）") }]);
    expect(none.issues.map(formatIssue)).toEqual([
      "data.xlsx:GPD: no indicator: name the sheet after one (gdp, 地区生产总值), put it in a title row, or give the indicator option (the sheet name: unknown indicator; did you mean gdp, gdp_index or gdp_per_capita?)",
    ]);
  });

  it("an unknown indicator option is a broken contract, with the nearest ids", async () => {
    await expect(
      read([{ name: "gdp", rows: table(undefined) }], { indicator: "gpd" }),
    ).rejects.toThrow(
      new ArgumentRangeError(
        'readWorkbook: options.indicator must be an indicator of meta; did you mean gdp, gdp_index or gdp_per_capita? (got the string "gpd")',
        { code: "unknown-id", path: "options.indicator" },
      ),
    );
  });
});

describe("readWorkbook converts units and refuses those of another quantity", () => {
  it("万人 for GDP is one error at the cell that says it, and nothing of the sheet is read", async () => {
    const r = await read([
      {
        name: "Sheet1",
        rows: [["各县（市、区）地区生产总值（万人）"], ["地区", 2018, 2019], ["麒麟区", 1, 2]],
      },
    ]);
    expect(r.issues.map(formatIssue)).toEqual([
      'data.xlsx:Sheet1!A1: unit: a unit of another quantity: a number of persons, not an amount of money as gdp is; no value of this table was read (expected "100M yuan" or another unit of an amount of money (元, 万元, 亿元), got "万人")',
    ]);
    expect(values(r)).toEqual([]);
  });

  it("the unit option replaces the title's; an unknown unit is named with the nearest", async () => {
    const rows = [["地区生产总值（亿元）"], ["地区", 2018], ["麒麟区", 6518600]];
    const r = await read([{ name: "Sheet1", rows }], { unit: "万元" });
    expect(values(r).map((o) => o.value)).toEqual([651.86]);
    const unknown = await read([
      { name: "Sheet1", rows: [["地区生产总值（万美元）"], ...rows.slice(1)] },
    ]);
    expect(unknown.issues.map((i) => i.code)).toEqual(["missing-unit"]);
    await expect(read([{ name: "Sheet1", rows }], { unit: "亿圆" })).rejects.toThrow(
      /^readWorkbook: options\.unit must be a known unit; did you mean "100M yuan"\? \(got the string "亿圆"\)$/,
    );
  });

  it("万元 to 元 and 人 to 万人 convert too: 8.37 万元 is 83,700 元, 781,000 人 is 78.1 万人", async () => {
    const r = await read([
      // 麒麟's GDP per capita 2018 as ADM3_version2.dta stores it, 8.37 万元 a person
      // (qujing_extract.csv); gdp_per_capita is in yuan: 8.37 × 10⁴ = 83,700 元.
      { name: "人均地区生产总值", rows: [["单位：万元"], ["地区", 2018], ["麒麟区", 8.37]] },
      // 麒麟's hukou population 2018, 78.1 万人 (CNT_PopHouseUrbRate.csv), written in 人:
      // 781,000 人 / 10⁴ = 78.1 万人.
      { name: "户籍人口", rows: [["单位：人"], ["地区", 2018], ["麒麟区", 781000]] },
    ]);
    expect(r.issues).toEqual([]);
    expect(values(r).map((o) => [o.indicator, o.value, o.unit])).toEqual([
      ["gdp_per_capita", 83700, "yuan"],
      ["population_hukou", 78.1, "10k persons"],
    ]);
  });
});

describe("readWorkbook names the sheet and cell of every problem", () => {
  it("text in a numeric cell, a number with thousands separators, an Excel error, a date", async () => {
    const r = await read([
      {
        name: "地区生产总值",
        rows: [
          ["单位：万元"],
          ["地区", 2017, 2018],
          ["麒麟区", 6330900, "约650万"],
          ["沾益区", "1,968,900", { error: "#DIV/0!" }],
          ["马龙区", new Date(Date.UTC(2018, 0, 1)), 561300],
        ],
      },
    ]);
    expect(r.issues.map(formatIssue)).toEqual([
      'data.xlsx:地区生产总值!C3: 麒麟区 2018: not a number (expected a finite number, got "约650万")',
      'data.xlsx:地区生产总值!B4: 沾益区 2017: not a number (expected a number without thousands separators, got "1,968,900")',
      "data.xlsx:地区生产总值!C4: 沾益区 2018: an Excel error value (#DIV/0!), not a number (got #DIV/0!)",
      expect.stringMatching(
        /^data\.xlsx:地区生产总值!B5: 马龙区 2017: a date, not a number \(got .+\)$/,
      ),
    ]);
    // The good cells are kept: 633.09 (6,330,900 万元) and 56.13 (561,300 万元).
    expect(values(r).map((o) => o.value)).toEqual([633.09, 56.13]);
  });

  it("unknown places and indicators, each with the nearest names", async () => {
    const r = await read([
      {
        name: "Sheet1",
        rows: [["地区生产总值（万元）"], ["地区", 2018], ["麒麟去", 6518600], ["罗平", 1786300]],
      },
      {
        name: "long",
        rows: [
          ["地区", "指标", "年份", "数值", "单位"],
          ["陆良县", "地区生产总直", 2018, 1756800, "万元"],
        ],
      },
    ]);
    expect(r.issues.map(formatIssue)).toEqual([
      'data.xlsx:Sheet1!A3: place: unknown place; did you mean qilin, central-city or city? (got "麒麟去")',
      'data.xlsx:long!B2: 指标: unknown indicator; did you mean gdp, gdp_index or gdp_real_growth_pct? (got "地区生产总直")',
    ]);
    expect(values(r).map(brief)).toEqual([["luoping", "gdp", 2018, 178.63]]);
  });

  it("a sheet name with spaces is quoted as Excel quotes it", async () => {
    const r = await read([
      { name: "GDP 2018", rows: [["地区生产总值（亿元）"], ["地区", 2018], ["麒麟区", "n/a"]] },
    ]);
    expect(r.issues.map(formatIssue)).toEqual([
      "data.xlsx:'GDP 2018'!B3: 麒麟区 2018: not a number (expected a finite number, got \"n/a\")",
    ]);
  });

  it("the same place and year in two sheets is a duplicate naming the first cell", async () => {
    const sheet = (name: string) => ({
      name,
      rows: [["地区生产总值（亿元）"], ["地区", 2018], ["麒麟区", 651.86]],
    });
    const r = await read([sheet("A"), sheet("B")]);
    expect(r.issues.map(formatIssue)).toEqual([
      "data.xlsx:B!B3: duplicate observation: same place, indicator, year and source as A!B3",
    ]);
  });
});

describe("readWorkbook skips what is not data and reads what Excel shows", () => {
  it("blank cells, —, -, …, ... are missing; 注：, 资料来源 and rows without values are skipped", async () => {
    const r = await read([
      {
        name: "Sheet1",
        rows: [
          ["2017—2019年各县（市、区）地区生产总值"],
          [undefined, undefined, undefined, "单位：万元"],
          ["县（市、区）", "2017年", "2018年", "2019年"],
          ["其中：", undefined, undefined, undefined],
          ["麒麟区", "—", "-", 8278200],
          ["沾益区", "…", "...", undefined],
          ["注：2019年为经普修订数。"],
          ["资料来源：县域统计"],
        ],
        merges: ["A1:D1", "A7:D7", "A8:D8"],
      },
    ]);
    expect(r.issues).toEqual([]);
    // 8,278,200 万元 = 827.82 亿元, the only value; its source is the 资料来源 line.
    expect(values(r).map((o) => [...brief(o), o.source])).toEqual([
      ["qilin", "gdp", 2019, 827.82, "县域统计"],
    ]);
  });

  it("a formula by its saved result, a percentage-formatted cell by the percentage shown", async () => {
    const r = await read([
      {
        name: "城镇化率（%）",
        rows: [
          ["地区", 2020],
          ["曲靖市", 0.4903],
        ],
        formats: { B2: "0.00%" },
      },
      {
        name: "gdp",
        rows: [["单位：亿元"], ["地区", 2018], ["麒麟区", { formula: "B4*1", result: 651.86 }]],
      },
    ]);
    // The 7th census rate 49.03 % (the pack's 2020 value), typed as 49.03% in Excel, is stored as
    // 0.4903; the reader takes the 49.03 the cell shows. The unit is the indicator's own (%).
    expect(values(r).map(brief)).toEqual([
      ["city", "urbanization_resident_pct", 2020, 49.03],
      ["qilin", "gdp", 2018, 651.86],
    ]);
  });

  it("ignores a README sheet, warns of a hidden one and of a sheet without a table", async () => {
    const data = { name: "gdp", rows: [["单位：亿元"], ["地区", 2018], ["麒麟区", 651.86]] };
    const r = await read([
      { name: "README", rows: [["填写说明"], ["地区", 2018]] },
      data,
      { name: "lists", rows: [["麒麟区"]], state: "hidden" },
      { name: "封面", rows: [["曲靖统计年鉴"]] },
    ]);
    expect(r.ok).toBe(true);
    expect(r.issues.map(formatIssue)).toEqual([
      "data.xlsx:lists: warning: hidden sheet: not read",
      "data.xlsx:封面: warning: no table: no row names the columns of a long table (地区, 指标, 年份, 数值 or place, indicator, year, value) or has years across as a wide table's header (2018, 2018年)",
    ]);
    const none = await read([{ name: "封面", rows: [["曲靖统计年鉴"]] }]);
    expect(none.ok).toBe(false);
    expect(none.issues.map((i) => [i.severity, i.code])).toEqual([["error", "no-table"]]);
  });

  it("reads long tables with Chinese headers, without source and quality columns", async () => {
    const r = await read(
      [
        {
          name: "Sheet1",
          rows: [
            ["地区", "指标", "年份", "数值"],
            ["麒麟区", "地区生产总值（万元）", 2018, 6518600],
            ["富源", "年末户籍人口(万人)", "2018年", 75.14],
            ["宣威市", "第一产业增加值（万元）", 2019, "…"],
          ],
        },
      ],
      { source: "CNT", quality: "B" },
    );
    expect(r.issues).toEqual([]);
    // 6,518,600 万元 = 651.86 亿元; 75.14 万人 is in population_hukou's unit; … is missing.
    expect(values(r).map((o) => [...brief(o), o.unit, o.source, o.quality])).toEqual([
      ["qilin", "gdp", 2018, 651.86, "100M yuan", "CNT", "B"],
      ["fuyuan", "population_hukou", 2018, 75.14, "10k persons", "CNT", "B"],
    ]);
  });
});

describe("readWorkbook refuses what is not an .xlsx workbook, and bad arguments", () => {
  it("an .xls (Excel 97–2003) or a text file gives one issue", async () => {
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect((await readWorkbook(xls, meta, { file: "old.xls" })).issues.map(formatIssue)).toEqual([
      "old.xls: an Excel 97–2003 workbook (.xls) or a password-protected one: save it as an Excel workbook (.xlsx) without a password",
    ]);
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]);
    expect((await readWorkbook(zip, meta)).issues.map((i) => i.code)).toEqual(["not-a-workbook"]);
  });

  it("bytes that are not bytes throw", async () => {
    await expect(readWorkbook("gdp.xlsx" as unknown as Uint8Array, meta)).rejects.toThrow(
      new ArgumentTypeError(
        'readWorkbook: bytes must be the bytes of an .xlsx file (a Uint8Array or an ArrayBuffer) (got the string "gdp.xlsx")',
        { code: "invalid-type", path: "bytes" },
      ),
    );
  });
});
