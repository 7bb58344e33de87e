// Arbitrary JSON in any argument of the simulation's entry points gives a result or the
// library's argument error naming the function and a parameter; never another error. Runs are
// tiny (a few paths, in the calling thread).
import fc from "fast-check";
import {
  mergeSimulationResults,
  planSimulation,
  qujingPack,
  type SimulationPlan,
  simulate,
  simulateAssessment,
  simulatePack,
} from "regionsim";
import { describe, it } from "vitest";
import { loose, resolvesOrOwnError, returnsOrOwnError } from "../assessment/entryErrors.js";

const json = fc.jsonValue({ maxDepth: 3 });
const runs = { numRuns: 30 };
const plan: SimulationPlan = {
  baseYear: 2020,
  years: 1,
  places: ["a"],
  groups: [],
  indicators: [{ id: "gdp", scale: "log", aggregation: { rule: "sum" }, phi: 0, rho: 0 }],
  baseline: [[[Math.log(100)]]],
  sigma: [[0.1]],
  targets: [],
};
const tiny = { paths: 8, seed: 1, workers: 0 };

describe("simulation entry points with arbitrary JSON", () => {
  it("simulate: any JSON for the plan, the options or one option gives a result or its own error", async () => {
    const params = ["plan", "options"];
    await fc.assert(
      fc.asyncProperty(
        json,
        fc.constantFrom(...Object.keys(tiny), "quantiles", "blocks", "samplePaths", "series"),
        async (v, key) => {
          await resolvesOrOwnError("simulate", params, () => simulate(loose(v), tiny));
          await resolvesOrOwnError("simulate", params, () => simulate(plan, loose(v)));
          await resolvesOrOwnError("simulate", params, () =>
            simulate(plan, loose({ ...tiny, [key]: v })),
          );
        },
      ),
      runs,
    );
  });

  it("simulatePack and simulateAssessment: any JSON in any argument gives a result or their own error", async () => {
    const params = ["pack", "scenario", "options"];
    await fc.assert(
      fc.asyncProperty(
        json,
        fc.constantFrom("paths", "seed", "workers", "quantiles", "data", "strict"),
        async (v, key) => {
          for (const [fn, f] of [
            ["simulatePack", simulatePack],
            ["simulateAssessment", simulateAssessment],
          ] as const) {
            await resolvesOrOwnError(fn, params, () => f(loose(v), "trend", tiny));
            await resolvesOrOwnError(fn, params, () => f(qujingPack, loose(v), tiny));
            await resolvesOrOwnError(fn, params, () => f(qujingPack, "trend", loose(v)));
            await resolvesOrOwnError(fn, params, () =>
              f(qujingPack, "trend", loose({ ...tiny, [key]: v })),
            );
          }
        },
      ),
      { numRuns: 15 },
    );
  });

  it("planSimulation and mergeSimulationResults: any JSON in any argument gives a result or their own error", () => {
    const params = ["targets", "context", "uncertainty", "evaluable"];
    fc.assert(
      fc.property(json, (v) => {
        const yes = () => true;
        returnsOrOwnError("planSimulation", params, () =>
          planSimulation(loose(v), loose({}), loose({}), yes),
        );
        returnsOrOwnError("planSimulation", params, () =>
          planSimulation([], loose(v), loose({}), yes),
        );
        returnsOrOwnError("planSimulation", params, () =>
          planSimulation([], loose({}), loose(v), yes),
        );
        returnsOrOwnError("planSimulation", params, () =>
          planSimulation([], loose({}), loose({}), loose(v)),
        );
        returnsOrOwnError("mergeSimulationResults", ["results"], () =>
          mergeSimulationResults(loose(v)),
        );
        returnsOrOwnError("mergeSimulationResults", ["results"], () =>
          mergeSimulationResults(loose([v])),
        );
      }),
      runs,
    );
  });
});
