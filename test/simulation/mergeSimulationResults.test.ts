import { mergeSimulationResults, type SimulationPlan, simulate } from "regionsim";
import { describe, expect, it } from "vitest";

const plan: SimulationPlan = {
  baseYear: 2020,
  years: 3,
  places: ["a", "b"],
  indicators: [{ id: "gdp", scale: "log", aggregation: { rule: "sum" }, phi: 0.3, rho: 0.5 }],
  groups: [{ id: "city", members: ["a", "b"] }],
  baseline: [
    [[Math.log(100) + 0.05, Math.log(100) + 0.1, Math.log(100) + 0.15]],
    [[Math.log(50) + 0.02, Math.log(50) + 0.04, Math.log(50) + 0.06]],
  ],
  sigma: [[0.05], [0.08]],
  targets: [
    {
      id: "city-160",
      year: 2023,
      conditions: [
        {
          measure: { kind: "value", scope: "city", indicator: "gdp" },
          comparator: ">=",
          threshold: 160,
        },
      ],
    },
  ],
};

describe("mergeSimulationResults", () => {
  it("mergeSimulationResults adds block ranges up to the single run (the TSDoc example)", async () => {
    const a = await simulate(plan, {
      paths: 10_000,
      seed: 7,
      workers: 0,
      blocks: { from: 0, to: 4 },
    });
    const b = await simulate(plan, {
      paths: 10_000,
      seed: 7,
      workers: 0,
      blocks: { from: 4, to: 10 },
    });
    const whole = await simulate(plan, { paths: 10_000, seed: 7, workers: 0 });
    expect(a.paths + b.paths).toBe(10_000);
    expect(JSON.stringify(mergeSimulationResults([b, a]))).toBe(JSON.stringify(whole));
  });

  it("mergeSimulationResults concatenates sampled paths across blocks in path order", async () => {
    const options = { paths: 9000, seed: 3, workers: 0, samplePaths: 5000 };
    const whole = await simulate(plan, options);
    // 9 blocks of 1024 paths in three ranges; the 5000 sampled paths span the first two.
    const parts = [0, 3, 6].map((k) =>
      simulate(plan, { ...options, blocks: { from: k, to: k + 3 } }),
    );
    const merged = mergeSimulationResults(await Promise.all(parts));
    expect(merged.samples[0]!.paths.length).toBe(5000);
    expect(merged.samples).toEqual(whole.samples);
  });

  it("mergeSimulationResults returns a single result unchanged", async () => {
    const r = await simulate(plan, { paths: 100, seed: 1, workers: 0 });
    expect(mergeSimulationResults([r])).toBe(r);
  });

  it("mergeSimulationResults refuses results of different simulations, gaps and overlaps", async () => {
    expect(() => mergeSimulationResults([])).toThrow("mergeSimulationResults: no results to merge");
    const options = { paths: 3 * 1024, seed: 1, workers: 0 };
    const first = await simulate(plan, { ...options, blocks: { from: 0, to: 1 } });
    const third = await simulate(plan, { ...options, blocks: { from: 2, to: 3 } });
    expect(() => mergeSimulationResults([first, third])).toThrow(
      "mergeSimulationResults: block ranges must be adjacent and disjoint ([0, 1) then [2, 3))",
    );
    expect(() => mergeSimulationResults([first, first])).toThrow(RangeError);
    const otherSeed = await simulate(plan, { ...options, seed: 2, blocks: { from: 1, to: 2 } });
    expect(() => mergeSimulationResults([first, otherSeed])).toThrow(
      /^mergeSimulationResults: results come from different simulations \(fingerprint [0-9a-f]+ ≠ [0-9a-f]+\)$/,
    );
  });
});

describe("simulate TSDoc example", () => {
  it("simulate's example: a level whose median is the threshold is met half the time", async () => {
    const single: SimulationPlan = {
      baseYear: 2020,
      years: 1,
      places: ["a"],
      groups: [],
      indicators: [{ id: "gdp", scale: "log", aggregation: { rule: "sum" }, phi: 0, rho: 0 }],
      baseline: [[[Math.log(100)]]],
      sigma: [[0.1]],
      targets: [
        {
          id: "gdp-100",
          year: 2021,
          conditions: [
            {
              measure: { kind: "value", scope: "a", indicator: "gdp" },
              comparator: ">=",
              threshold: 100,
            },
          ],
        },
      ],
    };
    const result = await simulate(single, { paths: 100_000, seed: 1, workers: 0 });
    // P = 0.5 exactly; 4 binomial standard errors at 100,000 paths are 0.0063.
    expect(Math.abs(result.targets[0]!.probability - 0.5)).toBeLessThan(0.0063);
  });
});
