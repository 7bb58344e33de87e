import { cagr } from "../growth/cagr.js";
import { gapOf } from "./comparison.js";
import { findSeries } from "./findSeries.js";
import { evaluateAgainstLevel } from "./internal/evaluateAgainstLevel.js";
import { insufficient } from "./internal/insufficient.js";
import { needSeries, projectionNeed } from "./internal/seriesNeeds.js";
import { conditionFor, notSimulated } from "./internal/simulatedConditions.js";
import { judgedOnBasis, reportedOnBasis, seriesOnBasis } from "./realBasis.js";
import type { TargetContext, TargetEvaluation } from "./targetContext.js";
import type { TargetDefinition, TargetOfKind } from "./targetDefinition.js";

/**
 * A `growth` target: the compound annual growth rate (% a year) of the indicator from the base
 * year to the target year.
 *
 * - evaluate: judged as the level it implies, `base · (1 + g)^(year − baseYear)`, so required
 *   growth, first year met and progress follow the level rules; `projected` and `gap` are
 *   reported in % a year (the gap in percentage points).
 * - basis: at current prices (`nominal`, the default) or, with `basis: "real"`, on the
 *   indicator's constant-price series (see `derivePriceSeries`): the growth is then real
 *   growth, the chained index's, whatever year's prices the series is in.
 * - reads: the scope's indicator (on `real`: its constant-price series, the indicator and its
 *   deflator).
 * - simulate: the simulated value in the target year against the level it implies from the
 *   observed base-year value, on the series of its basis.
 */
export const growthTarget: TargetDefinition<"growth"> = {
  kind: "growth",
  thresholdNoun: undefined,
  evaluate(original, context) {
    const judged = judgedOnBasis(original, context, false);
    if (!judged.ok) return insufficient(judged.missing, judged.notes);
    return reportedOnBasis(evaluateGrowth(judged.target, context), judged, original, context);
  },
  reads: (target) => ({ series: seriesOnBasis(target), references: [] }),
  growthSense: (target) => target.comparator,
  simulate(original, planner) {
    // A growth target is judged as the level it implies: base · (1 + g)^(year − baseYear), on
    // the series of its basis (at constant prices on `real`).
    const judged = judgedOnBasis(original, planner.context, false);
    if (!judged.ok) return notSimulated("no series on the target's basis");
    const target = judged.target;
    const scope = planner.need(target.scope, target.indicator);
    const base = findSeries(planner.context, target.scope, target.indicator)?.observed.find(
      (p) => p.year === target.baseYear,
    )?.value;
    if (scope === undefined) return notSimulated("no simulated series");
    if (base === undefined) return notSimulated("no base-year value");
    const threshold = base * (1 + target.value / 100) ** (target.year - target.baseYear);
    return {
      simulated: true,
      build: () => ({
        id: target.id,
        year: target.year,
        conditions: [
          conditionFor(target, { kind: "value", scope, indicator: target.indicator }, threshold),
        ],
      }),
    };
  },
};

/** A growth target judged on the series it names (see {@link growthTarget}). */
function evaluateGrowth(target: TargetOfKind["growth"], context: TargetContext): TargetEvaluation {
  if (target.year <= target.baseYear)
    return insufficient(
      [],
      [
        `target year ${target.year} is not after the base year ${target.baseYear}: growth undefined`,
      ],
    );
  const series = findSeries(context, target.scope, target.indicator);
  const base = series?.observed.find((p) => p.year === target.baseYear);
  const needs = [];
  if (base === undefined)
    needs.push(
      needSeries(
        context,
        target.scope,
        target.indicator,
        1,
        `the base-year (${target.baseYear}) level of ${target.indicator} for ${target.scope}`,
        [target.baseYear],
      ),
    );
  const need = projectionNeed(context, series, target.scope, target.indicator, target.year);
  if (need !== undefined) needs.push(need);
  if (needs.length > 0 || series === undefined || base === undefined) return insufficient(needs);
  if (!(base.value > 0))
    return insufficient([], [`base-year value ${base.value} is not positive: growth undefined`]);
  const years = target.year - target.baseYear;
  const rate = target.value / 100;
  const threshold = base.value * (1 + rate) ** years;
  const level = evaluateAgainstLevel(series, threshold, target, context);
  if (level.projected === null || !(level.projected > 0)) return level;
  const projectedRate = cagr(base.value, level.projected, years) * 100;
  const interval =
    level.interval === null || !(level.interval.lower > 0)
      ? null
      : {
          lower: cagr(base.value, level.interval.lower, years) * 100,
          upper: cagr(base.value, level.interval.upper, years) * 100,
          level: level.interval.level,
        };
  return {
    ...level,
    projected: projectedRate,
    interval,
    gap: gapOf(projectedRate, target.value),
    notes: [
      ...level.notes,
      `${target.value}% a year from ${base.value} in ${target.baseYear} means reaching ${Number(threshold.toPrecision(6))} in ${target.year}`,
    ],
  };
}
