import type { Target } from "../schemas/target.js";
import { findSeries } from "./findSeries.js";
import type { TargetContext, TargetEvaluation } from "./targetContext.js";
import { targetDefinitionOf } from "./targetRegistry.js";

/**
 * Evaluates any target with the definition of its kind (`targetRegistry`), and notes where the
 * sources of the series it reads disagree (the value used and the others reported).
 */
export function evaluateTarget(target: Target, context: TargetContext): TargetEvaluation {
  const definition = targetDefinitionOf(target);
  const evaluation = definition.evaluate(context);
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
