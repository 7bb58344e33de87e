import type { Target, TargetKind } from "../schemas/target.js";
import { evaluateClassTarget } from "./evaluateClassTarget.js";
import { evaluateCountTarget } from "./evaluateCountTarget.js";
import { evaluateGrowthTarget } from "./evaluateGrowthTarget.js";
import { evaluateLevelTarget } from "./evaluateLevelTarget.js";
import { evaluateRankTarget } from "./evaluateRankTarget.js";
import { evaluateShareTarget } from "./evaluateShareTarget.js";
import { findSeries } from "./findSeries.js";
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

/**
 * Evaluates any target with the evaluator of its kind, and notes where the sources of the series
 * it reads disagree (the value used and the others reported).
 */
export function evaluateTarget(target: Target, context: TargetContext): TargetEvaluation {
  const evaluate = evaluators[target.kind] as (t: Target, c: TargetContext) => TargetEvaluation;
  const evaluation = evaluate(target, context);
  // Where the sources of the series read disagree, the row says which value was used.
  const read: [string, string][] = [[target.scope, target.indicator]];
  if (target.kind === "share")
    read.push([
      target.denominator.scope ?? target.scope,
      target.denominator.indicator ?? target.indicator,
    ]);
  const conflicts = read.flatMap(([scope, indicator]) =>
    (findSeries(context, scope, indicator)?.conflicts ?? []).map(
      (c) => `sources differ for ${scope} ${indicator}: ${c}`,
    ),
  );
  return conflicts.length === 0
    ? evaluation
    : { ...evaluation, notes: [...evaluation.notes, ...conflicts] };
}
