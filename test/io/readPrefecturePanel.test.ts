import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ArgumentTypeError } from "../../src/internal/errors.js";
import { readPrefecturePanel } from "../../src/io/readPrefecturePanel.js";
import { formatIssue } from "../../src/schemas/issue.js";

const HEADER =
  '"Sgnyea","Ctnm_en","Ctnm_id","Cttyp_en","Prvcnm_id","Prvcnm_en","Gdpct01","Gdpct02","Gdpct03","Gdpct04","GDP_PerCapita","GDPYoY","GDP_PrimInd","GDP_SecInd","GDP_TerInd"';
// Qujing's 2020 row exactly as CRE_Gdpct.csv publishes it (line 9,859 of the file).
const QUJING_2020 =
  '"2020","Qujing(city)","530300","City (Sub-provincial level)","530000","Yunnan Province","2959.3500","18.7000","37.0000","44.3000","51244.0000","6.6000","5535300.0000","10949200.0000","13109000.0000"';
const file = (...rows: string[]) => `\uFEFF${[HEADER, ...rows].join("\r\n")}\r\n`;

describe("readPrefecturePanel", () => {
  it("reads a row as published: BOM, quoted fields, CRLF, units kept", () => {
    const r = readPrefecturePanel(file(QUJING_2020));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toEqual([
      {
        year: 2020,
        name: "Qujing(city)",
        code: "530300",
        type: "City (Sub-provincial level)",
        provinceCode: "530000",
        provinceName: "Yunnan Province",
        gdp: 2959.35,
        primarySharePct: 18.7,
        secondarySharePct: 37,
        tertiarySharePct: 44.3,
        gdpPerCapitaYuan: 51244,
        gdpGrowthPct: 6.6,
        primaryVa10kYuan: 5535300,
        secondaryVa10kYuan: 10949200,
        tertiaryVa10kYuan: 13109000,
      },
    ]);
  });

  it("turns empty cells into null and trims trailing spaces of names", () => {
    const row =
      '"1990","Kaifeng(city) ","410200","City (Sub-provincial level)","410000","Henan Province","","","","","","","","",""';
    const r = readPrefecturePanel(file(row));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value[0]?.name).toBe("Kaifeng(city)");
    expect(r.value[0]?.gdp).toBeNull();
    expect(r.value[0]?.tertiaryVa10kYuan).toBeNull();
  });

  it("runs the examples of its documentation", () => {
    const csv =
      '\uFEFF"Sgnyea","Ctnm_en","Ctnm_id","Gdpct01"\r\n"2020","Qujing(city) ","530300","2959.3500"\r\n';
    const r = readPrefecturePanel(csv);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value[0]?.name).toBe("Qujing(city)");
    const bad = readPrefecturePanel(csv.replace("2959.3500", "n/a"), { file: "gdp.csv" });
    expect(bad.issues.map(formatIssue)).toEqual([
      'gdp.csv:2:4: Gdpct01: not a number (expected a number or an empty cell, got "n/a")',
    ]);
  });

  it("reports every bad row with line, column and field, and keeps the good rows", () => {
    const rows = [
      QUJING_2020, // line 2: good
      QUJING_2020.replace('"2020"', '"20x0"'), // line 3: bad year
      QUJING_2020.replace('"530300"', '"5303"').replace('"2959.3500"', '"-1"'), // line 4: two errors
      QUJING_2020.replace(',"13109000.0000"', ""), // line 5: 14 fields
      QUJING_2020, // line 6: same code and year as line 2
      QUJING_2020.replace('"2020"', '"2021"').replace('"51244.0000"', '"5l244"'), // line 7
    ];
    const r = readPrefecturePanel(file(...rows), { file: "CRE_Gdpct.csv" });
    expect(r.ok).toBe(false);
    expect(r.issues.map(formatIssue)).toEqual([
      'CRE_Gdpct.csv:3:1: Sgnyea: not a year (expected an integer year from 1900 to 2200, got "20x0")',
      'CRE_Gdpct.csv:4:3: Ctnm_id: not an administrative code (expected six digits, got "5303")',
      'CRE_Gdpct.csv:4:7: Gdpct01: a level cannot be negative (expected a number ≥ 0 or an empty cell, got "-1")',
      "CRE_Gdpct.csv:5: row has 14 fields, the header 15 (expected 15 fields, got 14)",
      'CRE_Gdpct.csv:6:3: Ctnm_id: code 530300 and year 2020 already appear on line 2 (expected one row per code and year, got "530300")',
      'CRE_Gdpct.csv:7:11: GDP_PerCapita: not a number (expected a number or an empty cell, got "5l244")',
    ]);
    if (!r.ok) expect(r.partial?.map((p) => p.year)).toEqual([2020]);
  });

  it("reports a missing required column and reads nothing", () => {
    const r = readPrefecturePanel('"Sgnyea","Ctnm_en","Gdpct01"\r\n"2020","Qujing(city)","1"\r\n');
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => [i.code, i.field])).toEqual([["missing-column", "Ctnm_id"]]);
  });

  it("reports CSV syntax problems at their line and drops the row", () => {
    const r = readPrefecturePanel(
      file(QUJING_2020.replace('"Yunnan Province"', '"Yunnan" Province')),
    );
    expect(r.ok).toBe(false);
    expect(r.issues[0]).toMatchObject({ code: "csv-syntax", line: 2, column: 6 });
  });

  it("reports an empty file", () => {
    const r = readPrefecturePanel("");
    expect(r.ok).toBe(false);
    expect(r.issues[0]?.code).toBe("empty-file");
  });

  it("throws a TypeError when given something other than text", () => {
    const read = () => readPrefecturePanel(42 as unknown as string);
    expect(read).toThrow(ArgumentTypeError);
    expect(read).toThrow("readPrefecturePanel: text must be a string (got 42)");
  });

  it("reads the whole published file without an issue", () => {
    const text = readFileSync(
      new URL("../../data/china-prefecture-gdp/CRE_Gdpct.csv", import.meta.url),
      "utf8",
    );
    const r = readPrefecturePanel(text);
    expect(r.issues).toEqual([]);
    if (!r.ok) return;
    // python3: rows = list(csv.DictReader(open(f, encoding="utf-8-sig"))); len(rows) -> 10182;
    // sum(r["Gdpct01"].strip() == "" for r in rows) -> 120;
    // sum(r["Ctnm_en"] != r["Ctnm_en"].strip() for r in rows) -> 427 (all trimmed here).
    expect(r.value).toHaveLength(10182);
    expect(r.value.filter((row) => row.gdp === null)).toHaveLength(120);
    expect(r.value.some((row) => row.name !== row.name.trim())).toBe(false);
  });
});
