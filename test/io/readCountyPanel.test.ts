import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ArgumentTypeError } from "../../src/internal/errors.js";
import { readCountyPanel } from "../../src/io/readCountyPanel.js";
import { formatIssue } from "../../src/schemas/issue.js";

const FIXTURES = new URL("../fixtures/panels/", import.meta.url);
const COUNTY = readFileSync(new URL("yuxi_county_panel.csv", FIXTURES), "utf8");
const HEADER = "year,area_id,code,county,city,province,indicator,value,unit,source";
// Line 41 of yuxi_county_panel.csv, as county_panel.csv writes it.
const JIANGCHUAN_2020 =
  "2020,20407483,530403,江川区,玉溪市,云南省,gdp,146.74,100M yuan,CSMAR_CNT_GDP";
const csv = (...lines: string[]) => `${[HEADER, ...lines].join("\n")}\n`;

describe("readCountyPanel", () => {
  it("reads every row of the Yuxi extract with its line", () => {
    const r = readCountyPanel(COUNTY, { file: "yuxi.csv" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // 273 lines: the header and 272 rows (test/fixtures/panels/README.md).
    expect(r.value).toHaveLength(272);
    expect(r.issues).toEqual([]);
    expect(r.value.find((row) => row.line === 41)).toEqual({
      line: 41,
      year: 2020,
      areaId: "20407483",
      code: "530403",
      county: "江川区",
      city: "玉溪市",
      province: "云南省",
      indicator: "gdp",
      value: 146.74,
      unit: "100M yuan",
      source: "CSMAR_CNT_GDP",
    });
  });

  it("reads the same rows from chunks cut anywhere, even inside a line or a CRLF", () => {
    const whole = readCountyPanel(COUNTY);
    const crlf = `\uFEFF${COUNTY.replaceAll("\n", "\r\n")}`;
    // Cut 1 leaves the byte-order mark alone in the first chunk; another falls between a CR and
    // its LF.
    const cuts = [1, 7, 500, 501, crlf.indexOf("\r\n", 900) + 1, 4096, 9000];
    const chunks = [0, ...cuts].map((from, k) => crlf.slice(from, cuts[k] ?? crlf.length));
    expect(chunks.join("")).toBe(crlf);
    const chunked = readCountyPanel(chunks);
    expect(chunked).toEqual(whole);
    // A generator is read once, chunk by chunk.
    const fromGenerator = readCountyPanel(
      (function* () {
        yield* chunks;
      })(),
    );
    expect(fromGenerator).toEqual(whole);
  });

  it("takes columns in any order, area_id and province optional, and quoted fields", () => {
    const text =
      "indicator,value,unit,source,year,code,county,city\n" +
      'gdp,146.74,100M yuan,"CSMAR_CNT_GDP",2020,530403,"江川区",玉溪市\n';
    const r = readCountyPanel(text);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value[0]).toMatchObject({ areaId: "", province: "", county: "江川区" });
  });

  it("names a value that is not a number by file, line, column and field", () => {
    const r = readCountyPanel(csv(JIANGCHUAN_2020, JIANGCHUAN_2020.replace("146.74", "一四六")), {
      file: "panel.csv",
    });
    expect(r.ok).toBe(false);
    expect(r.issues.map(formatIssue)).toEqual([
      'panel.csv:3:8: value: not a number (expected a number, got "一四六")',
    ]);
    // The good row is kept in `partial`.
    if (!r.ok) expect(r.partial).toHaveLength(1);
  });

  it("reports a missing required column and reads nothing", () => {
    const r = readCountyPanel(
      `${HEADER.replace(",value", "")}\n${JIANGCHUAN_2020.replace(",146.74", "")}\n`,
      { file: "panel.csv" },
    );
    expect(r.ok).toBe(false);
    expect(r.issues.map(formatIssue)).toEqual([
      'panel.csv:1: value: required column "value" is missing (expected year, code, county, city, indicator, value, unit, source)',
    ]);
    if (!r.ok) expect(r.partial).toBeUndefined();
  });

  it("reports bad years, codes, area ids, empty cells and field counts, each on its line", () => {
    const r = readCountyPanel(
      csv(
        JIANGCHUAN_2020.replace("2020,", "20x0,"),
        JIANGCHUAN_2020.replace("530403", "5304"),
        JIANGCHUAN_2020.replace("20407483", "A1"),
        JIANGCHUAN_2020.replace("CSMAR_CNT_GDP", ""),
        JIANGCHUAN_2020.replace(",gdp,", ",gdp,,"),
      ),
      { file: "p.csv" },
    );
    expect(r.issues.map(formatIssue)).toEqual([
      'p.csv:2:1: year: not a year (expected an integer year from 1900 to 2200, got "20x0")',
      'p.csv:3:3: code: not an administrative code (expected a six-digit code or an empty cell, got "5304")',
      'p.csv:4:2: area_id: not an id of digits (expected digits or an empty cell, got "A1")',
      'p.csv:5:10: source: empty cell (expected a non-empty cell, got "")',
      "p.csv:6: row has 11 fields, the header 10 (expected 10 fields, got 11)",
    ]);
  });

  it("warns about a column it does not read, and keeps empty codes and area ids", () => {
    const r = readCountyPanel(
      `${HEADER},remark\n${"2003,20408026,,,遂宁市,四川省,population_hukou,135.54,10k persons,CSMAR_CNT_POP"},x\n`,
    );
    expect(r.ok).toBe(true);
    expect(r.issues.map(formatIssue)).toEqual([
      '1:11: warning: remark: column "remark" is not read (expected year, area_id, code, county, city, province, indicator, value, unit, source)',
    ]);
    if (r.ok) expect(r.value[0]).toMatchObject({ code: "", county: "", value: 135.54 });
  });

  it("lists the first 200 errors and counts the rest", () => {
    const bad = Array.from({ length: 250 }, () => JIANGCHUAN_2020.replace("146.74", "x"));
    const r = readCountyPanel(csv(...bad));
    expect(r.issues).toHaveLength(201);
    expect(formatIssue(r.issues[200] as never)).toBe(
      "50 more errors not listed (the first 200 are)",
    );
  });

  it("reports an empty text and an unterminated quote", () => {
    expect(readCountyPanel("").issues.map(formatIssue)).toEqual(["1: no header row"]);
    const r = readCountyPanel(csv(JIANGCHUAN_2020.replace("江川区", '"江川区')));
    expect(r.issues.map((i) => i.code)).toContain("csv-syntax");
  });

  it("throws its own errors for a broken contract", () => {
    expect(() => readCountyPanel(42 as never)).toThrow(
      new ArgumentTypeError(
        "readCountyPanel: text must be a string or an iterable of strings (got 42)",
        { code: "invalid-type", path: "text" },
      ),
    );
    expect(() => readCountyPanel(["year", 1] as never)).toThrow(
      "readCountyPanel: text[1] must be a string (got 1)",
    );
    expect(() => readCountyPanel("", { fiel: "x" } as never)).toThrow(
      "readCountyPanel: options.fiel is not an option; did you mean file? (the options are file)",
    );
  });
});
