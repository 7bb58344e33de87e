import { describe, expect, it } from "vitest";
import { projectScenario } from "../../src/scenarios/projectScenario.js";
import { resolveScenario } from "../../src/scenarios/resolveScenario.js";
import type { ScenarioInput } from "../../src/schemas/scenario.js";
import { obs, syntheticObservations, syntheticPack } from "../helpers/syntheticPack.js";

/** The projected values of one direct series by year. */
function projected(scenario: ScenarioInput, scope: string, indicator: string, extra = false) {
  const pack = syntheticPack([
    ...syntheticObservations(),
    ...(extra ? [2020, 2021, 2022, 2023].map((y) => obs("all", "urbanization", y, 50, "%")) : []),
  ]);
  const projection = projectScenario(
    pack.dataset,
    resolveScenario(scenario, [pack.scenarios[0] as ScenarioInput]),
  );
  const series = projection.series.find(
    (s) => s.scope === scope && s.indicator === indicator && s.basis === "observed",
  );
  const byYear = new Map(series?.years.map((y, k) => [y, series.values[k] as number]));
  return { byYear, series, issues: projection.issues };
}

const flat = {
  scope: "*",
  indicator: "*",
  spec: { kind: "cagr", rate: 0 },
  reason: "flat",
} as const;
const east10 = {
  scope: "east",
  indicator: "gdp",
  spec: { kind: "cagr", rate: 0.1 },
  reason: "10%",
} as const;

describe("model assumptions by year (from)", () => {
  it("grows by the earlier model to from − 1, then by the later one from the value reached", () => {
    // east GDP 2023 = 100 · 1.1³ = 133.1; 2024 at 10%: 146.41; from 2025 at 5.5%:
    // 2025 = 146.41 · 1.055 = 154.46255; 2026 = 154.46255 · 1.055 = 162.958990...
    const { byYear, series } = projected(
      {
        id: "by-year",
        nameEn: "By year",
        description: "10% to 2024, then 5.5% a year from 2025",
        models: [
          flat,
          east10,
          {
            scope: "east",
            indicator: "gdp",
            spec: { kind: "cagr", rate: 0.055 },
            reason: "5.5%",
            from: 2025,
          },
        ],
      },
      "east",
      "gdp",
    );
    expect(byYear.get(2024)).toBeCloseTo(146.41, 9);
    expect(byYear.get(2025)).toBeCloseTo(154.46255, 9);
    expect(byYear.get(2026)).toBeCloseTo(162.95799025, 8);
    expect(series?.notes.some((n) => n.startsWith("from 2025: cagr (5.5%)"))).toBe(true);
  });

  it("applies an entry with from to every projected year when from is at or before the first", () => {
    // from 2020 ≤ 2024 (the first projected year): 5.5% from 133.1: 2024 = 140.4205
    const { byYear } = projected(
      {
        id: "early",
        nameEn: "Early",
        description: "from before the data end",
        models: [flat, east10, { ...east10, spec: { kind: "cagr", rate: 0.055 }, from: 2020 }],
      },
      "east",
      "gdp",
    );
    expect(byYear.get(2024)).toBeCloseTo(140.4205, 9);
  });

  it("lets a more specific entry win over a later from that is less specific", () => {
    // "*" gdp from 2025 is less specific than east gdp: east keeps 10% (2025 = 133.1 · 1.1² = 161.051)
    const { byYear } = projected(
      {
        id: "specific",
        nameEn: "Specific",
        description: "specificity before from",
        models: [
          flat,
          east10,
          {
            scope: "*",
            indicator: "gdp",
            spec: { kind: "cagr", rate: 0.5 },
            reason: "x",
            from: 2025,
          },
        ],
      },
      "east",
      "gdp",
    );
    expect(byYear.get(2025)).toBeCloseTo(161.051, 9);
  });

  it("starts a later path from the value the earlier model reached, reaching the path's value", () => {
    // 10% to 2025 (161.051), then a path to 200 in 2030 from there
    const { byYear } = projected(
      {
        id: "path",
        nameEn: "Path",
        description: "a path from 2026",
        models: [
          flat,
          east10,
          {
            ...east10,
            spec: { kind: "path", values: { "2030": 200 } },
            reason: "plan",
            from: 2026,
          },
        ],
      },
      "east",
      "gdp",
    );
    expect(byYear.get(2025)).toBeCloseTo(161.051, 9);
    expect(byYear.get(2030)).toBeCloseTo(200, 9);
    const v2026 = byYear.get(2026) as number;
    expect(v2026).toBeGreaterThan(161.051);
    expect(v2026).toBeLessThan(200);
  });
});

describe("shocks in points", () => {
  const base = {
    id: "points",
    nameEn: "Points",
    description: "urbanization shocked in points",
    models: [flat],
  };
  it("lowers a rate by 3 points in the years of a level shock in points", () => {
    // flat 50%: 2025–2026 at 50 − 3 = 47, 2027 back at 50
    const { byYear } = projected(
      {
        ...base,
        shocks: [
          {
            scope: "all",
            indicator: "urbanization",
            type: "level",
            mode: "points",
            size: -0.03,
            from: 2025,
            to: 2026,
            reason: "r",
          },
        ],
      },
      "all",
      "urbanization",
      true,
    );
    expect(byYear.get(2024)).toBeCloseTo(50, 9);
    expect(byYear.get(2025)).toBeCloseTo(47, 9);
    expect(byYear.get(2026)).toBeCloseTo(47, 9);
    expect(byYear.get(2027)).toBeCloseTo(50, 9);
  });

  it("lowers each year's change by 1 point over a growth shock's span, the loss persisting", () => {
    // 2025: 49, 2026: 48, 2027: 47, 2028 on: 47
    const { byYear } = projected(
      {
        ...base,
        shocks: [
          {
            scope: "all",
            indicator: "urbanization",
            type: "growth",
            mode: "points",
            size: -0.01,
            from: 2025,
            to: 2027,
            reason: "r",
          },
        ],
      },
      "all",
      "urbanization",
      true,
    );
    expect([2025, 2026, 2027, 2028].map((y) => byYear.get(y))).toEqual(
      [49, 48, 47, 47].map((v) => expect.closeTo(v, 9)),
    );
  });

  it("keeps shocks relative by default: −0.03 is 3% of the value", () => {
    // 50 · 0.97 = 48.5
    const { byYear } = projected(
      {
        ...base,
        shocks: [
          {
            scope: "all",
            indicator: "urbanization",
            type: "level",
            size: -0.03,
            from: 2025,
            reason: "r",
          },
        ],
      },
      "all",
      "urbanization",
      true,
    );
    expect(byYear.get(2025)).toBeCloseTo(48.5, 9);
  });
});
