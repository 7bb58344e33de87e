import { findSeries } from "./findSeries.js";
import { evaluateAgainstLevel } from "./internal/evaluateAgainstLevel.js";
import { insufficient } from "./internal/insufficient.js";
import { projectionNeed } from "./internal/seriesNeeds.js";
import { conditionFor, notSimulated } from "./internal/simulatedConditions.js";
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
 * - reads: the scope's indicator.
 * - simulate: the simulated value in the target year against the target's value.
 */
export const levelTarget: TargetDefinition<"level"> = {
  kind: "level",
  thresholdNoun: undefined,
  evaluate(target, context) {
    const series = findSeries(context, target.scope, target.indicator);
    const need = projectionNeed(context, series, target.scope, target.indicator, target.year);
    if (need !== undefined || series === undefined)
      return insufficient(need === undefined ? [] : [need]);
    return evaluateAgainstLevel(series, target.value, target, context);
  },
  reads: (target) => ({
    series: [{ scope: target.scope, indicator: target.indicator }],
    references: [],
  }),
  growthSense: (target) => target.comparator,
  simulate(target, planner) {
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
