import { describe, expect, it } from "vitest";
import { resolveScenario } from "../../src/scenarios/resolveScenario.js";
import { selectModel } from "../../src/scenarios/selectModel.js";
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

describe("selectModel", () => {
  const dataset = {
    groups: [{ id: "all", nameZh: "全市", nameEn: "All", members: ["east", "west"] }],
  };
  const gdp = {
    id: "gdp",
    nameZh: "地区生产总值",
    nameEn: "GDP",
    unit: "100M yuan",
    kind: "level" as const,
    aggregation: { rule: "sum" as const },
    scale: "log" as const,
  };
  const scenario = {
    models: [
      { scope: "*", indicator: "*", spec: { kind: "drift" as const }, reason: "default" },
      {
        scope: "all",
        indicator: "gdp",
        spec: { kind: "cagr" as const, rate: 0.05 },
        reason: "group rate",
      },
      {
        scope: "all",
        indicator: "gdp",
        spec: { kind: "path" as const, values: { "2025": 300 } },
        reason: "group path",
      },
      {
        scope: "east",
        indicator: "gdp",
        spec: { kind: "cagr" as const, rate: 0.1 },
        reason: "east",
      },
    ],
  };
  it("selectModel prefers the exact scope, then a group's rate, then the wildcard", () => {
    expect(selectModel(scenario, dataset, "east", gdp).reason).toBe("east");
    expect(selectModel(scenario, dataset, "west", gdp).reason).toBe("group rate");
    expect(selectModel(scenario, dataset, "all", gdp).reason).toBe("group path");
  });
  it("selectModel never hands a group's path (its levels) down to the group's members", () => {
    const onlyPath = { models: [scenario.models[0]!, scenario.models[2]!] };
    expect(selectModel(onlyPath, dataset, "west", gdp).reason).toBe("default");
  });
});
