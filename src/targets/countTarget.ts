import { fsum } from "../internal/fsum.js";
import { seriesValue } from "../scenarios/scopeSeries.js";
import { gapOf, satisfies } from "./comparison.js";
import { findSeries } from "./findSeries.js";
import { elapsedShare } from "./internal/elapsedShare.js";
import { insufficient } from "./internal/insufficient.js";
import { needSeries } from "./internal/seriesNeeds.js";
import { yearRange } from "./internal/seriesPath.js";
import { aboutToleranceOf, conditionFor, notSimulated } from "./internal/simulatedConditions.js";
import type { TargetDefinition } from "./targetDefinition.js";

/**
 * A `count` target: the sum of a yearly count indicator (things newly built or certified each
 * year) over `baseYear + 1 … year`.
 *
 * - evaluate: observed years count as observed; the rest come from the projection. Every year of
 *   the period up to the series' latest observation must be observed — a missing year would make
 *   the total silently too small — so a gap makes the target insufficient-data, naming the
 *   years. The growth fields do not apply; `notes` give the count still needed and its pace a
 *   year.
 * - reads: the scope's indicator.
 * - simulate: the cumulative sum of the simulated years against what is still needed after the
 *   observed years before them; an `about` count is two conditions, the lower and upper edge of
 *   the band (±tolerance of the whole target).
 */
export const countTarget: TargetDefinition<"count"> = {
  kind: "count",
  thresholdNoun: undefined,
  evaluate(target, context) {
    const series = findSeries(context, target.scope, target.indicator);
    const window = yearRange(target.baseYear + 1, target.year);
    // Up to the series' own latest observation (its later years are projected, like any series);
    // without any observation, up to the latest year with any data.
    const ownLast = series?.observed[series.observed.length - 1]?.year;
    const lastDataYear = Math.min(target.year, ownLast ?? context.projection.asOf);
    const pastYears = window.filter((y) => y <= lastDataYear);
    const observedYears = new Set(series?.observed.map((p) => p.year) ?? []);
    const missingYears = pastYears.filter((y) => !observedYears.has(y));
    if (series === undefined || missingYears.length > 0 || series.observed.length === 0)
      return insufficient([
        needSeries(
          context,
          target.scope,
          target.indicator,
          Math.max(1, missingYears.length),
          `yearly counts of ${target.indicator} for ${target.scope} in every year of ${window[0]}–${lastDataYear}`,
          missingYears.length > 0 ? missingYears : pastYears,
        ),
      ]);
    const futureYears = window.filter((y) => !observedYears.has(y));
    if (futureYears.length > 0 && !series.informative)
      return insufficient([
        needSeries(
          context,
          target.scope,
          target.indicator,
          2,
          `cannot project ${target.indicator} for ${target.scope}`,
        ),
      ]);
    const values = window.map((y) => seriesValue(series, y));
    if (values.some((v) => v === undefined))
      return insufficient([
        needSeries(
          context,
          target.scope,
          target.indicator,
          2,
          `no projection of ${target.indicator}`,
        ),
      ]);
    const total = fsum(values as number[]);
    const observedTotal = fsum(
      window.filter((y) => observedYears.has(y)).map((y) => seriesValue(series, y) as number),
    );
    const latestObserved = series.observed.filter((p) => window.includes(p.year)).at(-1);
    let running = 0;
    let first: number | null = null;
    window.forEach((y, k) => {
      running += values[k] as number;
      if (first === null && satisfies(running, target.comparator, target.value, target.tolerance))
        first = y;
    });
    const remaining = futureYears.length;
    const still = target.value - observedTotal;
    return {
      projected: total,
      interval: null,
      met: satisfies(total, target.comparator, target.value, target.tolerance),
      gap: gapOf(total, target.value),
      latest:
        latestObserved === undefined
          ? null
          : { year: latestObserved.year, value: observedTotal, source: latestObserved.source },
      requiredGrowth: null,
      impliedGrowth: null,
      firstYearMet: first,
      expectedProgress:
        latestObserved === undefined
          ? 0
          : elapsedShare(target.baseYear, target.year, latestObserved.year),
      actualProgress: target.value === 0 ? null : observedTotal / target.value,
      achieved: target.comparator === ">=" && observedTotal >= target.value,
      final: remaining === 0,
      missing: [],
      notes:
        remaining > 0 && still > 0
          ? [
              `${still} more needed in ${remaining} year(s): ${Number((still / remaining).toPrecision(3))} a year`,
            ]
          : [],
    };
  },
  reads: (target) => ({
    series: [{ scope: target.scope, indicator: target.indicator }],
    references: [],
  }),
  growthSense: (target) => target.comparator,
  simulate(target, planner) {
    const scope = planner.need(target.scope, target.indicator);
    const series = findSeries(planner.context, target.scope, target.indicator);
    if (scope === undefined || series === undefined) return notSimulated("no simulated series");
    const tolerance = aboutToleranceOf(target);
    return {
      simulated: true,
      build: (firstYear) => {
        const from = Math.max(target.baseYear + 1, firstYear);
        let observed = 0;
        for (let y = target.baseYear + 1; y < from; y++) {
          const v = seriesValue(series, y);
          if (v === undefined) return `no value of ${target.indicator} in ${y}`;
          observed += v;
        }
        const threshold = target.value - observed;
        const measure = {
          kind: "cumulative" as const,
          scope,
          indicator: target.indicator,
          from,
        };
        // The `about` band is ±tolerance of the whole target, not of what is still needed:
        // two conditions hold it exactly (a relative band around the rest cannot).
        if (tolerance !== undefined) {
          const band = tolerance * Math.abs(target.value);
          return {
            id: target.id,
            year: target.year,
            conditions: [
              { measure, comparator: ">=", threshold: threshold - band },
              { measure, comparator: "<=", threshold: threshold + band },
            ],
          };
        }
        return {
          id: target.id,
          year: target.year,
          conditions: [conditionFor(target, measure, threshold)],
        };
      },
    };
  },
};
