// Every JSON document regionsim reads or writes carries schemaVersion: readers take a missing
// version as the current one, read the same major, and refuse a newer major with a clear message.
import { describe, expect, it } from "vitest";
import {
  AssessmentSchema,
  assessPack,
  formatIssue,
  jsonSchemaOf,
  qujingPack,
  readScenarioJson,
  readTargetsJson,
  SCHEMA_VERSION,
} from "../../src/index.js";
import { testMeta } from "./testMeta.js";

const NEWER =
  'schemaVersion "2.0" is newer than this version of regionsim reads (1.x); upgrade regionsim';

const scenario = (version?: string) =>
  JSON.stringify({
    ...(version === undefined ? {} : { schemaVersion: version }),
    id: "base",
    nameEn: "Base",
    description: "Trend",
  });

const targets = (version?: string) =>
  JSON.stringify({ ...(version === undefined ? {} : { schemaVersion: version }), targets: [] });

describe("schemaVersion", () => {
  it('is "1.0"', () => {
    expect(SCHEMA_VERSION).toBe("1.0");
  });

  it("is read from a scenario: missing or 1.x accepted, 2.0 refused naming the version", () => {
    expect(readScenarioJson(scenario(), testMeta).issues).toEqual([]);
    expect(readScenarioJson(scenario("1.0"), testMeta).issues).toEqual([]);
    expect(readScenarioJson(scenario("1.9"), testMeta).ok).toBe(true);
    const newer = readScenarioJson(scenario("2.0"), testMeta, { file: "s.json" });
    expect(newer.ok).toBe(false);
    // {"schemaVersion":"2.0",… : the value starts at column 18.
    expect(newer.issues.map(formatIssue)).toEqual([
      `s.json:1:18: schemaVersion: ${NEWER} (got "2.0")`,
    ]);
  });

  it("is read from a targets file in its object form", () => {
    expect(readTargetsJson(targets(), testMeta).ok).toBe(true);
    expect(readTargetsJson(targets("1.2"), testMeta).ok).toBe(true);
    expect(
      readTargetsJson(targets("2.0"), testMeta, { file: "t.json" }).issues.map(formatIssue),
    ).toEqual([`t.json:1:18: schemaVersion: ${NEWER}`]);
    expect(readTargetsJson(targets("v1"), testMeta).issues.map(formatIssue)).toEqual(
      [
        'schemaVersion: invalid format (expected a version "major.minor", such as "1.0", got "v1")',
      ].map((m) => `1:18: ${m}`),
    );
  });

  it("is written into every assessment, which its schema accepts", () => {
    const assessment = assessPack(qujingPack, "trend");
    expect(assessment.schemaVersion).toBe(SCHEMA_VERSION);
    expect(AssessmentSchema.safeParse(assessment).success).toBe(true);
    expect(AssessmentSchema.safeParse({ ...assessment, schemaVersion: "2.0" }).success).toBe(false);
  });

  it("is in the JSON Schemas of the documents", () => {
    const properties = (s: Record<string, unknown>) =>
      Object.keys((s.properties ?? {}) as Record<string, unknown>);
    expect(properties(jsonSchemaOf("scenario"))).toContain("schemaVersion");
    expect(properties(jsonSchemaOf("assessment"))).toContain("schemaVersion");
    const forms = (jsonSchemaOf("targets").anyOf ?? []) as Record<string, unknown>[];
    expect(forms.some((f) => properties(f).includes("schemaVersion"))).toBe(true);
  });
});
