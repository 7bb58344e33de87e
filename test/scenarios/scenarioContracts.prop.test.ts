import fc from "fast-check";
import { describe, it } from "vitest";
import { defaultModel } from "../../src/scenarios/defaultModel.js";
import { projectScenario } from "../../src/scenarios/projectScenario.js";
import { ScenarioSchema } from "../../src/schemas/scenario.js";
import { baseScenario, syntheticPack } from "../helpers/syntheticPack.js";
import { returnsOrThrowsOwnError } from "../internal/expectOwnError.js";

// Whatever a JavaScript caller passes to projectScenario or defaultModel, each returns or throws
// the library's own argument error naming the function and a parameter: never another error.

const anyValue = fc.oneof(
  fc.anything(),
  fc.jsonValue(),
  fc.constantFrom(0, -1, Number.NaN, 1e9, "2035", null, undefined),
);
const call = (f: unknown, ...args: unknown[]) => (f as (...a: unknown[]) => unknown)(...args);

describe("projectScenario and defaultModel on arbitrary arguments", () => {
  it("projectScenario returns a projection or throws its own error", () => {
    const pack = syntheticPack();
    const scenario = ScenarioSchema.parse(baseScenario);
    const datasets = fc.oneof(
      fc.constant(pack.dataset),
      fc
        .tuple(
          fc.constantFrom("places", "groups", "indicators", "observations", "breaks"),
          anyValue,
        )
        .map(([key, v]) => ({ ...pack.dataset, [key]: v })),
      anyValue.map((v) => ({ ...pack.dataset, observations: [v] })),
      anyValue,
    );
    const scenarios = fc.oneof(
      fc.constant(scenario),
      fc
        .tuple(
          fc.constantFrom("id", "models", "overrides", "shocks", "toYear", "useQualityC"),
          anyValue,
        )
        .map(([key, v]) => ({ ...scenario, [key]: v })),
      anyValue.map((v) => ({ ...scenario, models: [{ ...scenario.models[0], spec: v }] })),
      anyValue,
    );
    const references = fc.oneof(fc.constant(undefined), fc.constant([]), anyValue);
    fc.assert(
      fc.property(datasets, scenarios, references, (d, s, r) => {
        returnsOrThrowsOwnError("projectScenario", ["dataset", "scenario", "references"], () =>
          call(projectScenario, d, s, r),
        );
      }),
      { numRuns: 100 },
    );
  });

  it("defaultModel returns a spec or throws its own error", () => {
    const indicator = fc.oneof(
      fc.constantFrom("level", "rate", "count", "rates").map((kind) => ({ kind })),
      anyValue.map((kind) => ({ kind })),
      anyValue,
    );
    fc.assert(
      fc.property(indicator, (i) => {
        returnsOrThrowsOwnError("defaultModel", ["indicator"], () => call(defaultModel, i));
      }),
      { numRuns: 200 },
    );
  });
});
