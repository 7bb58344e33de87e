import fc from "fast-check";
import { describe, it } from "vitest";
import { buildTargetContext } from "../../src/assessment/buildTargetContext.js";
import { projectScenario } from "../../src/scenarios/projectScenario.js";
import { ScenarioSchema } from "../../src/schemas/scenario.js";
import { cityClass, classAtLeast } from "../../src/targets/cityClass.js";
import { classifyStatus } from "../../src/targets/classifyStatus.js";
import { evaluateTarget } from "../../src/targets/evaluateTarget.js";
import { insufficient } from "../../src/targets/internal/insufficient.js";
import { baseScenario, syntheticPack } from "../helpers/syntheticPack.js";
import { returnsOrThrowsOwnError } from "../internal/expectOwnError.js";

// Whatever a JavaScript caller passes to the targets functions, each returns or throws the
// library's own argument error naming the function and a parameter: never another error.

const anyValue = fc.oneof(
  fc.anything(),
  fc.jsonValue(),
  fc.constantFrom(0, -1, Number.NaN, Number.POSITIVE_INFINITY, "large", null, undefined),
);
const call = (f: unknown, ...args: unknown[]) => (f as (...a: unknown[]) => unknown)(...args);

describe("the targets functions on arbitrary arguments", () => {
  it("cityClass and classAtLeast return a class or a boolean, or throw their own error", () => {
    const cls = fc.oneof(fc.constantFrom("small", "large", "megacity", "larg"), anyValue);
    fc.assert(
      fc.property(fc.oneof(fc.double(), anyValue), cls, cls, (p, a, b) => {
        returnsOrThrowsOwnError("cityClass", ["population10k"], () => call(cityClass, p));
        returnsOrThrowsOwnError("classAtLeast", ["a", "b"], () => call(classAtLeast, a, b));
      }),
      { numRuns: 200 },
    );
  });

  it("classifyStatus returns a status or throws its own error", () => {
    const good = { ...insufficient([]), met: false, requiredGrowth: 0.08, impliedGrowth: 0.06 };
    const evaluation = fc.oneof(
      fc.constant(good),
      fc
        .tuple(
          fc.constantFrom("met", "achieved", "final", "requiredGrowth", "impliedGrowth", "gap"),
          anyValue,
        )
        .map(([key, v]) => ({ ...good, [key]: v })),
      anyValue,
    );
    const comparator = fc.oneof(fc.constantFrom(">=", "<=", "about", "=>"), anyValue);
    const probability = fc.oneof(fc.constant(null), fc.double(), anyValue);
    fc.assert(
      fc.property(evaluation, comparator, probability, (e, c, p) => {
        returnsOrThrowsOwnError("classifyStatus", ["evaluation", "comparator", "probability"], () =>
          call(classifyStatus, e, c, p),
        );
      }),
      { numRuns: 200 },
    );
  });

  it("evaluateTarget returns an evaluation or throws its own error", () => {
    const pack = syntheticPack();
    const scenario = ScenarioSchema.parse(baseScenario);
    const projection = projectScenario(pack.dataset, scenario, pack.references);
    const context = buildTargetContext(pack, pack.dataset, projection);
    const [target] = pack.targets;
    const targets = fc.oneof(
      fc.constant(target),
      fc
        .tuple(fc.constantFrom("kind", "year", "scope", "indicator", "value", "id"), anyValue)
        .map(([key, v]) => ({ ...target, [key]: v })),
      anyValue,
    );
    const contexts = fc.oneof(
      fc.constant(context),
      fc
        .tuple(fc.constantFrom("plan", "dataset", "projection"), anyValue)
        .map(([key, v]) => ({ ...context, [key]: v })),
      anyValue.map((v) => ({ ...context, projection: { ...context.projection, series: [v] } })),
      anyValue,
    );
    fc.assert(
      fc.property(targets, contexts, (t, c) => {
        returnsOrThrowsOwnError("evaluateTarget", ["target", "context"], () =>
          call(evaluateTarget, t, c),
        );
      }),
      { numRuns: 150 },
    );
  });
});
