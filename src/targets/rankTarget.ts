import { cagr } from "../growth/cagr.js";
import { requiredGrowth } from "../growth/requiredGrowth.js";
import { seriesValue } from "../scenarios/scopeSeries.js";
import { findSeries } from "./findSeries.js";
import { insufficient } from "./internal/insufficient.js";
import { positiveOnPaths } from "./internal/positiveOnPaths.js";
import { projectionNeed } from "./internal/seriesNeeds.js";
import { conditionFor, notSimulated } from "./internal/simulatedConditions.js";
import type { TargetDefinition } from "./targetDefinition.js";

/**
 * A `rank` target such as "enter the top 70 prefecture-level cities by GDP": the scope ranks at
 * `value` or better in a year when its indicator is at least the reference series (the GDP of
 * the city ranked `value`) in that year. The reference is observed up to its last year and then
 * projected with the scenario's `references` assumption, which the notes quote.
 *
 * - evaluate: a target without a year is judged in the plan's last year; `firstYearMet` searches
 *   the whole projection. `projected` is not a rank (other cities are not projected one by one),
 *   so it is left empty and the GDP gap to the reference is given in the notes; `latest` is the
 *   latest observed rank when the pack has it (`rankIndicator`).
 * - reads: the scope's indicator, its observed rank (`rankIndicator`) when given, and the
 *   reference series.
 * - simulate: the ratio of the scope's simulated value to the reference series (itself
 *   simulated, with shocks of its own) against 1, in the simulated years from the target's base
 *   year on; only for a log-scale indicator.
 */
export const rankTarget: TargetDefinition<"rank"> = {
  kind: "rank",
  thresholdNoun: "rank",
  evaluate(target, context) {
    const year = target.year ?? context.plan.endYear;
    const series = findSeries(context, target.scope, target.indicator);
    const reference = context.projection.references.find((r) => r.id === target.reference);
    const need = projectionNeed(context, series, target.scope, target.indicator, year);
    if (need !== undefined || series === undefined)
      return insufficient(need === undefined ? [] : [need]);
    if (reference === undefined)
      return insufficient([], [`the pack has no reference series "${target.reference}"`]);
    const refAt = (y: number): number | undefined => {
      const k = reference.years.indexOf(y);
      return k < 0 ? undefined : reference.values[k];
    };
    const own = seriesValue(series, year);
    const ref = refAt(year);
    const notes = [
      `reference ${reference.id}: observed to ${reference.observedThrough}, then ${reference.reason}`,
    ];
    if (own === undefined || ref === undefined)
      return insufficient(
        [],
        [
          ...notes,
          `no projection of the reference for ${year}: the scenario needs a model for "${reference.id}"`,
        ],
      );
    const latestPoint = series.observed[series.observed.length - 1];
    if (latestPoint === undefined) return insufficient([]);
    const rankSeries =
      target.rankIndicator === undefined
        ? undefined
        : findSeries(context, target.scope, target.rankIndicator);
    const latestRank = rankSeries?.observed[rankSeries.observed.length - 1];
    const atLatest = refAt(latestPoint.year);
    const lowerIsBetter = target.comparator !== ">=";
    const meets = (a: number, b: number) => (lowerIsBetter ? a >= b : a <= b);
    const met = meets(own, ref);
    let first: number | null = null;
    for (let y = target.baseYear + 1; y <= context.projection.scenario.toYear; y++) {
      const a = seriesValue(series, y);
      const b = refAt(y);
      if (a !== undefined && b !== undefined && meets(a, b)) {
        first = y;
        break;
      }
    }
    const years = year - latestPoint.year;
    const ok = years > 0 && latestPoint.value > 0 && ref > 0 && own > 0;
    notes.push(
      `${year}: ${target.indicator} ${Number(own.toPrecision(6))} vs the reference ${Number(ref.toPrecision(6))} (${own >= ref ? "+" : ""}${Number((own - ref).toPrecision(4))})`,
    );
    const achieved =
      latestRank !== undefined
        ? latestRank.value <= target.value
        : atLatest !== undefined && meets(latestPoint.value, atLatest);
    return {
      projected: null,
      interval: null,
      met,
      gap: null,
      latest:
        latestRank !== undefined
          ? { year: latestRank.year, value: latestRank.value, source: latestRank.source }
          : null,
      requiredGrowth: ok ? requiredGrowth(latestPoint.value, ref, years) : null,
      impliedGrowth: ok ? cagr(latestPoint.value, own, years) : null,
      firstYearMet: first,
      expectedProgress: null,
      actualProgress: null,
      achieved,
      final: latestPoint.year >= year,
      missing: [],
      notes,
    };
  },
  reads: (target) => ({
    series: [
      { scope: target.scope, indicator: target.indicator },
      ...(target.rankIndicator === undefined
        ? []
        : [{ scope: target.scope, indicator: target.rankIndicator }]),
    ],
    references: [target.reference],
  }),
  // Rising in rank means the indicator (GDP) must rise: its shortfall reads as for "at least".
  growthSense: () => ">=",
  simulate(target, planner) {
    // Rank k or better while the scope's value is at least the k-th city's: the ratio of the
    // two simulated series against 1, so the reference's own uncertainty counts too.
    const scope = planner.need(target.scope, target.indicator);
    const reference = planner.needReference(target.reference);
    if (scope === undefined) return notSimulated("no simulated series");
    if (reference === undefined) return notSimulated(`no reference series "${target.reference}"`);
    const indicator = planner.indicator(target.indicator);
    if (
      indicator?.scale !== "log" ||
      (indicator.formula !== undefined && !positiveOnPaths(planner, target.scope, target.indicator))
    )
      return notSimulated(
        `a rank is simulated only for a log-scale indicator: ${target.indicator} is not`,
      );
    const { context } = planner;
    return {
      simulated: true,
      build: (firstYear) => ({
        id: target.id,
        year: target.year ?? context.plan.endYear,
        window: {
          from: Math.max(target.baseYear + 1, firstYear),
          to: context.projection.scenario.toYear,
        },
        conditions: [
          conditionFor(
            target,
            {
              kind: "ratio",
              numerator: { scope, indicator: target.indicator },
              denominator: { scope: reference, indicator: target.reference },
              scale: 1,
            },
            1,
            target.comparator === ">=" ? "<=" : ">=",
          ),
        ],
      }),
    };
  },
};
