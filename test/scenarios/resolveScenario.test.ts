import { describe, expect, it } from "vitest";
import { resolveScenario } from "../../src/scenarios/resolveScenario.js";
import type { ScenarioInput } from "../../src/schemas/scenario.js";

const trend: ScenarioInput = {
  id: "trend",
  nameEn: "Trend",
  description: "base",
  models: [{ scope: "*", indicator: "*", spec: { kind: "cagr", rate: 0.05 }, reason: "5%" }],
  useQualityC: true,
};

describe("resolveScenario", () => {
  it("resolveScenario puts the parent's assumptions first and drops extends (the @example)", () => {
    const base = { id: "base", nameEn: "Base", description: "x", models: [] };
    expect(
      resolveScenario({ id: "child", nameEn: "Child", description: "y", extends: "base" }, [base])
        .extends,
    ).toBeUndefined();
    const child = resolveScenario(
      {
        id: "child",
        nameEn: "Child",
        description: "y",
        extends: "trend",
        models: [
          { scope: "qilin", indicator: "gdp", spec: { kind: "cagr", rate: 0.08 }, reason: "8%" },
        ],
      },
      [trend],
    );
    expect(child.models.map((m) => m.reason)).toEqual(["5%", "8%"]);
    expect(child.useQualityC).toBe(true); // inherited: the child does not say
  });

  it("resolveScenario lets a user scenario share the id of the named one it extends", () => {
    const tweaked = resolveScenario(
      {
        id: "trend",
        nameEn: "Trend tweaked",
        description: "t",
        extends: "trend",
        useQualityC: false,
      },
      [trend],
    );
    expect(tweaked.nameEn).toBe("Trend tweaked");
    expect(tweaked.useQualityC).toBe(false);
    expect(tweaked.models).toHaveLength(1);
  });

  it("resolveScenario reports a cycle", () => {
    const a: ScenarioInput = { id: "a", nameEn: "A", description: "a", extends: "b" };
    const b: ScenarioInput = { id: "b", nameEn: "B", description: "b", extends: "a" };
    expect(() => resolveScenario("a", [a, b])).toThrow(
      'resolveScenario: scenario "a" extends itself through "a"',
    );
  });

  it("resolveScenario rejects an unknown id and an invalid scenario", () => {
    expect(() => resolveScenario("downside", [trend])).toThrow(
      'resolveScenario: unknown scenario "downside" (known: trend)',
    );
    expect(() =>
      resolveScenario(
        {
          id: "bad",
          nameEn: "Bad",
          description: "d",
          models: [{ scope: "*", indicator: "gdp", spec: { kind: "cagr", rate: -2 }, reason: "r" }],
        },
        [],
      ),
    ).toThrow(/^resolveScenario: invalid scenario "bad": models\.0\.spec\.rate: /);
  });
});
