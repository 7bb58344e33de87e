import type { Target, TargetKind } from "../schemas/target.js";
import { evaluateClassTarget } from "./evaluateClassTarget.js";
import { evaluateCountTarget } from "./evaluateCountTarget.js";
import { evaluateGrowthTarget } from "./evaluateGrowthTarget.js";
import { evaluateLevelTarget } from "./evaluateLevelTarget.js";
import { evaluateRankTarget } from "./evaluateRankTarget.js";
import { evaluateShareTarget } from "./evaluateShareTarget.js";
import type { TargetContext, TargetEvaluation } from "./targetContext.js";

type Evaluators = {
  readonly [K in TargetKind]: (
    target: Extract<Target, { kind: K }>,
    context: TargetContext,
  ) => TargetEvaluation;
};

/** One evaluator per target kind; adding a kind means one module and one line here. */
const evaluators: Evaluators = {
  level: evaluateLevelTarget,
  growth: evaluateGrowthTarget,
  share: evaluateShareTarget,
  count: evaluateCountTarget,
  rank: evaluateRankTarget,
  class: evaluateClassTarget,
};

/** Evaluates any target with the evaluator of its kind. */
export function evaluateTarget(target: Target, context: TargetContext): TargetEvaluation {
  const evaluate = evaluators[target.kind] as (t: Target, c: TargetContext) => TargetEvaluation;
  return evaluate(target, context);
}
