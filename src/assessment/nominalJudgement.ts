import { shareUncertainty } from "../scenarios/estimateUncertainty.js";
import { type NominalJudgement, STATUS_ZH } from "../schemas/assessment.js";
import type { Target } from "../schemas/target.js";
import { evaluateCheckedTarget } from "../targets/evaluateTarget.js";
import { nominalFromReal } from "../targets/realBasis.js";
import { statusWithBasis } from "../targets/statusWithBasis.js";
import type { TargetContext } from "../targets/targetContext.js";
import { targetDefinitionOf } from "../targets/targetRegistry.js";

/**
 * The judgement at current prices beside a target judged at constant prices (`basis: "real"`):
 * the same target on its indicator at current prices, whose path after the last observation is
 * the constant-price projection times the projected deflator (see `nominalFromReal`), so that a
 * scenario's deflator changes this judgement and not the real one. Its status rests on the
 * projection (a simulation runs on the real series). Undefined for a target on current prices.
 */
export function nominalJudgement(
  target: Target,
  context: TargetContext,
): NominalJudgement | undefined {
  if ((target.kind !== "level" && target.kind !== "growth") || target.basis !== "real")
    return undefined;
  const built = nominalFromReal(context, target.scope, target.indicator, target.year);
  if ("reason" in built)
    return {
      latest: null,
      projected: null,
      met: null,
      gap: null,
      requiredGrowth: null,
      impliedGrowth: null,
      status: "insufficient-data",
      statusZh: STATUS_ZH["insufficient-data"],
      notes: [built.reason],
    };
  const others = context.projection.series.filter(
    (s) => !(s.scope === target.scope && s.indicator === target.indicator),
  );
  const projection = { ...context.projection, series: [...others, built.series] };
  // The same observations as the projection's: the same shock estimates.
  shareUncertainty(context.dataset, context.projection, projection);
  const atCurrentPrices: TargetContext = { ...context, projection };
  const nominal: Target = { ...target, basis: "nominal" };
  const evaluation = evaluateCheckedTarget(nominal, atCurrentPrices);
  const { status } = statusWithBasis(evaluation, targetDefinitionOf(nominal).growthSense(), null);
  return {
    latest: evaluation.latest,
    projected: evaluation.projected,
    met: evaluation.met,
    gap: evaluation.gap,
    requiredGrowth: evaluation.requiredGrowth,
    impliedGrowth: evaluation.impliedGrowth,
    status,
    statusZh: STATUS_ZH[status],
    notes: [...built.notes, ...evaluation.missing.map((need) => need.why)],
  };
}
