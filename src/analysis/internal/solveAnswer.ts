import { type ScopeSeries, seriesValue } from "../../scenarios/scopeSeries.js";
import type { TargetContext } from "../../targets/targetContext.js";
import type { SolvedGrowth } from "../solveResult.js";
import type { MovedSeries } from "./allocationRules.js";
import { breakYearsOf, fiveYearHistory, plausibility } from "./solvePlausibility.js";

/** How a series is compared with national growth: its level, basis and whether it is GDP. */
function comparison(context: TargetContext, scope: string, indicatorId: string) {
  const indicator = context.dataset.indicators.find((i) => i.id === indicatorId);
  const companion = indicator?.priceCompanion;
  const group = context.dataset.groups.find((g) => g.id === scope);
  // The whole city (a group of every place) is compared with prefecture-level cities; a place,
  // or a part of the city, with county-level units.
  const whole =
    group !== undefined && context.dataset.places.every((p) => group.members.includes(p.id));
  return {
    level: whole ? ("prefecture" as const) : ("county" as const),
    basis: companion?.role === "real" ? ("real" as const) : ("nominal" as const),
    gdp: (companion?.of ?? indicatorId) === "gdp",
  };
}

/**
 * A moved series' answer: its rate from its latest observation to the target year, the level it
 * reaches, its base-scenario trend, its five-year history (from the base context's series, within
 * series breaks) and how plausible the rate is.
 */
export function movedGrowth(
  context: TargetContext,
  indicator: string,
  moved: MovedSeries,
  rate: number,
): SolvedGrowth {
  const series = context.projection.series.find(
    (s) => s.scope === moved.scope && s.indicator === indicator && s.basis === "observed",
  );
  const history = fiveYearHistory(
    series?.observed ?? [],
    breakYearsOf(context.dataset.breaks, moved.scope, indicator),
  );
  const how = comparison(context, moved.scope, indicator);
  return {
    scope: moved.scope,
    indicator,
    basis: how.basis,
    latest: moved.latest,
    from: moved.latest.year + 1,
    rate,
    level: moved.latest.value * (1 + rate) ** moved.years,
    trend: moved.trendRate,
    uplift: rate - moved.trendRate,
    history,
    ...plausibility({ rate, history, ...how }),
  };
}

/**
 * The answer for a target's own series (a group's aggregate of its places, a share's part),
 * read from the solved projection against the base one: growth a year from its latest
 * observation to the target year. Null when the series has no latest value or no level then.
 */
export function seriesGrowth(
  base: TargetContext,
  solved: TargetContext,
  series: { readonly solved: ScopeSeries | undefined; readonly base: ScopeSeries | undefined },
  year: number,
): SolvedGrowth | null {
  const s = series.solved;
  const last = s?.observed[s.observed.length - 1];
  const level = s === undefined ? undefined : seriesValue(s, year);
  if (s === undefined || last === undefined || level === undefined) return null;
  if (!(last.value > 0) || !(level > 0) || year <= last.year) return null;
  const years = year - last.year;
  const trendLevel = series.base === undefined ? undefined : seriesValue(series.base, year);
  const trend =
    trendLevel === undefined || !(trendLevel > 0)
      ? null
      : Math.expm1(Math.log(trendLevel / last.value) / years);
  const rate = Math.expm1(Math.log(level / last.value) / years);
  const history = fiveYearHistory(
    s.observed,
    breakYearsOf(solved.dataset.breaks, s.scope, s.indicator),
  );
  const how = comparison(base, s.scope, s.indicator);
  return {
    scope: s.scope,
    indicator: s.indicator,
    basis: how.basis,
    latest: { year: last.year, value: last.value },
    from: last.year + 1,
    rate,
    level,
    trend,
    uplift: trend === null ? null : rate - trend,
    history,
    ...plausibility({ rate, history, ...how }),
  };
}
