import { buildTargetContext } from "../../assessment/buildTargetContext.js";
import { packDataset } from "../../assessment/packDataset.js";
import { projectCheckedScenario } from "../../scenarios/projectScenario.js";
import { resolveScenario } from "../../scenarios/resolveScenario.js";
import type { RegionPack } from "../../schemas/regionPack.js";
import type { ScenarioInput } from "../../schemas/scenario.js";
import type { Target } from "../../schemas/target.js";
import { evaluateCheckedTarget } from "../../targets/evaluateTarget.js";
import type { TargetContext, TargetEvaluation } from "../../targets/targetContext.js";

/** One target evaluated on one scenario's projection. */
export interface Probe {
  readonly context: TargetContext;
  readonly evaluation: TargetEvaluation;
}

/** A target's evaluator under any scenario, and a count of the projections it made. */
export interface TargetProbe {
  run(scenario: string | ScenarioInput): Probe;
  readonly runs: () => number;
}

/**
 * Evaluates one target of a checked pack under scenarios, as `assessPack` does for its row
 * (the pack's dataset with its derived price series, the scenario resolved and projected, the
 * target evaluated by its kind), without the rest of an assessment (other targets, disparity,
 * readiness): the search of `solveTarget` runs it many times. The pack is checked and its data
 * merged by the caller.
 */
export function targetProbe(pack: RegionPack, target: Target): TargetProbe {
  const { dataset } = packDataset(pack, []);
  let runs = 0;
  return {
    run(scenario) {
      runs++;
      const resolved = resolveScenario(scenario, pack.scenarios);
      const projection = projectCheckedScenario(dataset, resolved, pack.references);
      const context = buildTargetContext(pack, dataset, projection);
      return { context, evaluation: evaluateCheckedTarget(target, context) };
    },
    runs: () => runs,
  };
}
