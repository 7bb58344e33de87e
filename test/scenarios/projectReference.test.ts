import { describe, expect, it } from "vitest";
import type { ScenarioInput } from "../../src/index.js";
import { projectReference } from "../../src/scenarios/projectReference.js";
import { resolveScenario } from "../../src/scenarios/resolveScenario.js";
import type { Issue } from "../../src/schemas/issue.js";
import type { ReferenceSeries } from "../../src/schemas/regionPack.js";

const kth: ReferenceSeries = {
  id: "kth",
  nameZh: "第70位",
  nameEn: "70th city",
  unit: "100M yuan",
  years: [2022, 2023],
  values: [100, 110],
  breaks: [],
  source: "TEST",
};

const scenario = (references: ScenarioInput["references"]) =>
  resolveScenario({ id: "s", nameEn: "S", description: "d", toYear: 2025, references }, []);

describe("projectReference", () => {
  it("projectReference continues the observed values with the scenario's model", () => {
    const issues: Issue[] = [];
    const p = projectReference(
      kth,
      scenario([{ reference: "kth", spec: { kind: "cagr", rate: 0.1 }, reason: "10% a year" }]),
      issues,
    );
    expect(p.years).toEqual([2022, 2023, 2024, 2025]);
    // 110 · 1.1 = 121, 121 · 1.1 = 133.1
    expect(p.values[2]).toBeCloseTo(121, 9);
    expect(p.values[3]).toBeCloseTo(133.1, 9);
    expect(p).toMatchObject({ observedThrough: 2023, reason: "10% a year" });
    expect(issues).toEqual([]);
  });

  it("projectReference keeps the observed values alone without an assumption", () => {
    const p = projectReference(kth, scenario([]), []);
    expect(p.years).toEqual([2022, 2023]);
    expect(p.reason).toBe("no assumption in the scenario: observed values only");
  });
});
