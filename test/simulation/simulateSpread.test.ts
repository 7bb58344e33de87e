import { describe, expect, it } from "vitest";
import { simulate } from "../../src/simulation/simulate.js";
import type { SimulationPlan } from "../../src/simulation/simulationPlan.js";

// One series on the log scale, flat at 100, σ 0.05, φ 0: without calibration the cumulated shock
// after t years is N(0, 0.05²·t). With spread [2, 3] it is multiplied by 2 in the first shocked
// year and by 3 from the second on.
const plan = (spread?: number[][][]): SimulationPlan => ({
  baseYear: 2020,
  years: 3,
  places: ["a"],
  groups: [],
  targets: [],
  indicators: [{ id: "gdp", scale: "log", aggregation: { rule: "sum" }, phi: 0, rho: 0 }],
  baseline: [[[Math.log(100), Math.log(100), Math.log(100)]]],
  sigma: [[0.05]],
  ...(spread === undefined ? {} : { spread }),
});

const band = async (p: SimulationPlan) => {
  const r = await simulate(p, { paths: 40_000, seed: 3, workers: 0, quantiles: [0.1, 0.9] });
  return r.series[0]?.quantiles ?? [];
};

describe("simulate: the calibration of the spread by horizon (plan.spread)", () => {
  it("multiplies the cumulated shock by the horizon's factor, the last one beyond", async () => {
    const q = await band(plan([[[2, 3]]]));
    // year 1: sd = 0.05 · 2 = 0.1, 100 · exp(±1.28155 · 0.1) = [87.97, 113.67]
    expect(q[0]?.[0]).toBeCloseTo(87.97, 0);
    expect(q[0]?.[1]).toBeCloseTo(113.67, 0);
    // year 3: sd = 0.05 · √3 · 3 = 0.25981, 100 · exp(±0.33296) = [71.68, 139.51]
    expect(q[2]?.[0]).toBeCloseTo(71.68, 0);
    expect(q[2]?.[1]).toBeCloseTo(139.51, -0.3);
  });

  it("an empty spread leaves the run bit for bit as without one", async () => {
    expect(await band(plan([[[]]]))).toEqual(await band(plan()));
  });

  it("counts the horizon from the series' start", async () => {
    // start 2: year 1 is the baseline; year 2 is horizon 1 (factor 2): sd 0.1 → [87.97, 113.67]
    const q = await band({ ...plan([[[2, 3]]]), start: [[2]] });
    expect(q[0]?.[0]).toBeCloseTo(100, 6);
    expect(q[1]?.[0]).toBeCloseTo(87.97, 0);
    expect(q[1]?.[1]).toBeCloseTo(113.67, 0);
  });

  it("gives the same result in worker threads as in the calling thread", async () => {
    const p = plan([[[2, 3]]]);
    const run = (workers: number) =>
      simulate(p, { paths: 4096, seed: 5, workers, quantiles: [0.1, 0.9] });
    expect((await run(2)).series).toEqual((await run(0)).series);
  });

  it("refuses a spread of the wrong shape", async () => {
    await expect(simulate(plan([]), { paths: 10, seed: 1, workers: 0 })).rejects.toThrow(
      /plan.spread must have 1 rows/,
    );
    await expect(simulate(plan([[]]), { paths: 10, seed: 1, workers: 0 })).rejects.toThrow(
      "simulate: plan.spread[0] must have 1 entries, one per indicator (got 0)",
    );
  });

  it("refuses a start of the wrong shape or past the last year", async () => {
    const run = (start: number[][]) =>
      simulate({ ...plan([[[2, 3]]]), start }, { paths: 10, seed: 1, workers: 0 });
    await expect(run([[1], [1]])).rejects.toThrow(
      "simulate: plan.start must have 1 rows, one per place (got 2)",
    );
    await expect(run([[1, 1]])).rejects.toThrow(
      "simulate: plan.start[0] must have 1 entries, one per indicator (got 2)",
    );
    await expect(run([[5]])).rejects.toThrow(
      "simulate: plan.start[0][0] must be at most 4 (got 5)",
    );
  });
});
