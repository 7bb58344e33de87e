import { readFileSync } from "node:fs";
import { formatIssue, type Result, readScenarioJson } from "regionsim";
import { describe, expect, it } from "vitest";
import { testMeta } from "./testMeta.js";

// Lines and columns were read off the fixtures with Python (`lines[n - 1].index(token) + 1`).
// "did you mean" for "urbanisation" computed in Python (prefix edit distance, then full):
// urbanization_resident_pct (1), urban_population (6), population (7).

const fixture = (dir: "bad" | "good", name: string) =>
  readFileSync(new URL(`../fixtures/${dir}/${name}`, import.meta.url), "utf8");
const messages = (r: Result<unknown>) => r.issues.map(formatIssue);

describe("readScenarioJson", () => {
  it("reports scopes and indicators that the dataset does not define, with suggestions", () => {
    const name = "scenario-unknown-indicator.json";
    const r = readScenarioJson(fixture("bad", name), testMeta, { file: name });
    expect(r.ok).toBe(false);
    expect(messages(r)).toEqual([
      // "qujing" is an alias of the group city, but a scenario must name ids.
      `${name}:7:15: models[1].scope: unknown place id; did you mean city? (got "qujing")`,
      `${name}:7:38: models[1].indicator: unknown indicator; did you mean urbanization_resident_pct, urban_population or population? (got "urbanisation")`,
    ]);
  });

  it("turns schema problems into issues with JSON paths and positions, and warns of unknown keys", () => {
    const name = "scenario-bad-schema.json";
    expect(messages(readScenarioJson(fixture("bad", name), testMeta, { file: name }))).toEqual([
      `${name}:2:9: id: invalid format (expected an id of lower-case letters, digits, '-' or '_', got "Slow Growth")`,
      `${name}:6:12: warning: shock: unknown key "shock" is ignored`,
      // A missing key is located at its object.
      `${name}:8:5: shocks[0].reason: missing (expected text)`,
      `${name}:8:66: shocks[0].size: wrong type (expected a number, got "-0.02")`,
    ]);
  });

  it("reports a refinement of the schema (a shock ending before it starts)", () => {
    const text = JSON.stringify({
      id: "s",
      nameEn: "S",
      description: "d",
      shocks: [
        {
          scope: "*",
          indicator: "gdp",
          type: "level",
          size: 0.1,
          from: 2025,
          to: 2023,
          reason: "r",
        },
      ],
    });
    // In the compact JSON the value of "to" starts at column 126 (counted in Python).
    expect(messages(readScenarioJson(text, testMeta))).toEqual([
      "1:126: shocks[0].to: to must not be before from",
    ]);
  });

  it("returns the scenario as written, without defaults, when it is valid", () => {
    const text = fixture("good", "scenario.json");
    const r = readScenarioJson(text, testMeta);
    expect(r.ok).toBe(true);
    expect(r.issues).toEqual([]);
    expect(r.ok && r.value).toEqual(JSON.parse(text));
    expect(r.ok && "overrides" in r.value).toBe(false);
  });

  it("reports a JSON syntax error and a top level that is not an object", () => {
    expect(
      messages(readScenarioJson('{"id": "s",\n "nameEn": "S"', testMeta, { file: "s.json" })),
    ).toEqual([
      "s.json:2:15: unexpected end of input, expected ',' or '}' after a property value (the '{' at line 1, column 1 is not closed)",
    ]);
    expect(messages(readScenarioJson("[]", testMeta))).toEqual([
      'not a scenario (expected an object such as { "id": …, "nameEn": …, "description": …, "models": [...] }, got an array)',
    ]);
  });

  it("warns of unknown keys named like Object.prototype members instead of throwing", () => {
    // Compact JSON; the columns of the values of "constructor" (83), "toString" (98),
    // "__proto__" (116) and "hasOwnProperty" (250) were counted in Python
    // (text.index('"key": value') + len('"key": ') + 1).
    const text =
      '{"id": "s", "nameEn": "S", "description": "d", "extends": "trend", "constructor": 1, ' +
      '"toString": "x", "__proto__": {"a": 1}, "shocks": [{"scope": "*", "indicator": "gdp", ' +
      '"type": "level", "size": -0.1, "from": 2025, "reason": "r", "hasOwnProperty": 3}]}';
    const r = readScenarioJson(text, testMeta);
    expect(r.ok).toBe(true);
    expect(messages(r)).toEqual([
      '1:83: warning: constructor: unknown key "constructor" is ignored',
      '1:98: warning: toString: unknown key "toString" is ignored',
      '1:116: warning: __proto__: unknown key "__proto__" is ignored',
      '1:250: warning: shocks[0].hasOwnProperty: unknown key "hasOwnProperty" is ignored',
    ]);
  });

  it("reports a key given twice (JSON.parse would silently drop the first list of shocks)", () => {
    const text =
      '{"id": "s", "nameEn": "S", "description": "d",\n' +
      ' "shocks": [{"scope": "*", "indicator": "gdp", "type": "level", "size": -0.1, "from": 2025, "reason": "r"}],\n' +
      ' "shocks": []}';
    expect(messages(readScenarioJson(text, testMeta, { file: "s.json" }))).toEqual([
      "s.json:3:2: shocks: key given twice in the same object (first at line 2, column 2); JSON keeps only the last",
    ]);
  });

  it("checks extends against the scenarios it may extend, when they are given", () => {
    const text = '{"id": "mine", "nameEn": "Mine", "description": "d", "extends": "mine"}';
    // The value of "extends" starts at column 65 (counted in Python).
    expect(messages(readScenarioJson(text, testMeta, { scenarios: ["trend", "plan"] }))).toEqual([
      '1:65: extends: unknown scenario (expected a scenario of the pack: trend or plan, got "mine")',
    ]);
    expect(readScenarioJson(text, testMeta).ok).toBe(true);
  });

  it("does not change its inputs", () => {
    const before = structuredClone(testMeta);
    readScenarioJson(fixture("bad", "scenario-unknown-indicator.json"), testMeta);
    expect(testMeta).toEqual(before);
  });
});
