import fc from "fast-check";
import {
  mergeSimulationResults,
  SIMULATION_BLOCK_SIZE,
  type SimulationPlan,
  simulate,
} from "regionsim";
import { describe, expect, it } from "vitest";

const BLOCK = SIMULATION_BLOCK_SIZE;

/** A small random plan: P places, two log-scale indicators summed into a city, two targets. */
const planArb = fc
  .record({
    places: fc.integer({ min: 2, max: 4 }),
    years: fc.integer({ min: 1, max: 6 }),
    mu: fc.array(fc.double({ min: -0.05, max: 0.1, noNaN: true }), { minLength: 8, maxLength: 8 }),
    sigma: fc.array(fc.double({ min: 0, max: 0.15, noNaN: true }), { minLength: 8, maxLength: 8 }),
    phi: fc.tuple(
      fc.double({ min: -0.5, max: 0.9, noNaN: true }),
      fc.double({ min: -0.5, max: 0.9, noNaN: true }),
    ),
    rho: fc.tuple(
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
    ),
    threshold: fc.double({ min: 0.8, max: 1.3, noNaN: true }),
  })
  .map(({ places, years, mu, sigma, phi, rho, threshold }): SimulationPlan => {
    const ids = Array.from({ length: places }, (_, p) => `p${p}`);
    return {
      baseYear: 2020,
      years,
      places: ids,
      indicators: [
        { id: "gdp", scale: "log", aggregation: { rule: "sum" }, phi: phi[0], rho: rho[0] },
        { id: "pop", scale: "log", aggregation: { rule: "sum" }, phi: phi[1], rho: rho[1] },
      ],
      groups: [{ id: "city", members: ids }],
      baseline: ids.map((_, p) =>
        [0, 1].map((i) =>
          Array.from(
            { length: years },
            (_, k) => Math.log(100 + 50 * p) + mu[2 * p + i]! * (k + 1),
          ),
        ),
      ),
      sigma: ids.map((_, p) => [sigma[2 * p]!, sigma[2 * p + 1]!]),
      targets: [
        {
          id: "city-gdp",
          year: 2020 + years,
          conditions: [
            {
              measure: { kind: "value", scope: "city", indicator: "gdp" },
              comparator: ">=",
              threshold: threshold * places * 130,
            },
          ],
        },
        {
          id: "p0-share",
          year: null,
          conditions: [
            {
              measure: {
                kind: "ratio",
                numerator: { scope: "p0", indicator: "gdp" },
                denominator: { scope: "city", indicator: "gdp" },
                scale: 100,
              },
              comparator: ">=",
              threshold: 100 / places,
            },
          ],
        },
      ],
    };
  });

const pathsArb = fc.integer({ min: 1, max: 3 * BLOCK + 100 });

describe("simulate properties", () => {
  it("the same seed gives bit-identical results for 1, 2 and 3 workers", async () => {
    await fc.assert(
      fc.asyncProperty(planArb, pathsArb, fc.integer(), async (plan, paths, seed) => {
        const options = { paths, seed, samplePaths: 3 };
        const one = JSON.stringify(await simulate(plan, { ...options, workers: 1 }));
        expect(JSON.stringify(await simulate(plan, { ...options, workers: 2 }))).toBe(one);
        expect(JSON.stringify(await simulate(plan, { ...options, workers: 3 }))).toBe(one);
      }),
      { numRuns: 4 },
    );
  });

  it("merged block ranges equal one run, whatever the split and the order of the parts", async () => {
    await fc.assert(
      fc.asyncProperty(
        planArb,
        fc.integer({ min: 2 * BLOCK + 1, max: 4 * BLOCK }),
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: 1, max: 3 }),
        fc.boolean(),
        async (plan, paths, seed, cut, reverse) => {
          // 3 or 4 blocks; samples span the first two.
          const options = { paths, seed, workers: 0, samplePaths: BLOCK + 10 };
          const whole = await simulate(plan, options);
          const blocks = Math.ceil(paths / BLOCK);
          const at = Math.min(cut, blocks - 1);
          const parts = [
            await simulate(plan, { ...options, blocks: { from: 0, to: at } }),
            await simulate(plan, { ...options, blocks: { from: at, to: blocks } }),
          ];
          const merged = mergeSimulationResults(reverse ? parts.reverse() : parts);
          expect(JSON.stringify(merged)).toBe(JSON.stringify(whole));
          // and the JSON of the parts merges just the same (results are plain data)
          const roundTrip = mergeSimulationResults(parts.map((p) => JSON.parse(JSON.stringify(p))));
          expect(JSON.stringify(roundTrip)).toBe(JSON.stringify(whole));
        },
      ),
      { numRuns: 6 },
    );
  });

  it("a higher baseline growth never lowers the probability of a ≥ target (common random numbers)", async () => {
    await fc.assert(
      fc.asyncProperty(
        planArb,
        fc.double({ min: 0, max: 0.05, noNaN: true }),
        fc.integer(),
        async (plan, delta, seed) => {
          const faster: SimulationPlan = {
            ...plan,
            baseline: plan.baseline.map((row) =>
              row.map((path) => (path === null ? null : path.map((x, k) => x + delta * (k + 1)))),
            ),
          };
          const options = { paths: 2000, seed, workers: 0 };
          const a = await simulate(plan, options);
          const b = await simulate(faster, options);
          expect(b.targets[0]!.probability).toBeGreaterThanOrEqual(a.targets[0]!.probability);
          expect(b.targets[0]!.firstYearMet.never).toBeLessThanOrEqual(
            a.targets[0]!.firstYearMet.never,
          );
          // every city quantile moves up too
          // (two bins of slack, 2 · 2^-11 on the log scale: the two runs have different grids)
          for (const [k, s] of a.series.entries())
            for (const [t, row] of s.quantiles.entries())
              for (const [j, q] of row.entries())
                expect(b.series[k]!.quantiles[t]![j]!).toBeGreaterThanOrEqual(q * (1 - 2e-3));
        },
      ),
      { numRuns: 20 },
    );
  });

  it("permuting places changes no group result beyond floating-point rounding", async () => {
    await fc.assert(
      fc.asyncProperty(
        planArb.chain((plan) =>
          fc.tuple(
            fc.constant(plan),
            fc.shuffledSubarray(
              plan.places.map((_, p) => p),
              { minLength: plan.places.length },
            ),
          ),
        ),
        fc.integer(),
        async ([plan, order], seed) => {
          const permuted: SimulationPlan = {
            ...plan,
            places: order.map((p) => plan.places[p]!),
            baseline: order.map((p) => plan.baseline[p]!),
            sigma: order.map((p) => plan.sigma[p]!),
            groups: [{ id: "city", members: order.map((p) => plan.places[p]!) }],
          };
          const options = { paths: 3000, seed, workers: 0 };
          const a = await simulate(plan, options);
          const b = await simulate(permuted, options);
          const city = (r: typeof a) => r.series.filter((s) => s.scope === "city");
          for (const [k, s] of city(a).entries())
            for (const [t, row] of s.quantiles.entries())
              for (const [j, q] of row.entries())
                expect(Math.abs(city(b)[k]!.quantiles[t]![j]! / q - 1)).toBeLessThan(1e-9);
          // A path changes side only if its city total lies within rounding of the threshold.
          for (const [k, t] of a.targets.entries())
            expect(Math.abs(b.targets[k]!.probability - t.probability)).toBeLessThanOrEqual(
              1 / 3000,
            );
        },
      ),
      { numRuns: 20 },
    );
  });
});
