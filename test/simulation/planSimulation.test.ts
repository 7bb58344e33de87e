import { describe, expect, it } from "vitest";
import { buildTargetContext } from "../../src/assessment/buildTargetContext.js";
import type { Observation, ScenarioInput, Target } from "../../src/index.js";
import { estimateUncertainty } from "../../src/scenarios/estimateUncertainty.js";
import { projectScenario } from "../../src/scenarios/projectScenario.js";
import { resolveScenario } from "../../src/scenarios/resolveScenario.js";
import { RegionPackSchema } from "../../src/schemas/regionPack.js";
import { compileSimulationPlan, planSimulation } from "../../src/simulation/planSimulation.js";
import { simulatePack } from "../../src/simulation/simulatePack.js";
import {
  baseScenario,
  obs,
  syntheticObservations,
  syntheticPack,
} from "../helpers/syntheticPack.js";

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
  unit: "100M yuan",
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

describe("planSimulation", () => {
  it("planSimulation keeps a group's own series apart from a place whose id ends in -own", async () => {
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

  it("planSimulation leaves out a target whose series has no value in the first simulated year", async () => {
    // urbanization's parts end in 2021 (the simulation starts in 2022); GDP is observed only in
    // 2023–2024, so it has no value in 2022 to start a path from
    const observations: Observation[] = [];
    for (const y of [2023, 2024])
      observations.push(
        obs("east", "gdp", y, 150, "100M yuan"),
        obs("west", "gdp", y, 70, "100M yuan"),
      );
    for (const y of [2018, 2019, 2020, 2021])
      observations.push(
        obs("east", "population", y, 40, "10k persons"),
        obs("west", "population", y, 60, "10k persons"),
        obs("east", "urban_population", y, 30, "10k persons"),
        obs("west", "urban_population", y, 20, "10k persons"),
      );
    const pack = syntheticPack(observations);
    const {
      plan: simPlan,
      skipped,
      assessment,
    } = await simulatePack(pack, noShocks, {
      paths: 1024,
      seed: 1,
      workers: 0,
    });
    expect(simPlan.baseYear).toBe(2021);
    expect(skipped).toContainEqual({
      targetId: "gdp-level",
      reason:
        "no value of gdp for east in 2022, the first simulated year (its observations start in 2023)",
    });
    const row = (id: string) => assessment.rows.find((r) => r.targetId === id);
    // still judged deterministically: (150 + 70) · 1.1 = 242 < 250
    expect(row("gdp-level")?.met).toBe(false);
    expect(row("gdp-level")?.probability).toBeNull();
    // urbanization 100 · 50 / 100 = 50% every year, < 60: simulated, never met
    expect(row("urbanization")?.probability).toBe(0);
  });

  it("planSimulation keeps an about count target's band in units of the target", async () => {
    // 100 new labs "about" (±2%: 98–102): 33 a year observed in 2021–2023 (99), then 1.25 in
    // 2024 and in 2025: 101.5, inside the band. What is still needed is 100 − 99 = 1 ± 2.
    const base = syntheticPack([
      ...syntheticObservations(),
      ...[2021, 2022, 2023].flatMap((y) => [
        obs("east", "labs_new", y, 33, "count"),
        obs("west", "labs_new", y, 0, "count"),
      ]),
    ]);
    const labs = base.targets.find((t) => t.id === "labs") as Target;
    const pack = {
      ...base,
      targets: [{ ...labs, comparator: "about" as const, tolerance: 0.02, value: 100 }],
    };
    const scenario: ScenarioInput = {
      ...noShocks,
      models: [
        ...(noShocks.models ?? []),
        {
          scope: "east",
          indicator: "labs_new",
          spec: { kind: "path", values: { "2024": 1.25, "2025": 1.25 } },
          reason: "slower",
        },
        {
          scope: "west",
          indicator: "labs_new",
          spec: { kind: "path", values: { "2025": 0 } },
          reason: "none",
        },
      ],
    };
    const { assessment } = await simulatePack(pack, scenario, { paths: 1024, seed: 1, workers: 0 });
    const row = assessment.rows[0];
    expect(row?.projected).toBeCloseTo(101.5, 12);
    expect(row?.met).toBe(true);
    // no shocks: the simulation must agree (a band of ±1 around the 1 still needed said no)
    expect(row?.probability).toBe(1);
  });

  it("planSimulation leaves out ratios of series that are not on the log scale, saying why", async () => {
    // population modelled on a linear scale: the engine recomputes rates and shares only from
    // positive (log-scale) parts, so the urbanization rate and a population share are skipped
    const base = syntheticPack();
    const popShare: Target = {
      id: "east-pop-share",
      nameZh: "东区人口占比",
      nameEn: "East population share",
      kind: "share",
      scope: "east",
      indicator: "population",
      denominator: { scope: "all" },
      comparator: ">=",
      value: 30,
      unit: "%",
      year: 2025,
      baseYear: 2020,
      provenance: plan,
    };
    const pack = RegionPackSchema.parse({
      ...base,
      dataset: {
        ...base.dataset,
        indicators: base.dataset.indicators.map((i) =>
          i.id === "population" ? { ...i, scale: "linear" } : i,
        ),
      },
      targets: [...base.targets, popShare],
    });
    const { skipped, assessment } = await simulatePack(pack, noShocks, {
      paths: 1024,
      seed: 1,
      workers: 0,
    });
    expect(skipped).toContainEqual({
      targetId: "urbanization",
      reason:
        'all\'s urbanization is a ratio of "urban_population" and "population", which the simulation needs on the log scale',
    });
    expect(skipped).toContainEqual({
      targetId: "east-pop-share",
      reason: "a share is simulated only from log-scale (positive) series: population is linear",
    });
    // the GDP targets are still simulated: 2023 city GDP 190.98125 · 1.1² = 231.09 < 250, no shocks
    expect(assessment.rows.find((r) => r.targetId === "gdp-level")?.probability).toBe(0);
  });
});

describe("planSimulation, called directly", () => {
  /** A synthetic pack with a reference series, the 10th city's GDP: 200 · 1.05^k in 2020–2023. */
  const withReference = (targets: Target[]) => {
    const base = syntheticPack();
    return RegionPackSchema.parse({
      ...base,
      references: [
        {
          id: "tenth",
          nameZh: "第十",
          nameEn: "Tenth city",
          unit: "100M yuan",
          years: [2020, 2021, 2022, 2023],
          values: [0, 1, 2, 3].map((k) => 200 * 1.05 ** k),
          source: "TEST",
        },
      ],
      targets,
    });
  };
  const scenario: ScenarioInput = {
    ...noShocks,
    toYear: 2030,
    references: [{ reference: "tenth", spec: { kind: "cagr", rate: 0.05 }, reason: "5%" }],
  };
  const planOf = (pack: ReturnType<typeof withReference>, evaluable = (_: Target) => true) => {
    const resolved = resolveScenario(scenario, pack.scenarios);
    const projection = projectScenario(pack.dataset, resolved, pack.references);
    const context = buildTargetContext(pack, pack.dataset, projection);
    const uncertainty = estimateUncertainty(pack.dataset, projection, resolved);
    return planSimulation(pack.targets, context, uncertainty, evaluable);
  };
  const rank: Target = {
    id: "top10",
    nameZh: "前十",
    nameEn: "Top 10",
    kind: "rank",
    scope: "all",
    indicator: "gdp",
    reference: "tenth",
    comparator: "<=",
    value: 10,
    unit: "rank",
    year: null,
    baseYear: 2020,
    provenance: plan,
  };

  it("planSimulation runs a reference as a pseudo-place with a log-scale indicator of its own", () => {
    const { plan: simPlan, skipped } = planOf(withReference([rank]));
    expect(skipped).toEqual([]);
    // every series is observed through 2023: the simulation runs 2024–2030
    expect(simPlan.baseYear).toBe(2023);
    expect(simPlan.years).toBe(7);
    // all's GDP is read from its places (a group on every path), the reference as "ref-tenth"
    expect(simPlan.places).toEqual(["east", "west", "ref-tenth"]);
    expect(simPlan.groups).toEqual([{ id: "all", members: ["east", "west"] }]);
    expect(simPlan.indicators.map((i) => [i.id, i.scale, i.aggregation.rule])).toEqual([
      ["gdp", "log", "sum"],
      ["tenth", "log", "none"],
    ]);
    expect(simPlan.baseline[2]?.[1]?.[0]).toBeCloseTo(Math.log(200 * 1.05 ** 4), 12);
    expect(simPlan.baseline[2]?.[0]).toBeNull();
    expect(simPlan.start).toEqual([
      [1, 1],
      [1, 1],
      [1, 1],
    ]);
    // rank 10 or better (<=): the city's GDP at least the 10th city's, in some year of the window
    expect(simPlan.targets).toEqual([
      {
        id: "top10",
        year: 2025,
        window: { from: 2024, to: 2030 },
        conditions: [
          {
            measure: {
              kind: "ratio",
              numerator: { scope: "all", indicator: "gdp" },
              denominator: { scope: "ref-tenth", indicator: "tenth" },
              scale: 1,
            },
            comparator: ">=",
            threshold: 1,
          },
        ],
      },
    ]);
  });

  it("planSimulation leaves out a target that is not evaluable deterministically, first", () => {
    const { plan: simPlan, skipped } = planOf(withReference([rank]), () => false);
    expect(skipped).toEqual([{ targetId: "top10", reason: "not evaluable deterministically" }]);
    expect(simPlan.targets).toEqual([]);
  });

  it("compileSimulationPlan is planSimulation under its deprecated name", () => {
    expect(compileSimulationPlan).toBe(planSimulation);
  });
});
