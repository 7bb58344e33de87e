import { describe, expect, it } from "vitest";
import type { ScenarioInput } from "../../src/schemas/scenario.js";
import { simulate } from "../../src/simulation/simulate.js";
import { simulatePack } from "../../src/simulation/simulatePack.js";
import type { SimulationPlan } from "../../src/simulation/simulationPlan.js";
import {
  formulaPack,
  GDP_PER_CAPITA,
  GDP_PER_CAPITA_RATIO,
  levelTarget,
  uncertain,
} from "../helpers/formulaPack.js";
import { baseScenario } from "../helpers/syntheticPack.js";

/** Binomial standard error of a probability estimated from n paths. */
const se = (p: number, n: number) => Math.sqrt((p * (1 - p)) / n);

describe("simulating targets on a derived indicator", () => {
  it("simulatePack meets a derived target on every path or none when nothing is uncertain", async () => {
    const still: ScenarioInput = {
      ...baseScenario,
      id: "still",
      uncertainty: [{ scope: "*", indicator: "*", sigma: 0, reason: "test: no shocks" }],
    };
    // The deterministic values: east 10000 · 161.051 / 40 = 40262.75, the city
    // 10000 · 224.865078125 / 100 = 22486.5078125; thresholds a hair below and above them.
    const targets = [
      levelTarget("east-below", "east", 40262.75 * (1 - 1e-9)),
      levelTarget("east-above", "east", 40262.75 * (1 + 1e-9)),
      levelTarget("city-below", "all", 22486.5078125 * (1 - 1e-9)),
      levelTarget("city-above", "all", 22486.5078125 * (1 + 1e-9)),
    ];
    const { assessment, skipped } = await simulatePack(
      formulaPack([GDP_PER_CAPITA], targets),
      still,
      {
        paths: 2048,
        seed: 1,
        workers: 0,
      },
    );
    expect(skipped).toEqual([]);
    expect(assessment.rows.map((r) => [r.targetId, r.probability])).toEqual([
      ["east-below", 1],
      ["east-above", 0],
      ["city-below", 1],
      ["city-above", 0],
    ]);
  });

  it("simulatePack gives a place's GDP per capita the probability of its closed form", async () => {
    const N = 40_000;
    const { assessment, plan } = await simulatePack(
      formulaPack([GDP_PER_CAPITA], [levelTarget("east-pc", "east", 42000)]),
      uncertain,
      { paths: N, seed: 5, workers: 0 },
    );
    // The plan carries the formula; the indicator has no series of its own.
    const derived = plan.indicators.find((i) => i.id === "gdp_per_capita");
    expect(derived).toMatchObject({
      aggregation: { rule: "formula" },
      formula: "10000 * gdp / population",
    });
    expect(plan.baseline.every((row) => row[plan.indicators.indexOf(derived!)] === null)).toBe(
      true,
    );
    // log(east's GDP per capita in 2025) ~ N(log 40262.75, 2 · (0.1² + 0.05²)); scipy:
    // norm.sf(log(42000 / 40262.75) / sqrt(2 * (0.1**2 + 0.05**2))) = 0.39467009041653484
    const p = 0.39467009041653484;
    const got = assessment.rows[0]?.probability as number;
    expect(Math.abs(got - p)).toBeLessThan(4 * se(p, N));
    // The row's interval becomes the simulated band, close to the closed form's
    // [32877.73, 49306.59] (scipy, see formulaTargets.test.ts).
    const interval = assessment.rows[0]?.interval;
    expect(interval?.lower).toBeGreaterThan(32877.73 * 0.98);
    expect(interval?.lower).toBeLessThan(32877.73 * 1.02);
    expect(interval?.upper).toBeGreaterThan(49306.59 * 0.98);
    expect(interval?.upper).toBeLessThan(49306.59 * 1.02);
  });

  it("simulatePack computes a group's formula as its ratio rule twin does, path by path", async () => {
    // 10000 · Σ gdp / Σ population on every path, by the kernel's formula op and by its ratio op:
    // the same paths, the same arithmetic, the same count of paths meeting the target.
    const targets = [
      levelTarget("formula", "all", 23000),
      levelTarget("ratio", "all", 23000, { indicator: "gdp_per_capita_ratio" }),
    ];
    const { assessment, simulation } = await simulatePack(
      formulaPack([GDP_PER_CAPITA, GDP_PER_CAPITA_RATIO], targets),
      uncertain,
      { paths: 10_000, seed: 11, workers: 0 },
    );
    const [a, b] = assessment.rows.map((r) => r.probability as number);
    expect(a).toBeGreaterThan(0.2);
    expect(a).toBeLessThan(0.8);
    expect(a).toBe(b);
    const quantiles = (id: string) =>
      simulation?.targets.find((t) => t.id === id)?.conditions[0]?.value ?? [];
    // Their histograms' grids come from bounds worked out two ways (interval arithmetic for the
    // formula, log-scale sums for the ratio), equal up to rounding: so are the quantiles.
    const ratio = quantiles("ratio");
    expect(ratio.length).toBeGreaterThan(0);
    quantiles("formula").forEach((q, k) => {
      expect(Math.abs(q - (ratio[k] as number))).toBeLessThan(1e-9 * (ratio[k] as number));
    });
  });

  it("simulatePack gives the same result for a derived target with 0 and 2 workers", async () => {
    const pack = formulaPack([GDP_PER_CAPITA], [levelTarget("city-pc", "all", 23000)]);
    const run = (workers: number) =>
      simulatePack(pack, uncertain, { paths: 3000, seed: 2, workers });
    const [a, b] = await Promise.all([run(0), run(2)]);
    expect(JSON.stringify(b.simulation?.state)).toBe(JSON.stringify(a.simulation?.state));
  });
});

describe("simulate with a hand-written plan of derived indicators", () => {
  const base: SimulationPlan = {
    baseYear: 2020,
    years: 2,
    places: ["a"],
    groups: [],
    targets: [],
    indicators: [
      { id: "gdp", scale: "log", aggregation: { rule: "sum" }, phi: 0, rho: 0 },
      { id: "pop", scale: "log", aggregation: { rule: "sum" }, phi: 0, rho: 0 },
      {
        id: "pc",
        scale: "log",
        aggregation: { rule: "formula" },
        formula: "gdp / pop * 10000",
        phi: 0,
        rho: 0,
      },
    ],
    baseline: [[[Math.log(110), Math.log(121)], [Math.log(50), Math.log(50)], null]],
    sigma: [[0, 0, 0]],
  };
  const withPc = (pc: Partial<SimulationPlan["indicators"][number]>): SimulationPlan => ({
    ...base,
    indicators: [base.indicators[0]!, base.indicators[1]!, { ...base.indicators[2]!, ...pc }],
  });

  it("simulate charts a place's derived value from its formula", async () => {
    const result = await simulate(base, {
      paths: 1024,
      seed: 1,
      series: [{ scope: "a", indicator: "pc" }],
      quantiles: [0.5],
    });
    // no shocks: 10000 · 121 / 50 = 24200 in 2022 on every path
    expect(result.series[0]?.quantiles[1]?.[0]).toBeCloseTo(24200, 6);
  });

  it("simulate refuses a formula that names no indicator of the plan, a cycle, or a mismatched rule", async () => {
    const run = (plan: SimulationPlan) => simulate(plan, { paths: 1024, seed: 1 });
    await expect(run(withPc({ formula: "gdp / people" }))).rejects.toThrow(
      'simulate: the formula of indicator "pc" names "people", which is not an indicator of the plan',
    );
    await expect(run(withPc({ formula: "pc + 1" }))).rejects.toThrow(
      'simulate: the formulas of indicators "pc" → "pc" form a cycle',
    );
    await expect(run(withPc({ aggregation: { rule: "sum" } }))).rejects.toThrow(
      'simulate: indicator "pc" has a formula but aggregates by "sum"',
    );
    await expect(run(withPc({ formula: "gdp ; pop" }))).rejects.toThrow(
      'simulate: the formula of indicator "pc" uses several expressions',
    );
  });
});
