import { readFileSync } from "node:fs";
import { formatIssue, type Result, readTargetsJson } from "regionsim";
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
