import { aggregationOf } from "../../scenarios/aggregation.js";
import { findSeries } from "../findSeries.js";
import type { TargetPlanner } from "../targetPlanner.js";

/**
 * Whether the engine can divide by a scope's value of an indicator (a share's sides, a rank's
 * numerator): a log-scale series is positive on every path, and so is a group's value recomputed
 * from positive parts by a rule that keeps them positive (a ratio of two positive sums; see
 * `AggregationDefinition.positiveFromParts`). A derived indicator is positive when its formula
 * keeps positive values positive and each of its symbols is positive there, whatever the scale it
 * declares (its value on a path is its formula's).
 */
export function positiveOnPaths(
  planner: TargetPlanner,
  scope: string,
  indicatorId: string,
): boolean {
  const indicator = planner.indicator(indicatorId);
  if (indicator === undefined) return false;
  const aggregation = aggregationOf(indicator);
  if (indicator.formula !== undefined)
    return (
      aggregation.positiveFromParts &&
      aggregation.parts.every((part) => positiveOnPaths(planner, scope, part))
    );
  return (
    indicator.scale === "log" ||
    (findSeries(planner.context, scope, indicatorId)?.basis === "places" &&
      aggregation.positiveFromParts)
  );
}
