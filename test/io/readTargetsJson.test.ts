import { readFileSync } from "node:fs";
import { formatIssue, qujingPack, type Result, readTargetsJson } from "regionsim";
import { describe, expect, it } from "vitest";
import { testMeta } from "./testMeta.js";

// Lines and columns were read off the fixtures with Python (`lines[n - 1].index(token) + 1`).
// "did you mean" for "centre" computed in Python (prefix edit distance, then full):
// central-city (1), city (4), xuanwei (5).

const fixture = (dir: "bad" | "good", name: string) =>
  readFileSync(new URL(`../fixtures/${dir}/${name}`, import.meta.url), "utf8");
const messages = (r: Result<unknown>) => r.issues.map(formatIssue);

describe("readTargetsJson", () => {
  it("reports every problem: schema, unknown scope, duplicate id", () => {
    const name = "targets-bad.json";
    const r = readTargetsJson(fixture("bad", name), testMeta, { file: name });
    expect(r.ok).toBe(false);
    expect(messages(r)).toEqual([
      `${name}:3:35: [0].comparator: not an allowed value (expected ">=", "<=" or "about", got "≥")`,
      `${name}:5:10: [1].id: duplicate target id, first used at [0] (got "gdp-2025")`,
      `${name}:5:80: [1].scope: unknown place; did you mean central-city, city or xuanwei? (got "centre")`,
      `${name}:7:18: [1].provenance.quote: missing (expected text)`,
    ]);
  });

  it("reads valid targets as the schema outputs them", () => {
    const r = readTargetsJson(fixture("good", "targets.json"), testMeta);
    expect(r.ok).toBe(true);
    expect(r.issues).toEqual([]);
    expect(r.ok && r.value.map((t) => [t.id, t.kind, t.scope])).toEqual([
      ["gdp-2025", "level", "city"],
      ["central-share", "share", "central-city"],
    ]);
  });

  it("accepts { targets: [...] } and gives paths under targets", () => {
    const text = '{"targets": [{"id": "t", "kind": "levels"}]}';
    const r = readTargetsJson(text, testMeta);
    expect(messages(r)).toEqual([
      // The discriminator value "levels" starts at column 34.
      '1:34: targets[0].kind: not an allowed value (expected "level", "growth", "share", "count", "rank" or "class", got "levels")',
    ]);
  });

  it("checks the denominator and class scopes too", () => {
    const target = {
      id: "s",
      nameZh: "占比",
      nameEn: "Share",
      scope: "qilin",
      indicator: "gdp",
      kind: "share",
      comparator: ">=",
      value: 30,
      unit: "%",
      year: 2025,
      baseYear: 2020,
      denominator: { scope: "prefecture", indicator: "gdp" },
      provenance: { kind: "interpretation", reasoning: "r" },
    };
    const r = readTargetsJson(JSON.stringify([target]), testMeta);
    expect(r.issues.map((i) => [i.field, i.code])).toEqual([
      ["[0].denominator.scope", "unknown-place"],
    ]);
  });

  it("reports a top level that is not a list of targets", () => {
    expect(messages(readTargetsJson('"x"', testMeta, { file: "t.json" }))).toEqual([
      't.json: not a list of targets (expected an array of targets, or an object { "targets": [...] }, got "x")',
    ]);
  });
});

describe("readTargetsJson checks that targets are plausible", () => {
  /** Targets `t0`, `t1`, … with the given fields, one per line of the file from line 2. */
  const target = (k: number, fields: Record<string, unknown>) =>
    JSON.stringify({
      id: `t${k}`,
      nameZh: "目标",
      nameEn: "Target",
      scope: "city",
      comparator: ">=",
      year: 2025,
      baseYear: 2020,
      provenance: { kind: "plan", quote: "…" },
      ...fields,
    });
  const file = (...targets: Record<string, unknown>[]) =>
    `[\n${targets.map((t, k) => `  ${target(k, t)}`).join(",\n")}\n]`;
  const at = (text: string, line: number, token: string) =>
    (text.split("\n")[line - 1] as string).indexOf(token) + 1;

  it("reads the Qujing pack's own targets against its dataset without an issue", () => {
    const r = readTargetsJson(JSON.stringify(qujingPack.targets), qujingPack.dataset);
    expect(r.issues).toEqual([]);
    expect(r.ok).toBe(true);
  });

  it("accepts a level in its indicator's unit written in Chinese (亿元 for 100M yuan)", () => {
    const text = file({ kind: "level", indicator: "gdp", value: 4500, unit: "亿元" });
    expect(readTargetsJson(text, testMeta).issues).toEqual([]);
  });

  it("refuses years out of 1949–2100 and a year not after the base year, with line and column", () => {
    const text = file(
      { kind: "level", indicator: "gdp", value: 4500, unit: "100M yuan", year: 2205 },
      { kind: "level", indicator: "gdp", value: 4500, unit: "100M yuan", baseYear: 202 },
      { kind: "level", indicator: "gdp", value: 4500, unit: "100M yuan", year: 2020 },
    );
    expect(messages(readTargetsJson(text, testMeta, { file: "t.json" }))).toEqual([
      `t.json:2:${at(text, 2, "2205")}: [0].year: too large (expected at most 2100, got 2205)`,
      `t.json:3:${at(text, 3, "202,")}: [1].baseYear: too small (expected at least 1949, got 202)`,
      `t.json:4:${at(text, 4, "2020,")}: [2].year: the target year is not after its base year (expected a year after the base year 2020, got 2020)`,
    ]);
    expect(readTargetsJson(text, testMeta).issues[2]?.code).toBe("year-not-after-base");
  });

  it("refuses a unit of another quantity or scale than the indicator's, a growth not in % a year and a share not in %", () => {
    const text = file(
      { kind: "level", indicator: "gdp", value: 4500, unit: "%" },
      { kind: "level", indicator: "gdp", value: 45_000_000, unit: "万元" },
      { kind: "growth", indicator: "gdp", value: 7, unit: "%" },
      {
        kind: "share",
        indicator: "gdp",
        value: 50,
        unit: "100M yuan",
        denominator: { scope: "city" },
      },
      { kind: "count", indicator: "new_urban_jobs", value: 5, unit: "万人" },
    );
    const r = readTargetsJson(text, testMeta);
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => [i.line, i.field, i.code])).toEqual([
      [2, "[0].unit", "unit-mismatch"],
      [3, "[1].unit", "unit-scale"],
      [4, "[2].unit", "unit-mismatch"],
      [5, "[3].unit", "unit-mismatch"],
      [6, "[4].unit", "unit-scale"],
    ]);
    expect(messages(r)).toEqual([
      `2:${at(text, 2, '"%"')}: [0].unit: not a unit of what the indicator gdp measures (an amount of money) (expected "100M yuan" or the same unit written otherwise, got "%")`,
      `3:${at(text, 3, '"万元"')}: [1].unit: another scale than the unit of gdp; write the value in its unit (45000000 万元 is 4500 100M yuan) (expected "100M yuan", got "万元")`,
      `4:${at(text, 4, '"%"')}: [2].unit: a growth target is a growth rate in % a year (expected "%/yr" or the same unit written otherwise, got "%")`,
      `5:${at(text, 5, '"100M yuan"')}: [3].unit: a share target is a percentage (expected "%" or the same unit written otherwise, got "100M yuan")`,
      `6:${at(text, 6, '"万人"')}: [4].unit: another scale than the unit of new_urban_jobs; write the value in its unit (5 万人 is 50000 persons) (expected "persons", got "万人")`,
    ]);
  });

  it("refuses a share of two indicators in different units", () => {
    const text = file({
      kind: "share",
      indicator: "gdp",
      value: 10,
      unit: "%",
      denominator: { indicator: "population" },
    });
    expect(messages(readTargetsJson(text, testMeta))).toEqual([
      `2:${at(text, 2, '"population"')}: [0].denominator.indicator: measured in "10k persons", not in the unit of gdp; a share divides the two unconverted (expected an indicator in "100M yuan", got "population")`,
    ]);
  });

  it("refuses a value whose sign does not fit the kind", () => {
    const text = file(
      { kind: "level", indicator: "gdp", value: -1, unit: "100M yuan" },
      { kind: "level", indicator: "urbanization_resident_pct", value: 110, unit: "%" },
      { kind: "growth", indicator: "gdp", value: -100, unit: "%/yr" },
      { kind: "count", indicator: "new_urban_jobs", value: -5, unit: "persons" },
      { kind: "share", indicator: "gdp", value: -2, unit: "%", denominator: { scope: "city" } },
    );
    const r = readTargetsJson(text, testMeta, { file: "t.json" });
    expect(messages(r)).toEqual([
      `t.json:2:${at(text, 2, "-1")}: [0].value: negative value for the level indicator gdp (expected at least 0, got -1)`,
      `t.json:3:${at(text, 3, "110")}: [1].value: outside the bounds of the rate indicator urbanization_resident_pct (expected from 0 to 100, got 110)`,
      `t.json:4:${at(text, 4, "-100")}: [2].value: a growth rate of −100% a year or less (expected more than -100 (% a year), got -100)`,
      `t.json:5:${at(text, 5, "-5")}: [3].value: negative value for a count target (expected at least 0, got -5)`,
      `t.json:6:${at(text, 6, "-2")}: [4].value: negative value for a share target (expected at least 0, got -2)`,
    ]);
  });

  it("accepts a negative level of an indicator whose bounds allow it, and a growth just above −100%", () => {
    const text = file(
      { kind: "level", indicator: "gdp_growth", value: -3, unit: "%" },
      { kind: "growth", indicator: "gdp", value: -99.9, unit: "%/yr" },
    );
    expect(readTargetsJson(text, testMeta).issues).toEqual([]);
  });

  it("checks the targets the schema accepts even when another item has errors", () => {
    const text = file(
      { kind: "level", indicator: "gdp", value: 4500, unit: "%" },
      { kind: "level", indicator: "gdp", value: "4500", unit: "100M yuan" },
    );
    expect(readTargetsJson(text, testMeta).issues.map((i) => [i.field, i.code])).toEqual([
      ["[0].unit", "unit-mismatch"],
      ["[1].value", "wrong-type"],
    ]);
  });
});
