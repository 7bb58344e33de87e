import { aggregationOf } from "../../scenarios/aggregation.js";
import { type ScopeSeries, seriesValue } from "../../scenarios/scopeSeries.js";
import type { DataNeed } from "../../schemas/assessment.js";
import type { TargetContext } from "../targetContext.js";
import { yearRange } from "./seriesPath.js";

/**
 * What a series needs before a target can be read from it: observations of `indicator` for
 * `scope` in the recent years (by default from five years before the plan's base year to the
 * latest year with any data), at least `minCount` of them. For a derived indicator, `why` names
 * the indicators its formula is computed from.
 */
export function needSeries(
  context: TargetContext,
  scope: string,
  indicator: string,
  minCount: number,
  why: string,
  years?: number[],
): DataNeed {
  const group = context.dataset.groups.find((g) => g.id === scope);
  const alternative =
    group === undefined ? "" : ` (or the same for every member: ${group.members.join(", ")})`;
  // A derived indicator is not observed: the indicators its formula names are.
  const derived = context.dataset.indicators.find(
    (i) => i.id === indicator && i.formula !== undefined,
  );
  const parts =
    derived === undefined
      ? ""
      : `; ${indicator} is computed by its formula ${derived.formula}, from observations of ${aggregationOf(derived).parts.join(", ")}`;
  return {
    scope,
    indicator,
    years:
      years ??
      yearRange(
        context.plan.baseYear - 5,
        Math.max(context.projection.asOf, context.plan.baseYear),
      ),
    minCount,
    why: `${why}${alternative}${parts}`,
  };
}

/**
 * Why a series gives no value in the target year, as a data need (no observations, an
 * uninformative projection, or a gap in the observations at the target year); undefined when it
 * gives one.
 */
export function projectionNeed(
  context: TargetContext,
  series: ScopeSeries | undefined,
  scope: string,
  indicator: string,
  targetYear: number,
): DataNeed | undefined {
  if (series === undefined || series.observed.length === 0)
    return needSeries(
      context,
      scope,
      indicator,
      2,
      `no usable observations of ${indicator} for ${scope}`,
    );
  const last = series.observed[series.observed.length - 1];
  if (last !== undefined && last.year >= targetYear)
    return seriesValue(series, targetYear) !== undefined
      ? undefined
      : needSeries(
          context,
          scope,
          indicator,
          1,
          `no observation of ${indicator} for ${scope} in ${targetYear} (later years are observed, so it is not projected)`,
          [targetYear],
        );
  if (series.failure !== undefined)
    return needSeries(context, scope, indicator, 2, `${indicator} for ${scope}: ${series.failure}`);
  if (!series.informative) {
    const reason =
      series.model?.fitted.fallback?.reason ?? "the projection carries no information about change";
    const needMatch = /needs at least (\d+) points/.exec(reason);
    const minCount = needMatch === null ? 2 : Number(needMatch[1]);
    return needSeries(
      context,
      scope,
      indicator,
      minCount,
      `cannot project ${indicator} for ${scope}: ${reason}`,
    );
  }
  if (seriesValue(series, targetYear) === undefined)
    return needSeries(
      context,
      scope,
      indicator,
      2,
      `no projection of ${indicator} for ${scope} in ${targetYear}`,
    );
  return undefined;
}
