import { readFileSync } from "node:fs";
import {
  ArgumentTypeError,
  formatIssue,
  type Observation,
  type Result,
  readObservationsCsv,
} from "regionsim";
import { describe, expect, it } from "vitest";
import { testMeta } from "./testMeta.js";

// Expected messages are written from the fixture contents by hand; the "did you mean" lists
// were computed independently in Python (Levenshtein distance to the closest prefix of each
// id, name and alias, then to the whole, ties by id):
//   qlin → qilin (1), city (2), central-city (3);  麒麟县 → qilin (1), luliang (2), city (3);
//   gpd → gdp (1, 2), gdp_growth (1, 8), population (2).

const fixture = (dir: "bad" | "good", name: string) =>
  readFileSync(new URL(`../fixtures/${dir}/${name}`, import.meta.url), "utf8");

function read(name: string): Result<Observation[]> {
  return readObservationsCsv(fixture("bad", name), testMeta, { file: name });
}

const messages = (r: Result<unknown>) => r.issues.map(formatIssue);
const kept = (r: Result<Observation[]>) => (r.ok ? r.value : (r.partial ?? []));

describe("readObservationsCsv on bad files reports every problem with file, line and column", () => {
  it("an unterminated quote is reported and the following rows are still read", () => {
    const r = read("unterminated-quote.csv");
    expect(r.ok).toBe(false);
    expect(messages(r)).toEqual([
      "unterminated-quote.csv:3:4: unterminated quoted field",
      "unterminated-quote.csv:3: wrong number of fields (expected 7 fields as in the header, got 4)",
      'unterminated-quote.csv:3:4: value: not a number (expected a finite number, got "801.2,100M yuan,NBS,A")',
    ]);
    expect(kept(r).map((o) => `${o.place} ${o.year}`)).toEqual(["qilin 2019", "zhanyi 2020"]);
  });

  it("a missing required column is one error naming it", () => {
    const r = read("missing-column.csv");
    expect(messages(r)).toEqual([
      'missing-column.csv:1: missing required column "year" (年份) (expected a header such as place,indicator,year,value,unit,source,quality[,note])',
    ]);
    expect(kept(r)).toEqual([]);
  });

  it("an unknown place suggests the nearest ids", () => {
    expect(messages(read("unknown-place.csv"))).toEqual([
      'unknown-place.csv:2:1: place: unknown place; did you mean qilin, city or central-city? (got "qlin")',
      'unknown-place.csv:3:1: place: unknown place; did you mean qilin, luliang or city? (got "麒麟县")',
    ]);
  });

  it("an unknown indicator suggests the nearest ids", () => {
    expect(messages(read("unknown-indicator.csv"))).toEqual([
      'unknown-indicator.csv:2:2: indicator: unknown indicator; did you mean gdp, gdp_growth or population? (got "gpd")',
    ]);
  });

  it("an exact duplicate (same place, indicator, year, source; names resolved) names the earlier line", () => {
    const r = read("duplicate-year.csv");
    expect(messages(r)).toEqual([
      "duplicate-year.csv:4: duplicate observation: same place, indicator, year and source as line 2",
    ]);
    expect(kept(r)).toHaveLength(2);
  });

  it("an empty or non-integer year is an error", () => {
    expect(messages(read("missing-year.csv"))).toEqual([
      "missing-year.csv:2:3: year: missing (expected an integer year from 1900 to 2200)",
      'missing-year.csv:3:3: year: not an integer (expected an integer year from 1900 to 2200, got "2020.5")',
      'missing-year.csv:4:3: year: not an integer (expected an integer year from 1900 to 2200, got "二〇二〇")',
    ]);
  });

  it("a year outside 1900–2200 is an error", () => {
    expect(messages(read("year-out-of-range.csv"))).toEqual([
      'year-out-of-range.csv:2:3: year: out of range (expected an integer year from 1900 to 2200, got "1850")',
      'year-out-of-range.csv:3:3: year: out of range (expected an integer year from 1900 to 2200, got "2201")',
    ]);
  });

  it("a negative level or count is an error", () => {
    expect(messages(read("negative-level.csv"))).toEqual([
      'negative-level.csv:2:4: value: negative value for the level indicator gdp (expected at least 0, got "-801.2")',
      'negative-level.csv:3:4: value: negative value for the count indicator new_urban_jobs (expected at least 0, got "-5")',
    ]);
  });

  it("a rate outside its bounds (default [0, 100], or the indicator's own) is an error", () => {
    expect(messages(read("rate-out-of-range.csv"))).toEqual([
      'rate-out-of-range.csv:2:4: value: outside the bounds of the rate indicator urbanization_resident_pct (expected from 0 to 100, got "120")',
      'rate-out-of-range.csv:3:4: value: outside the bounds of the rate indicator urbanization_resident_pct (expected from 0 to 100, got "-1")',
      'rate-out-of-range.csv:4:4: value: outside the bounds of the rate indicator gdp_growth (expected from -50 to 50, got "60")',
    ]);
  });

  it("NaN, Infinity, an empty value, thousands separators and overflow are errors, never NaN", () => {
    const r = read("bad-value.csv");
    expect(messages(r)).toEqual([
      'bad-value.csv:2:4: value: not a finite number (expected a finite number, got "NaN")',
      'bad-value.csv:3:4: value: not a finite number (expected a finite number, got "Infinity")',
      "bad-value.csv:4:4: value: missing (expected a finite number)",
      'bad-value.csv:5:4: value: not a number (expected a number without thousands separators, got "1,234.5")',
      'bad-value.csv:6:4: value: not a finite number (expected a finite number, got "1e999")',
    ]);
    expect(kept(r)).toEqual([]);
  });

  it("full-width digits, signs and points (typed with a Chinese input method) are read as ASCII", () => {
    // U+FF10–U+FF19 are the full-width digits, U+FF0D the full-width hyphen-minus, U+FF0E the
    // full-width full stop, U+FF0B plus, U+FF45 e; NFKC maps each to its ASCII form.
    const csv = [
      "place,indicator,year,value,unit,source,quality",
      "qilin,gdp,２０２２,８０１.２,100M yuan,NBS,A",
      "qilin,gdp_growth,２０２２,－１.５,%,NBS,A",
      "city,gdp,\u3000２０２２\u3000,＋１．２ｅ３,100M yuan,NBS,A",
      "",
    ].join("\n");
    const r = readObservationsCsv(csv, testMeta);
    expect(r.issues).toEqual([]);
    expect(kept(r).map((o) => [o.indicator, o.year, o.value])).toEqual([
      ["gdp", 2022, 801.2],
      ["gdp_growth", 2022, -1.5],
      ["gdp", 2022, 1200],
    ]);
  });

  it("other look-alike digits are not numbers, and separators in a number are named", () => {
    const csv = [
      "place,indicator,year,value,unit,source,quality",
      "qilin,gdp,2020,10²,100M yuan,NBS,A", // superscript two: NFKC would make it 102
      "qilin,gdp,2021,①,100M yuan,NBS,A", // circled one: NFKC would make it 1
      'qilin,gdp,2022,"１，２３４.５",100M yuan,NBS,A', // full-width comma as a thousands separator
      'qilin,gdp,2023,"12,345,678",100M yuan,NBS,A',
      'qilin,gdp,2019,"801,2",100M yuan,NBS,A', // a decimal comma (Excel in many European locales)
      "",
    ].join("\n");
    expect(messages(readObservationsCsv(csv, testMeta, { file: "x.csv" }))).toEqual([
      'x.csv:2:4: value: not a number (expected a finite number, got "10²")',
      'x.csv:3:4: value: not a number (expected a finite number, got "①")',
      'x.csv:4:4: value: not a number (expected a number without thousands separators, got "１，２３４.５")',
      'x.csv:5:4: value: not a number (expected a number without thousands separators, got "12,345,678")',
      'x.csv:6:4: value: not a number (expected a number with a decimal point, not a decimal comma, got "801,2")',
    ]);
  });

  it("a unit different from the indicator's is an error saying which unit was expected", () => {
    expect(messages(read("wrong-unit.csv"))).toEqual([
      'wrong-unit.csv:2:5: unit: differs from the unit of gdp (expected "100M yuan", got "亿元")',
      'wrong-unit.csv:3:5: unit: missing (expected "10k persons")',
    ]);
  });

  it("a quality other than A, B or C is an error (grades are upper case)", () => {
    expect(messages(read("bad-quality.csv"))).toEqual([
      'bad-quality.csv:2:7: quality: not a quality grade (expected A, B or C, got "D")',
      'bad-quality.csv:3:7: quality: not a quality grade (expected A, B or C, got "a")',
    ]);
  });

  it("an empty source is an error", () => {
    expect(messages(read("empty-source.csv"))).toEqual([
      "empty-source.csv:2:6: source: missing (expected a source key)",
    ]);
  });

  it("a row with too few or too many fields is an error", () => {
    expect(messages(read("field-count.csv"))).toEqual([
      "field-count.csv:2: wrong number of fields (expected 8 fields as in the header, got 7)",
      "field-count.csv:3: wrong number of fields (expected 8 fields as in the header, got 9)",
    ]);
  });

  it("a semicolon-separated file (Excel in some locales) is one error saying how to save it", () => {
    const csv =
      "place;indicator;year;value;unit;source;quality\nqilin;gdp;2020;801,2;100M yuan;NBS;A\n";
    const r = readObservationsCsv(csv, testMeta, { file: "semi.csv" });
    expect(r.ok).toBe(false);
    expect(messages(r)).toEqual([
      'semi.csv:1: columns are separated by semicolons (";") instead of commas: save the file as comma-separated (CSV UTF-8)',
    ]);
    expect(kept(r)).toEqual([]);
  });

  it("a tab-separated file (TSV) is one error saying how to save it", () => {
    const tsv =
      "\uFEFF地区\t指标\t年份\t数值\t单位\t来源\t质量\r\n麒麟区\tgdp\t2020\t801.2\t100M yuan\tNBS\tA\r\n";
    expect(messages(readObservationsCsv(tsv, testMeta, { file: "data.tsv" }))).toEqual([
      "data.tsv:1: columns are separated by tabs instead of commas: save the file as comma-separated (CSV UTF-8)",
    ]);
  });

  it("a one-column header without a separator in it gets the usual column errors", () => {
    // A tab at the end of the only name separates nothing.
    const csv = "place\t\nqilin,gdp\n";
    const missing = (f: string, zh: string) =>
      `one.csv:1: missing required column "${f}" (${zh}) (expected a header such as place,indicator,year,value,unit,source,quality[,note])`;
    expect(messages(readObservationsCsv(csv, testMeta, { file: "one.csv" }))).toEqual([
      missing("indicator", "指标"),
      missing("year", "年份"),
      missing("value", "数值"),
      missing("unit", "单位"),
      missing("source", "来源"),
      missing("quality", "质量"),
      "one.csv:2: wrong number of fields (expected 1 field as in the header, got 2)",
    ]);
  });

  it("rows whose every field is blank (Excel after cells are cleared) are skipped with one warning naming their lines", () => {
    const good = (year: number) => `qilin,gdp,${year},1,100M yuan,NBS,A`;
    const csv = [
      "place,indicator,year,value,unit,source,quality",
      good(2017),
      good(2018),
      good(2019),
      ",,,,,,", // line 5
      good(2020),
      good(2021),
      good(2022),
      " , ,\u3000,,,,", // line 9: spaces and an ideographic space are blank too
      '"",,,,,,', // line 10: an empty quoted field is blank
      "",
    ].join("\r\n");
    const r = readObservationsCsv(csv, testMeta, { file: "cleared.csv" });
    expect(r.ok).toBe(true);
    expect(messages(r)).toEqual(["cleared.csv: warning: 3 empty rows skipped (lines 5, 9, 10)"]);
    expect(kept(r).map((o) => o.year)).toEqual([2017, 2018, 2019, 2020, 2021, 2022]);
  });

  it("an empty row of any width is skipped; other problems are still reported, the warning last", () => {
    const csv =
      "place,indicator,year,value,unit,source,quality\n,,\nqilin,gdp,1850,1,100M yuan,NBS,A\n";
    expect(messages(readObservationsCsv(csv, testMeta, { file: "x.csv" }))).toEqual([
      'x.csv:3:3: year: out of range (expected an integer year from 1900 to 2200, got "1850")',
      "x.csv: warning: 1 empty row skipped (line 2)",
    ]);
  });

  it("a row with a syntax problem is not taken for an empty row", () => {
    const csv = 'place,indicator,year,value,unit,source,quality\n,,,,,,"\n';
    expect(messages(readObservationsCsv(csv, testMeta, { file: "x.csv" }))).toEqual([
      "x.csv:2:7: unterminated quoted field",
      "x.csv:2:1: place: missing (expected a place or group id, name or alias)",
      "x.csv:2:2: indicator: missing (expected an indicator id, name or alias)",
      "x.csv:2:3: year: missing (expected an integer year from 1900 to 2200)",
      "x.csv:2:4: value: missing (expected a finite number)",
      "x.csv:2:5: unit: missing (expected the indicator's unit)",
      "x.csv:2:6: source: missing (expected a source key)",
      "x.csv:2:7: quality: missing (expected A, B or C)",
    ]);
  });

  it("many empty rows are listed as runs, at most ten items", () => {
    const header = "place,indicator,year,value,unit,source,quality\n";
    // Lines 2–400 are empty, then every other line from 402 to 440 (20 lines): 399 + 20 rows.
    const lines: string[] = [];
    for (let line = 2; line <= 440; line++)
      lines.push(
        line <= 400 || line % 2 === 0 ? ",,,,,," : `qilin,gdp,${1500 + line},1,100M yuan,S,A`,
      );
    const r = readObservationsCsv(header + lines.join("\n"), testMeta, { file: "x.csv" });
    expect(r.ok).toBe(true);
    // Items: 2–400, 402, 404, …, 418 (ten items), then 420, 422, …, 440 (11 lines) remain.
    expect(messages(r)).toEqual([
      "x.csv: warning: 419 empty rows skipped (lines 2–400, 402, 404, 406, 408, 410, 412, 414, 416, 418 and 11 more)",
    ]);
    expect(kept(r)).toHaveLength(20);
  });

  it("an unknown extra column is a warning and the rows are kept", () => {
    const r = read("unknown-column.csv");
    expect(r.ok).toBe(true);
    expect(messages(r)).toEqual([
      'unknown-column.csv:1:8: warning: unknown column "region" is ignored (expected one of place,indicator,year,value,unit,source,quality[,note] (or 地区,指标,年份,数值,单位,来源,质量,备注))',
    ]);
    expect(kept(r)).toHaveLength(1);
  });

  it("a column without a header (Excel's trailing ,,) is a warning naming its position, once per column", () => {
    const csv = [
      "place,indicator,year,value,unit,source,quality,,",
      "qilin,gdp,2020,1,100M yuan,NBS,A,,",
      "qilin,gdp,2021,2,100M yuan,NBS,A,, ",
      ",,,,,,,,",
      "",
    ].join("\r\n");
    const r = readObservationsCsv(csv, testMeta, { file: "x.csv" });
    expect(r.ok).toBe(true);
    expect(messages(r)).toEqual([
      "x.csv:1:8: warning: column 8 has no header (ignored)",
      "x.csv:1:9: warning: column 9 has no header (ignored)",
      "x.csv: warning: 1 empty row skipped (line 4)",
    ]);
    expect(kept(r).map((o) => o.year)).toEqual([2020, 2021]);
  });

  it("a column without a header between named ones is ignored with its data", () => {
    const csv =
      "place, ,indicator,year,value,unit,source,quality\nqilin,x,gdp,2020,1,100M yuan,NBS,A\n";
    const r = readObservationsCsv(csv, testMeta, { file: "x.csv" });
    expect(messages(r)).toEqual(["x.csv:1:2: warning: column 2 has no header (ignored)"]);
    expect(kept(r).map((o) => [o.place, o.indicator])).toEqual([["qilin", "gdp"]]);
  });

  it("the same field in English and Chinese is a duplicate column", () => {
    const r = read("duplicate-column.csv");
    expect(messages(r)).toEqual([
      "duplicate-column.csv:1:8: column for year appears twice (first as column 3); the first is used",
    ]);
    expect(kept(r).map((o) => o.year)).toEqual([2020]);
  });

  it("an empty file has no header row", () => {
    expect(messages(read("empty.csv"))).toEqual([
      "empty.csv: no header row (expected a header such as place,indicator,year,value,unit,source,quality[,note])",
    ]);
  });

  it("conflicting sources are a warning naming the earlier line, and both rows are kept", () => {
    const r = read("conflicting-sources.csv");
    expect(r.ok).toBe(true);
    // Line 4 (CSMAR, 2959.4) agrees with line 2 (NBS, 2959.4) but not with line 3 (WIKI, 2959.35).
    expect(messages(r)).toEqual([
      'conflicting-sources.csv:3: warning: conflicting sources: city gdp 2020 is 2959.4 from "NBS" at line 2 and 2959.35 from "WIKI" here',
      'conflicting-sources.csv:4: warning: conflicting sources: city gdp 2020 is 2959.35 from "WIKI" at line 3 and 2959.4 from "CSMAR" here',
    ]);
    expect(kept(r).map((o) => [o.place, o.source, o.value])).toEqual([
      ["city", "NBS", 2959.4],
      ["city", "WIKI", 2959.35],
      ["city", "CSMAR", 2959.4],
    ]);
  });
});

describe("readObservationsCsv on good files", () => {
  it("reads UTF-8 with a BOM and CRLF line ends, quoted commas and line breaks, and blank lines", () => {
    const r = readObservationsCsv(fixture("good", "observations-bom-crlf.csv"), testMeta);
    expect(r).toEqual({
      ok: true,
      issues: [],
      value: [
        {
          place: "qilin",
          indicator: "gdp",
          year: 2019,
          value: 700.5,
          unit: "100M yuan",
          source: "NBS",
          quality: "A",
        },
        {
          place: "qilin",
          indicator: "gdp",
          year: 2020,
          value: 801.2,
          unit: "100M yuan",
          source: "NBS",
          quality: "A",
          note: "revised, after the census",
        },
        {
          place: "city",
          indicator: "urbanization_resident_pct",
          year: 2020,
          value: 53.7,
          unit: "%",
          source: "NBS",
          quality: "A",
          note: "two\r\nlines",
        },
      ],
    });
  });

  it("reads Chinese headers in any order and Chinese or English names, giving canonical ids", () => {
    const r = readObservationsCsv(fixture("good", "observations-zh.csv"), testMeta);
    expect(r.ok).toBe(true);
    expect(r.issues).toEqual([]);
    expect(kept(r)).toEqual([
      {
        place: "qilin",
        indicator: "gdp",
        year: 2020,
        value: 801.2,
        unit: "100M yuan",
        source: "统计年鉴",
        quality: "A",
      },
      {
        place: "city",
        indicator: "gdp",
        year: 2020,
        value: 2959.4,
        unit: "100M yuan",
        source: "统计年鉴",
        quality: "A",
        note: "全市",
      },
      {
        place: "zhanyi",
        indicator: "urbanization_resident_pct",
        year: 2020,
        value: 52.1,
        unit: "%",
        source: "统计公报",
        quality: "B",
      },
      {
        place: "xuanwei",
        indicator: "population",
        year: 2021,
        value: 126.6,
        unit: "10k persons",
        source: "统计公报",
        quality: "B",
      },
    ]);
  });

  it("accepts LF and lone-CR line ends alike", () => {
    const lf = "place,indicator,year,value,unit,source,quality\nqilin,gdp,2020,1,100M yuan,S,A\n";
    expect(readObservationsCsv(lf.replaceAll("\n", "\r"), testMeta)).toEqual(
      readObservationsCsv(lf, testMeta),
    );
  });

  it("does not change the meta it is given", () => {
    const before = structuredClone(testMeta);
    readObservationsCsv(fixture("good", "observations-zh.csv"), testMeta);
    readObservationsCsv(fixture("bad", "unknown-place.csv"), testMeta);
    expect(testMeta).toEqual(before);
  });
});

describe("readObservationsCsv refuses absurd input with one clear error", () => {
  it("text over 64 MiB", () => {
    // 65 MiB of ASCII is 65 MiB of UTF-8.
    const text = `place,indicator,year,value,unit,source,quality\n${"x".repeat(65 * 1024 * 1024)}`;
    expect(messages(readObservationsCsv(text, testMeta, { file: "big.csv" }))).toEqual([
      // 47 bytes of header and newline + 65 × 1,048,576 = 68,157,487 bytes.
      "big.csv: input is too large to read (expected at most 64.0 MiB (67,108,864 bytes), got 65.0 MiB (68,157,487 bytes))",
    ]);
  });

  it("text under 64 MiB whose UTF-8 is over it (three bytes a Chinese character)", () => {
    // 22.5 Mi characters × 3 bytes = 67.5 MiB.
    const text = "曲".repeat(22.5 * 1024 * 1024);
    expect(messages(readObservationsCsv(text, testMeta))).toEqual([
      "input is too large to read (expected at most 64.0 MiB (67,108,864 bytes), got 67.5 MiB (70,778,880 bytes))",
    ]);
  });

  it("more than 1,000,000 rows", () => {
    const row = "qilin,gdp,2020,1,100M yuan,S,A\n";
    const text = `place,indicator,year,value,unit,source,quality\n${row.repeat(1_000_001)}`;
    expect(messages(readObservationsCsv(text, testMeta, { file: "many.csv" }))).toEqual([
      "many.csv: too many records to read (expected at most 1,000,000 records, got more than 1,000,000)",
    ]);
  });

  it("exactly 1,000,000 rows are read", () => {
    const header = "place,indicator,year,value,unit,source,quality\n";
    // One value per year, a new source every 301 rows: no duplicates and no conflicts.
    const rows = Array.from(
      { length: 1_000_000 },
      (_, i) => `qilin,gdp,${1900 + (i % 301)},${i % 301},100M yuan,S${Math.floor(i / 301)},A\n`,
    );
    const r = readObservationsCsv(header + rows.join(""), testMeta);
    expect(r.ok).toBe(true);
    expect(kept(r)).toHaveLength(1_000_000);
  });

  it("throws a TypeError for a non-string (a broken contract, not bad data)", () => {
    const read = () => readObservationsCsv(42 as unknown as string, testMeta);
    expect(read).toThrow(TypeError);
    expect(read).toThrow(ArgumentTypeError);
    expect(read).toThrow("readObservationsCsv: text must be a string (got 42)");
  });
});
