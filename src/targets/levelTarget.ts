import { findSeries } from "./findSeries.js";
import { evaluateAgainstLevel } from "./internal/evaluateAgainstLevel.js";
import { insufficient } from "./internal/insufficient.js";
import { projectionNeed } from "./internal/seriesNeeds.js";
import { conditionFor, notSimulated } from "./internal/simulatedConditions.js";
import { judgedOnBasis, reportedOnBasis, seriesOnBasis } from "./realBasis.js";
import type { TargetDefinition } from "./targetDefinition.js";

/**
 * A `level` target: the indicator's value for the scope in the target year, against the
 * comparator.
 *
 * - evaluate: required growth is the closed form from the latest observation (`requiredGrowth`);
 *   implied growth is the projection's CAGR over the same years; progress (序时进度) compares the
 *   share of the way from the base-year value to the target covered so far — in log terms for
 *   log-scale indicators (compound growth), linearly otherwise — with the share of the plan
 *   period elapsed.
 * - basis: at current prices (`nominal`, the default) or, with `basis: "real"`, on the
 *   indicator's constant-price series (see `derivePriceSeries`); the value is then at constant
 *   prices of the base year (restated at the series' reference-year prices through the base
 *   year's deflator when they differ, and the row's levels brought back).
 * - reads: the scope's indicator (on `real`: its constant-price series, the indicator and its
 *   deflator).
 * - simulate: the simulated value in the target year against the target's value, on the series
 *   of its basis.
 */
export const levelTarget: TargetDefinition<"level"> = {
  kind: "level",
  thresholdNoun: undefined,
  evaluate(original, context) {
    const judged = judgedOnBasis(original, context, true);
    if (!judged.ok) return insufficient(judged.missing, judged.notes);
    const target = judged.target;
    const series = findSeries(context, target.scope, target.indicator);
    const need = projectionNeed(context, series, target.scope, target.indicator, target.year);
    if (need !== undefined || series === undefined)
      return reportedOnBasis(
        insufficient(need === undefined ? [] : [need]),
        judged,
        original,
        context,
      );
    const evaluation = evaluateAgainstLevel(series, target.value, target, context);
    return reportedOnBasis(evaluation, judged, original, context);
  },
  reads: (target) => ({ series: seriesOnBasis(target), references: [] }),
  growthSense: (target) => target.comparator,
  simulate(original, planner) {
    const judged = judgedOnBasis(original, planner.context, true);
    if (!judged.ok) return notSimulated("no series on the target's basis");
    const target = judged.target;
    const scope = planner.need(target.scope, target.indicator);
    if (scope === undefined) return notSimulated("no simulated series");
    return {
      simulated: true,
      build: () => ({
        id: target.id,
        year: target.year,
        conditions: [
          conditionFor(target, { kind: "value", scope, indicator: target.indicator }, target.value),
        ],
      }),
    };
  },
};
