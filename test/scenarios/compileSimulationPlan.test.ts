import { describe, expect, it } from "vitest";
import type { Observation, ScenarioInput, Target } from "../../src/index.js";
import { simulatePack } from "../../src/scenarios/simulatePack.js";
import { RegionPackSchema } from "../../src/schemas/regionPack.js";
import { baseScenario, obs, syntheticPack } from "../helpers/syntheticPack.js";

const plan = { kind: "plan" as const, quote: "测试" };
const level = (id: string, scope: string, indicator: string, value: number): Target => ({
  id,
  nameZh: id,
  nameEn: id,
  kind: "level",
  scope,
  indicator,
  comparator: ">=",
  value,
  unit: "x",
  year: 2025,
  baseYear: 2020,
  provenance: plan,
});
/** Every series grows 10% a year, with no shocks: probabilities are 0 or 1, as the verdicts. */
const noShocks: ScenarioInput = {
  ...baseScenario,
  id: "fixed",
  models: [{ scope: "*", indicator: "*", spec: { kind: "cagr", rate: 0.1 }, reason: "10%" }],
  uncertainty: [{ scope: "*", indicator: "*", sigma: 0, reason: "deterministic" }],
};

describe("compileSimulationPlan", () => {
  it("compileSimulationPlan keeps a group's own series apart from a place whose id ends in -own", async () => {
    const base = syntheticPack();
    // "all" has GDP of its own (west has none, so no sum); a place is called "all-own"
    const observations: Observation[] = [2020, 2021, 2022, 2023].flatMap((y, k) => [
      obs("all", "gdp", y, 1000 * 1.1 ** k, "100M yuan"),
      obs("all-own", "gdp", y, 10, "100M yuan"),
      obs("east", "gdp", y, 100, "100M yuan"),
    ]);
    const pack = RegionPackSchema.parse({
      ...base,
      dataset: {
        ...base.dataset,
        places: [
          ...base.dataset.places,
          { id: "all-own", nameZh: "园区", nameEn: "Zone", kind: "zone" },
        ],
        observations,
      },
      // 2025: all 1331 · 1.1² = 1610.51 ≥ 1400; all-own 10 · 1.1² = 12.1 ≥ 11
      targets: [level("city", "all", "gdp", 1400), level("zone", "all-own", "gdp", 11)],
    });
    const { plan: simPlan, assessment } = await simulatePack(pack, noShocks, {
      paths: 1024,
      seed: 1,
      workers: 0,
    });
    expect(new Set(simPlan.places).size).toBe(2);
    expect(assessment.rows.map((r) => [r.targetId, r.met, r.probability])).toEqual([
      ["city", true, 1],
      ["zone", true, 1],
    ]);
  });
});
