import { cagr } from "../growth/cagr.js";
import { requiredGrowth } from "../growth/requiredGrowth.js";
import { shareGrowthDifferential } from "../growth/shareGrowthDifferential.js";
import { seriesValue } from "../scenarios/scopeSeries.js";
import { gapOf, satisfies } from "./comparison.js";
import { findSeries } from "./findSeries.js";
import { elapsedShare } from "./internal/elapsedShare.js";
import { insufficient } from "./internal/insufficient.js";
import { positiveOnPaths } from "./internal/positiveOnPaths.js";
import { projectionNeed } from "./internal/seriesNeeds.js";
import { conditionFor, notSimulated } from "./internal/simulatedConditions.js";
import type { TargetDefinition, TargetOfKind, TargetSeriesRef } from "./targetDefinition.js";

/** The denominator of a share target: its own scope and/or indicator, else the target's. */
function denominatorOf(target: TargetOfKind["share"]): TargetSeriesRef {
  return {
    scope: target.denominator.scope ?? target.scope,
    indicator: target.denominator.indicator ?? target.indicator,
  };
}

/** Whether a share in % is strictly between 0 and 100: a part of a whole, with a rest. */
function isShare(percent: number): boolean {
  return percent > 0 && percent < 100;
}

/**
 * A `share` target: `100 × numerator / denominator` in the target year, where the numerator is
 * the target's scope and indicator and the denominator another scope and/or indicator (the
 * central city's GDP over the city's; manufacturing value added over GDP).
 *
 * - evaluate: both sides are projected separately. Required growth is the numerator's growth a
 *   year that would meet the target share given the projected denominator; implied growth is
 *   the numerator's projected one. For a part of a whole (shares in (0, 1)), the row also gives
 *   the growth differential a year the part needs over the rest of the whole, from the latest
 *   observed share s₀ (year t₀) to the target share s* in the target year T:
 *   `d = (r* / r₀)^(1 / (T − t₀)) − 1` with `r = s / (1 − s)`, in the sense
 *   `(1 + g_part) / (1 + g_rest) = 1 + d` ("the part must grow d a year faster than the rest";
 *   derivation in `shareGrowthDifferential`: the odds s / (1 − s) are part / rest, which grow by
 *   (1 + g_part) / (1 + g_rest) a year); and the differential the projected share in T implies,
 *   by the same formula. Both null once the target year is observed.
 * - reads: the numerator's and the denominator's series.
 * - simulate: the ratio of the two simulated series (×100) in the target year; both must be
 *   positive on every path (log scale, or a group ratio of log-scale parts).
 */
export const shareTarget: TargetDefinition<"share"> = {
  kind: "share",
  thresholdNoun: undefined,
  evaluate(target, context) {
    const { scope: denScope, indicator: denIndicator } = denominatorOf(target);
    const num = findSeries(context, target.scope, target.indicator);
    const den = findSeries(context, denScope, denIndicator);
    const needs = [
      projectionNeed(context, num, target.scope, target.indicator, target.year),
      projectionNeed(context, den, denScope, denIndicator, target.year),
    ].filter((n) => n !== undefined);
    if (needs.length > 0 || num === undefined || den === undefined) return insufficient(needs);
    const share = (year: number): number | undefined => {
      const a = seriesValue(num, year);
      const b = seriesValue(den, year);
      return a === undefined || b === undefined || b === 0 ? undefined : (100 * a) / b;
    };
    const projected = share(target.year);
    const commonObserved = num.observed.filter((p) => den.observed.some((q) => q.year === p.year));
    const latestNum = commonObserved[commonObserved.length - 1];
    if (projected === undefined || latestNum === undefined)
      return insufficient(
        [],
        [
          `no year in which both ${target.indicator} (${target.scope}) and ${denIndicator} (${denScope}) are observed`,
        ],
      );
    const latestShare = share(latestNum.year) as number;
    const final = latestNum.year >= target.year;
    const met = satisfies(projected, target.comparator, target.value, target.tolerance);
    const years = target.year - latestNum.year;
    const denAtTarget = seriesValue(den, target.year) as number;
    const neededNum = (target.value / 100) * denAtTarget;
    const numAtTarget = seriesValue(num, target.year) as number;
    const ok = !final && latestNum.value > 0 && neededNum > 0 && numAtTarget > 0;
    let first: number | null = null;
    for (let y = target.baseYear + 1; y <= context.projection.scenario.toYear; y++) {
      const s = share(y);
      if (s !== undefined && satisfies(s, target.comparator, target.value, target.tolerance)) {
        first = y;
        break;
      }
    }
    const base = share(target.baseYear);
    const differential = (to: number): number | null =>
      !final && isShare(latestShare) && isShare(to)
        ? shareGrowthDifferential(latestShare / 100, to / 100, years)
        : null;
    return {
      projected,
      interval: null,
      met,
      gap: gapOf(projected, target.value),
      latest: { year: latestNum.year, value: latestShare, source: latestNum.source },
      requiredGrowth: ok ? requiredGrowth(latestNum.value, neededNum, years) : null,
      impliedGrowth: ok ? cagr(latestNum.value, numAtTarget, years) : null,
      requiredDifferential: differential(target.value),
      impliedDifferential: differential(projected),
      firstYearMet: first,
      expectedProgress: elapsedShare(target.baseYear, target.year, latestNum.year),
      actualProgress:
        base === undefined || base === target.value
          ? null
          : (latestShare - base) / (target.value - base),
      achieved:
        target.comparator !== "about" && satisfies(latestShare, target.comparator, target.value),
      final,
      missing: [],
      notes: ok
        ? [
            `required and implied growth are of ${target.indicator} (${target.scope}), given the projected ${denIndicator} (${denScope})`,
          ]
        : [],
    };
  },
  reads: (target) => ({
    series: [{ scope: target.scope, indicator: target.indicator }, denominatorOf(target)],
    references: [],
  }),
  growthSense: (target) => target.comparator,
  simulate(target, planner) {
    const den = denominatorOf(target);
    const a = planner.need(target.scope, target.indicator);
    const b = planner.need(den.scope, den.indicator);
    // A share is a ratio: the engine needs both sides positive (a place's log-scale series, a
    // sum of them, or a recomputed rate).
    const linear = [target.indicator, den.indicator].find(
      (id, k) => !positiveOnPaths(planner, k === 0 ? target.scope : den.scope, id),
    );
    if (a === undefined || b === undefined) return notSimulated("no simulated series");
    if (linear !== undefined)
      return notSimulated(
        planner.indicator(linear)?.formula !== undefined
          ? `a share is simulated only from positive series: ${linear}'s formula is not positive on every path`
          : `a share is simulated only from log-scale (positive) series: ${linear} is ${planner.indicator(linear)?.scale}`,
      );
    return {
      simulated: true,
      build: () => ({
        id: target.id,
        year: target.year,
        conditions: [
          conditionFor(
            target,
            {
              kind: "ratio",
              numerator: { scope: a, indicator: target.indicator },
              denominator: { scope: b, indicator: den.indicator },
              scale: 100,
            },
            target.value,
          ),
        ],
      }),
    };
  },
};
