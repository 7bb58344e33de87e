import type { Target } from "../schemas/target.js";
import { findSeries } from "./findSeries.js";
import { checkTarget, checkTargetContext, guardEvaluation } from "./internal/checkTargetArgs.js";
import { derivedNeeds } from "./internal/derivedNeeds.js";
import type { TargetContext, TargetEvaluation } from "./targetContext.js";
import { targetDefinitionOf } from "./targetRegistry.js";

/**
 * Evaluates any target with the definition of its kind (`targetRegistry`), and notes where the
 * sources of the series it reads disagree (the value used and the others reported). What a
 * target on a derived indicator lacks is named as the observations its formula is computed from.
 *
 * @param target - a target as `TargetSchema` validates it.
 * @param context - `{ projection, dataset, plan }`: the scenario's projection (from
 *   `projectScenario`), the dataset and the plan's base and end years.
 * @throws {ArgumentTypeError} a target or context of the wrong type or missing, e.g.
 *   `evaluateTarget: context.plan.baseYear must be an integer (got the string "2020")`,
 *   `evaluateTarget: target.kind must be … (got …)` (the first problem the target schema finds,
 *   every problem in `error.issues`), or a projection without a part the evaluator reads
 *   (`evaluateTarget: context.projection must be a scenario projection as projectScenario
 *   returns it (reading it failed: …)`).
 * @throws {ArgumentRangeError} a target value out of range, e.g. `evaluateTarget: target.year
 *   must be an integer ≥ … (got …)`.
 */
export function evaluateTarget(target: Target, context: TargetContext): TargetEvaluation {
  checkTarget(FN, "target", target);
  checkTargetContext(FN, "context", context);
  return guardEvaluation(FN, "context.projection", PROJECTION, () => evaluate(target, context));
}

const FN = "evaluateTarget";
const PROJECTION = "a scenario projection as projectScenario returns it";

/**
 * {@link evaluateTarget} without its argument checks, for the assessment, which builds the
 * context itself from checked parts and evaluates every target of a pack against it (checking
 * the context once per target would parse the dataset thirty times an assessment). Not exported
 * from the package.
 */
export function evaluateCheckedTarget(target: Target, context: TargetContext): TargetEvaluation {
  return guardEvaluation(FN, "context.projection", PROJECTION, () => evaluate(target, context));
}

/** {@link evaluateTarget} once its arguments are checked. */
function evaluate(target: Target, context: TargetContext): TargetEvaluation {
  const definition = targetDefinitionOf(target);
  const evaluated = definition.evaluate(context);
  // A derived indicator is never observed: name what its formula is computed from instead.
  const evaluation =
    evaluated.missing.length === 0
      ? evaluated
      : {
          ...evaluated,
          missing: derivedNeeds(evaluated.missing, context, target.year ?? context.plan.endYear),
        };
  // Where the sources of the series read disagree, the row says which value was used.
  const conflicts = definition
    .reads()
    .series.flatMap(({ scope, indicator }) =>
      (findSeries(context, scope, indicator)?.conflicts ?? []).map(
        (c) => `sources differ for ${scope} ${indicator}: ${c}`,
      ),
    );
  return conflicts.length === 0
    ? evaluation
    : { ...evaluation, notes: [...evaluation.notes, ...conflicts] };
}
