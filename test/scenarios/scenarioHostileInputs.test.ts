// Hostile scenarios, from the API and the CLI: each case names the problem it must report.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { assessPack } from "../../src/assessment/assessPack.js";
import { ArgumentRangeError, ArgumentTypeError } from "../../src/internal/errors.js";
import { readScenarioJson } from "../../src/io/readScenarioJson.js";
import { formatIssue } from "../../src/schemas/issue.js";
import type { ScenarioInput } from "../../src/schemas/scenario.js";
import { run } from "../cli/runCliHarness.js";
import { obs, syntheticObservations, syntheticPack } from "../helpers/syntheticPack.js";

const HINT = "rates are fractions: 0.055 is 5.5% (a 3-point shock is -0.03)";
const head = { id: "hostile", nameEn: "Hostile", description: "d", extends: "steady" };
const reason = "r";
/** A pack whose group "all" has its own urbanization series (50% in 2020–2023). */
const pack = () =>
  syntheticPack([
    ...syntheticObservations(),
    ...[2020, 2021, 2022, 2023].map((y) => obs("all", "urbanization", y, 50, "%")),
  ]);

function thrown(scenario: unknown): Error {
  try {
    assessPack(pack(), scenario as ScenarioInput);
  } catch (e) {
    return e as Error;
  }
  throw new Error("did not throw");
}

const issuesOf = (scenario: ScenarioInput) => assessPack(pack(), scenario).issues;

describe("malformed scenario objects throw the library's errors", () => {
  it("a growth rate written as a percentage (5.5) is an ArgumentRangeError with the hint", () => {
    const e = thrown({
      ...head,
      models: [{ scope: "east", indicator: "gdp", spec: { kind: "cagr", rate: 5.5 }, reason }],
    });
    expect(e).toBeInstanceOf(ArgumentRangeError);
    expect(e.message).toBe(
      `assessPack: scenario must be a scenario (scenario.models[0].spec.rate: growth rate must be between -1 and 1: ${HINT})`,
    );
  });

  it("a shock of −3 (meant as 3 points) is an ArgumentRangeError with the hint", () => {
    const e = thrown({
      ...head,
      shocks: [{ scope: "east", indicator: "gdp", type: "growth", size: -3, from: 2025, reason }],
    });
    expect(e).toBeInstanceOf(ArgumentRangeError);
    expect(e.message).toContain(`shocks[0].size: shock size must be between -1 and 1: ${HINT}`);
  });

  it("an auto candidate of an unknown kind is refused, naming it", () => {
    const e = thrown({
      ...head,
      models: [
        { scope: "*", indicator: "gdp", spec: { kind: "auto", candidates: ["holtt"] }, reason },
      ],
    });
    expect(e).toBeInstanceOf(ArgumentRangeError);
    expect(e.message).toContain('models[0].spec.candidates[0]: unknown model kind "holtt"');
  });

  it("an auto candidate that is not a valid spec is refused", () => {
    const e = thrown({
      ...head,
      models: [
        {
          scope: "*",
          indicator: "gdp",
          spec: { kind: "auto", candidates: [{ kind: "cagr" }] },
          reason,
        },
      ],
    });
    expect(e).toBeInstanceOf(RangeError);
    expect(e.message).toContain("models[0].spec.candidates[0].rate: invalid candidate");
  });

  it("a scenario that is a number is an ArgumentTypeError naming the parameter", () => {
    const e = thrown(42);
    expect(e).toBeInstanceOf(ArgumentTypeError);
    expect(e.message).toBe(
      'assessPack: scenario must be a scenario id of the pack ("steady") or a scenario object (got 42)',
    );
  });
});

describe("content the pack refuses is an issue of the assessment", () => {
  it("an override of 150% urbanization is out of bounds and not applied", () => {
    const a = assessPack(pack(), {
      ...head,
      overrides: [{ scope: "all", indicator: "urbanization", year: 2025, value: 150, reason }],
    });
    const issue = a.issues.find((i) => i.code === "override-out-of-bounds");
    expect(issue && formatIssue(issue)).toBe(
      "overrides[0].value: override of all urbanization in 2025 is outside the indicator's range (expected between 0% and 100%, got 150)",
    );
  });

  it("an override of −500 GDP is out of bounds", () => {
    const issues = issuesOf({
      ...head,
      overrides: [{ scope: "east", indicator: "gdp", year: 2025, value: -500, reason }],
    });
    expect(issues).toContainEqual(
      expect.objectContaining({
        code: "override-out-of-bounds",
        expected: "at least 0 100M yuan",
        received: "-500",
      }),
    );
  });

  it("an unknown scope is reported with the nearest id", () => {
    const issues = issuesOf({
      ...head,
      overrides: [{ scope: "eats", indicator: "gdp", year: 2025, value: 1, reason }],
    });
    const issue = issues.find((i) => i.field === "overrides[0].scope");
    expect(issue?.message).toBe("unknown place; did you mean east, all or west?");
  });

  it("an unknown indicator in a shock is reported with the nearest id, and the shock as ignored", () => {
    const issues = issuesOf({
      ...head,
      shocks: [{ scope: "*", indicator: "gpd", type: "level", size: -0.1, from: 2025, reason }],
    });
    expect(issues.find((i) => i.field === "shocks[0].indicator")?.message).toBe(
      "unknown indicator; did you mean gdp, population or urban_population?",
    );
    expect(issues).toContainEqual(expect.objectContaining({ code: "shock-ignored" }));
  });

  it("an unknown reference id is reported", () => {
    const issues = issuesOf({
      ...head,
      references: [{ reference: "gdp-70th", spec: { kind: "naive" }, reason }],
    });
    expect(issues).toContainEqual(
      expect.objectContaining({
        code: "unknown-reference",
        field: "references[0].reference",
        received: '"gdp-70th"',
      }),
    );
  });

  it("toYear before the data is named as the problem, in the issue and in the targets' reason", () => {
    const a = assessPack(pack(), { ...head, toYear: 2000 });
    expect(a.issues).toContainEqual(
      expect.objectContaining({
        code: "toYear-not-after-data",
        message:
          "toYear 2000 is not after the latest observation (2023): nothing would be projected; set a later toYear such as 2035",
      }),
    );
    const row = a.rows.find((r) => r.targetId === "gdp-level");
    expect(row?.status).toBe("insufficient-data");
    expect(JSON.stringify(row?.missing)).toContain("toYear (2000)");
  });

  it("a shock in points on a level is refused and not applied", () => {
    const issues = issuesOf({
      ...head,
      shocks: [
        {
          scope: "east",
          indicator: "gdp",
          type: "level",
          mode: "points",
          size: -0.03,
          from: 2025,
          reason,
        },
      ],
    });
    expect(issues.find((i) => i.code === "shock-mode")?.message).toContain(
      "in % only; gdp is in 100M yuan",
    );
  });

  it("an override of a series that cannot be projected is reported with the reason", () => {
    // east's GDP of 1.7e308 in 2023 overflows at 10% a year: no projection to override
    const a = assessPack(
      pack(),
      { ...head, overrides: [{ scope: "east", indicator: "gdp", year: 2025, value: 200, reason }] },
      {
        data: [obs("east", "gdp", 2023, 1.7e308, "100M yuan")],
      },
    );
    expect(a.issues.find((i) => i.code === "override-ignored")?.message).toContain(
      "east gdp has no projection (could not project with cagr: the projection leaves the range of numbers in 2024",
    );
  });
});

describe("projections that leave the range of numbers", () => {
  // 90 shocks doubling each year 2024–2035: a factor of 2^(90·12), far past Number.MAX_VALUE
  const stacked = Array.from({ length: 90 }, () => ({
    scope: "east",
    indicator: "gdp",
    type: "growth" as const,
    size: 1,
    from: 2024,
    to: 2035,
    reason,
  }));
  it("stacked shocks are the series' model failure and its targets need data, never a throw", () => {
    const a = assessPack(pack(), { ...head, shocks: stacked });
    expect(a.issues).toContainEqual(
      expect.objectContaining({
        code: "model-failed",
        message: expect.stringMatching(
          /^east gdp: the shocks and overrides drive the projection out of the range of numbers in 20\d\d$/,
        ),
      }),
    );
    const row = a.rows.find((r) => r.targetId === "east-growth");
    expect(row?.status).toBe("insufficient-data");
    expect(JSON.stringify(row?.missing)).toContain("out of the range of numbers");
  });

  it("an override of 1.7e308 re-bases the next year past the range: a model failure", () => {
    // 2025 = 1.7e308 · 1.1 > Number.MAX_VALUE (≈ 1.798e308)
    const a = assessPack(pack(), {
      ...head,
      overrides: [{ scope: "east", indicator: "gdp", year: 2024, value: 1.7e308, reason }],
    });
    expect(a.issues).toContainEqual(
      expect.objectContaining({
        code: "model-failed",
        message:
          "east gdp: the shocks and overrides drive the projection out of the range of numbers in 2025",
      }),
    );
  });

  it("the CLI assesses such a scenario file with exit 0 and the failure named, not exit 70", async () => {
    const dir = mkdtempSync(join(tmpdir(), "regionsim-scenario-"));
    const file = join(dir, "stacked.json");
    writeFileSync(file, JSON.stringify({ ...head, shocks: stacked }));
    const r = await run(["assess", "--pack", "synthetic", "--scenario", file]);
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).toContain("out of the range of numbers");
  });
});

describe("the CLI checks a scenario file's references and toYear against the pack", () => {
  const write = (name: string, scenario: object) => {
    const dir = mkdtempSync(join(tmpdir(), "regionsim-scenario-"));
    const file = join(dir, name);
    writeFileSync(file, JSON.stringify(scenario));
    return file;
  };

  it("assess reports a reference id the pack does not have, at its field", async () => {
    const file = write("ref.json", {
      ...head,
      references: [{ reference: "gdp-70th", spec: { kind: "naive" }, reason }],
    });
    const r = await run(["assess", "--pack", "synthetic", "--scenario", file]);
    expect(r.stderr).toContain("references[0].reference");
    expect(r.stderr).toContain('"gdp-70th"');
  });

  it("validate reports a toYear before the pack's data", async () => {
    const file = write("early.json", { ...head, toYear: 2000 });
    const r = await run(["validate", "--pack", "synthetic", "--kind", "scenario", file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("toYear 2000 is not after the latest observation (2023)");
  });
});

describe("validate: scenario files checked against the pack", () => {
  const meta = pack().dataset;
  it("a percentage rate is an error at its line and column with the hint", () => {
    const text =
      '{"id": "s", "nameEn": "S", "description": "d",\n "models": [{"scope": "*", "indicator": "gdp", "spec": {"kind": "cagr", "rate": 5.5}, "reason": "r"}]}';
    const r = readScenarioJson(text, meta, { file: "s.json" });
    expect(r.ok).toBe(false);
    expect(r.issues.map(formatIssue)).toContain(
      `s.json:2:81: models[0].spec.rate: growth rate must be between -1 and 1: ${HINT} (expected a fraction a year, e.g. 0.055, got 5.5)`,
    );
  });

  it("an override out of range and a toYear before the data are errors with their fields", () => {
    const text = JSON.stringify({
      id: "s",
      nameEn: "S",
      description: "d",
      toYear: 2000,
      overrides: [{ scope: "all", indicator: "urbanization", year: 2025, value: 150, reason }],
    });
    const r = readScenarioJson(text, meta, { file: "s.json" });
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => [i.code, i.field])).toEqual(
      expect.arrayContaining([
        ["override-out-of-bounds", "overrides[0].value"],
        ["toYear-not-after-data", "toYear"],
      ]),
    );
  });

  it("an unknown reference id is an error when the pack's references are given", () => {
    const text = JSON.stringify({
      id: "s",
      nameEn: "S",
      description: "d",
      references: [{ reference: "gpd-ref", spec: { kind: "naive" }, reason }],
    });
    const r = readScenarioJson(text, meta, { references: ["gdp-ref"] });
    expect(r.issues.map(formatIssue)).toContain(
      '1:69: references[0].reference: unknown reference series; did you mean gdp-ref? (expected gdp-ref, got "gpd-ref")',
    );
  });
});
