import { readFileSync } from "node:fs";
import {
  formatIssue,
  type Observation,
  type Result,
  readObservationsCsv,
  readObservationsJson,
} from "regionsim";
import { describe, expect, it } from "vitest";
import { testMeta } from "./testMeta.js";

// Lines and columns below were read off the fixtures with Python
// (`lines[n - 1].index(token) + 1`), not from this reader.

const fixture = (dir: "bad" | "good", name: string) =>
  readFileSync(new URL(`../fixtures/${dir}/${name}`, import.meta.url), "utf8");
const messages = (r: Result<unknown>) => r.issues.map(formatIssue);
const kept = (r: Result<Observation[]>) => (r.ok ? r.value : (r.partial ?? []));

describe("readObservationsJson", () => {
  it("reports a JSON syntax error with its line and column", () => {
    const r = readObservationsJson(fixture("bad", "bad-syntax.json"), testMeta, {
      file: "bad-syntax.json",
    });
    expect(r.ok).toBe(false);
    expect(messages(r)).toEqual(["bad-syntax.json:5:57: trailing comma before '}'"]);
  });

  it("says that JSON has no comments when it meets one", () => {
    const r = readObservationsJson("[ // observations of 2024\n]", testMeta, { file: "x.json" });
    expect(messages(r)).toEqual([
      'x.json:1:3: unexpected character "/", expected a value (JSON has no comments)',
    ]);
  });

  it("reports every field problem with a JSON path and the position of the value", () => {
    const name = "observations-bad-fields.json";
    const r = readObservationsJson(fixture("bad", name), testMeta, { file: name });
    expect(messages(r)).toEqual([
      `${name}:5:67: observations[1].value: not a number (expected a finite number, got "lots")`,
      `${name}:6:71: warning: observations[1].comment: unknown key "comment" is ignored (reported once) (expected place, indicator, year, value, unit, source, quality, note or 地区, 指标, …)`,
      // A missing key is located at its object.
      `${name}:7:5: observations[2].value: missing (expected a finite number)`,
      `${name}:9:5: observations[3]: duplicate observation: same place, indicator, year and source as observations[0]`,
      `${name}:11:5: observations[4]: not an observation (expected an object, got "qilin,gdp,2023")`,
    ]);
    // The first record (year as the string "2020") is kept.
    expect(kept(r)).toEqual([
      {
        place: "qilin",
        indicator: "gdp",
        year: 2020,
        value: 801.2,
        unit: "100M yuan",
        source: "NBS",
        quality: "A",
      },
    ]);
  });

  it("reads an object with observations in Chinese or English keys, names and numeric strings", () => {
    const r = readObservationsJson(fixture("good", "observations.json"), testMeta);
    expect(r).toEqual({
      ok: true,
      issues: [],
      value: [
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
          source: "NBS",
          quality: "A",
          note: "city total",
        },
      ],
    });
  });

  it("finds the same problems as the CSV reader in the same data (one validation for both)", () => {
    const csv = fixture("bad", "rate-out-of-range.csv");
    const [header, ...rows] = csv
      .trim()
      .split("\n")
      .map((l) => l.split(","));
    const objects = rows.map((r) => Object.fromEntries((header ?? []).map((h, i) => [h, r[i]])));
    const fromJson = readObservationsJson(JSON.stringify(objects), testMeta);
    const fromCsv = readObservationsCsv(csv, testMeta);
    const gist = (r: Result<unknown>) =>
      r.issues.map((i) => [i.code, i.message, i.expected, i.received]);
    expect(gist(fromJson)).toEqual(gist(fromCsv));
    expect(fromJson.issues.map((i) => i.field)).toEqual(["[0].value", "[1].value", "[2].value"]);
  });

  it("reports a top level that is neither an array nor { observations: [...] }", () => {
    expect(messages(readObservationsJson('{"data": []}', testMeta, { file: "x.json" }))).toEqual([
      'x.json: not a list of observations (expected an array of observations, or an object { "observations": [...] }, got an object)',
    ]);
  });

  it("rejects values JSON.parse turns into Infinity and wrong types", () => {
    const text =
      '[{"place": "qilin", "indicator": "gdp", "year": 2020.5, "value": 1e400, "unit": "100M yuan",' +
      ' "source": 7, "quality": "A"}]';
    // Columns: "year" value at 49, "value" at 66, "source" at 104 (counted in Python).
    expect(messages(readObservationsJson(text, testMeta))).toEqual([
      "1:49: [0].year: not an integer (expected an integer year from 1900 to 2200, got 2020.5)",
      "1:66: [0].value: not a finite number (expected a finite number, got Infinity)",
      "1:104: [0].source: wrong type (expected text, got 7)",
    ]);
  });

  it("reads full-width digits in numeric strings, and names thousands separators", () => {
    const json = JSON.stringify([
      {
        place: "qilin",
        indicator: "gdp",
        year: "２０２０",
        value: "８０１．２",
        unit: "100M yuan",
        source: "NBS",
        quality: "A",
      },
      {
        place: "qilin",
        indicator: "gdp",
        year: 2021,
        value: "1,234.5",
        unit: "100M yuan",
        source: "NBS",
        quality: "A",
      },
    ]);
    const r = readObservationsJson(json, testMeta, { file: "x.json" });
    // The second value starts at character 171 of the one line (Python: json.dumps of the same
    // list with separators (",", ":"), then s.index('"1,234.5"') + 1).
    expect(messages(r)).toEqual([
      'x.json:1:171: [1].value: not a number (expected a number without thousands separators, got "1,234.5")',
    ]);
    expect(kept(r).map((o) => [o.year, o.value])).toEqual([[2020, 801.2]]);
  });

  it("reports a key given twice in one object (JSON.parse silently keeps the last) and drops the record", () => {
    const record =
      '{"place": "qilin", "indicator": "gdp", "year": 2020, "value": 801.2,\n' +
      ' "value": 9, "unit": "100M yuan", "source": "NBS", "quality": "A"}';
    // The first "value" key is at column 55 of line 1 in `[${record}]`, 72 in the object (counted in
    // Python: text.index('"value"') + 1).
    const r = readObservationsJson(`[${record}]`, testMeta, { file: "d.json" });
    expect(r.ok).toBe(false);
    expect(messages(r)).toEqual([
      "d.json:2:2: [0].value: key given twice in the same object (first at line 1, column 55); JSON keeps only the last",
    ]);
    expect(kept(r)).toEqual([]);
    // A second list of observations would replace the first one whole.
    const twice = `{"observations": [${record}],\n "observations": []}`;
    expect(messages(readObservationsJson(twice, testMeta, { file: "d.json" }))).toEqual([
      "d.json:2:2: observations[0].value: key given twice in the same object (first at line 1, column 72); JSON keeps only the last",
      "d.json:3:2: observations: key given twice in the same object (first at line 1, column 2); JSON keeps only the last",
    ]);
  });

  it("accepts a byte-order mark and does not change its inputs", () => {
    const text = `\uFEFF${fixture("good", "observations.json")}`;
    const before = structuredClone(testMeta);
    const r = readObservationsJson(text, testMeta);
    expect(r.ok).toBe(true);
    expect(testMeta).toEqual(before);
  });

  it("refuses more than 1,000,000 records with one error", () => {
    const text = `[${Array.from({ length: 1_000_001 }, () => "0").join(",")}]`;
    expect(messages(readObservationsJson(text, testMeta, { file: "many.json" }))).toEqual([
      "many.json: too many records to read (expected at most 1,000,000 records, got more than 1,000,000)",
    ]);
  });

  it("refuses text over 64 MiB with one error", () => {
    const text = `["${"x".repeat(64 * 1024 * 1024)}"]`;
    expect(messages(readObservationsJson(text, testMeta))).toEqual([
      // 64 MiB of x plus `["` and `"]`: 67,108,864 + 4 bytes.
      "input is too large to read (expected at most 64.0 MiB (67,108,864 bytes), got 64.0 MiB (67,108,868 bytes))",
    ]);
  });
});
