import { describe, expect, it } from "vitest";
import { assessPack } from "../../src/assessment/assessPack.js";
import type { Observation, RegionPack, Target } from "../../src/index.js";
import { projectScenario } from "../../src/scenarios/projectScenario.js";
import { resolveScenario } from "../../src/scenarios/resolveScenario.js";
import { RegionPackSchema } from "../../src/schemas/regionPack.js";
import {
  baseScenario,
  obs,
  syntheticObservations,
  syntheticPack,
} from "../helpers/syntheticPack.js";

const plan = { kind: "plan" as const, quote: "测试" };

/** The synthetic pack plus `wage`, a population-weighted mean (east 10, west 5 in 2020–2023). */
function wagePack(): RegionPack {
  const base = syntheticPack();
  const observations: Observation[] = [
    ...syntheticObservations(),
    ...[2020, 2021, 2022, 2023].flatMap((y) => [
      obs("east", "wage", y, 10, "10k yuan"),
      obs("west", "wage", y, 5, "10k yuan", "B"),
    ]),
  ];
  const wage: Target = {
    id: "wage",
    nameZh: "平均工资",
    nameEn: "Average wage",
    kind: "level",
    scope: "all",
    indicator: "wage",
    comparator: ">=",
    value: 7,
    unit: "10k yuan",
    year: 2025,
    baseYear: 2020,
    provenance: plan,
  };
  return RegionPackSchema.parse({
    ...base,
    dataset: {
      ...base.dataset,
      observations,
      indicators: [
        ...base.dataset.indicators,
        {
          id: "wage",
          nameZh: "平均工资",
          nameEn: "Average wage",
          unit: "10k yuan",
          kind: "level",
          aggregation: { rule: "weighted-mean", weight: "population" },
          scale: "log",
        },
      ],
    },
    targets: [wage],
  });
}

describe("projectScenario", () => {
  it("projectScenario marks a weighted mean's years as observed when every member and weight is", () => {
    const pack = wagePack();
    const projection = projectScenario(pack.dataset, resolveScenario("steady", pack.scenarios));
    const wage = projection.series.find((s) => s.scope === "all" && s.indicator === "wage");
    // (10 · 40 + 5 · 60) / (40 + 60) = 7 in every observed year; west's wage is quality B
    expect(wage?.observed.map((p) => [p.year, p.value, p.quality])).toEqual([
      [2020, 7, "B"],
      [2021, 7, "B"],
      [2022, 7, "B"],
      [2023, 7, "B"],
    ]);
    expect(wage?.years[0]).toBe(2024);
  });

  it("projectScenario lets a target on a weighted mean be judged from its members' observations", () => {
    const row = assessPack(wagePack(), "steady").rows[0];
    // flat wages and populations (cagr 0): 7 in 2025, meets ≥ 7
    expect(row?.status).not.toBe("insufficient-data");
    expect(row?.projected).toBeCloseTo(7, 12);
    expect(row?.met).toBe(true);
    expect(row?.latest).toMatchObject({ year: 2023, value: 7 });
  });

  it("projectScenario grades a recomputed rate by the worse of its numerator's and denominator's grades", () => {
    // urban population all quality A; west's population quality B in every year
    const data = syntheticObservations().map((o) =>
      o.place === "west" && o.indicator === "population" ? { ...o, quality: "B" as const } : o,
    );
    const pack = syntheticPack(data);
    const projection = projectScenario(pack.dataset, resolveScenario("steady", pack.scenarios));
    const rate = projection.series.find((s) => s.scope === "all" && s.indicator === "urbanization");
    expect(rate?.observed.map((p) => p.quality)).toEqual(["B", "B", "B", "B"]);
  });

  it("projectScenario sets an override on a zero projection without turning later years into NaN", () => {
    // no labs 2021–2023 in either place, carried forward (naive); the analyst knows east opens 2 in 2024
    const data = [
      ...syntheticObservations(),
      ...[2021, 2022, 2023].flatMap((y) => [
        obs("east", "labs_new", y, 0, "count"),
        obs("west", "labs_new", y, 0, "count"),
      ]),
    ];
    const scenario = {
      ...baseScenario,
      id: "labs",
      models: [
        ...(baseScenario.models ?? []),
        { scope: "*", indicator: "labs_new", spec: { kind: "naive" as const }, reason: "none yet" },
      ],
      overrides: [
        { scope: "east", indicator: "labs_new", year: 2024, value: 2, reason: "two labs open" },
      ],
    };
    const pack = syntheticPack(data);
    const projection = projectScenario(pack.dataset, resolveScenario(scenario, pack.scenarios));
    const east = projection.series.find((s) => s.scope === "east" && s.indicator === "labs_new");
    // 2024 is set; a ratio to the projected 0 is undefined, so later years keep the projection
    expect(east?.values.slice(0, 3)).toEqual([2, 0, 0]);
    const row = assessPack(syntheticPack(data), scenario).rows.find((r) => r.targetId === "labs");
    // 0 + 0 + 0 observed, 2 + 0 projected = 2 < 5
    expect(row?.projected).toBe(2);
    expect(row?.gap).toEqual({ absolute: -3, relative: -0.6 });
  });

  it("projectScenario reports an override that no projected series takes instead of dropping it", () => {
    const scenario = {
      ...baseScenario,
      id: "known-2025",
      overrides: [
        // "all" has no GDP series of its own: its GDP is the sum of east and west
        { scope: "all", indicator: "gdp", year: 2025, value: 300, reason: "a known figure" },
        // west has no labs_new observations at all
        { scope: "west", indicator: "labs_new", year: 2025, value: 1, reason: "one lab" },
      ],
    };
    const pack = syntheticPack();
    const projection = projectScenario(pack.dataset, resolveScenario(scenario, pack.scenarios));
    expect(projection.issues).toEqual([
      expect.objectContaining({
        code: "override-ignored",
        message:
          "override of all gdp in 2025 ignored: all's gdp is aggregated from its places (east, west); override them instead",
      }),
      expect.objectContaining({
        code: "override-ignored",
        message:
          "override of west labs_new in 2025 ignored: no projected series of labs_new for west",
      }),
    ]);
    // and the aggregate is unchanged: 161.051 + 63.814078125
    const row = assessPack(pack, scenario).rows.find((r) => r.targetId === "gdp-level");
    expect(row?.projected).toBeCloseTo(224.865078125, 9);
  });

  it("projectScenario warns when a group's own series takes an override but targets read its places", () => {
    // "all" also has GDP of its own (one 2023 figure), but targets read the sum of its places
    const data = [...syntheticObservations(), obs("all", "gdp", 2023, 191, "100M yuan")];
    const scenario = {
      ...baseScenario,
      id: "known-2025",
      overrides: [{ scope: "all", indicator: "gdp", year: 2025, value: 300, reason: "known" }],
    };
    const pack = syntheticPack(data);
    const projection = projectScenario(pack.dataset, resolveScenario(scenario, pack.scenarios));
    expect(projection.issues).toEqual([
      expect.objectContaining({
        code: "override-ignored",
        message:
          "override of all gdp in 2025 ignored: all's gdp is aggregated from its places (east, west); override them instead",
      }),
    ]);
  });
});
